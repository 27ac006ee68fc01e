import type { Db } from '../../db/types';

/** Requests submitted in [from, to), with when the first appointment was proposed. */
export async function findRequestsSubmitted(db: Db, from: string, to: string) {
  return db
    .selectFrom('intake_requests')
    .innerJoin('accounts as client', 'client.id', 'intake_requests.client_id')
    .select(['intake_requests.id', 'intake_requests.client_id', 'intake_requests.submitted_at', 'intake_requests.first_proposed_at', 'client.display_name as client_name'])
    .where('intake_requests.submitted_at', '>=', from)
    .where('intake_requests.submitted_at', '<', to)
    .orderBy('intake_requests.submitted_at')
    .execute();
}

/** Re-proposal tasks (one per cancellation by a client) opened in [from, to). */
export async function findReproposalsCreated(db: Db, from: string, to: string) {
  return db
    .selectFrom('agent_tasks')
    .innerJoin('accounts as client', 'client.id', 'agent_tasks.client_id')
    .select(['agent_tasks.id', 'agent_tasks.client_id', 'agent_tasks.created_at', 'agent_tasks.due_at', 'agent_tasks.done_at', 'client.display_name as client_name'])
    .where('agent_tasks.kind', '=', 'reproposer')
    .where('agent_tasks.created_at', '>=', from)
    .where('agent_tasks.created_at', '<', to)
    .orderBy('agent_tasks.created_at')
    .execute();
}

/** When each appointment recorded « Absent » in [from, to) was to start, in order. */
export async function findNoShowTimes(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('appointments')
    .select('starts_at')
    .where('status', '=', 'absent')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();
  return rows.map((row) => row.starts_at);
}

/** When each plan published in [from, to) was published. */
export async function findPublicationTimes(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plans')
    .select('published_at')
    .where('published_at', '>=', from)
    .where('published_at', '<', to)
    .execute();
  return rows.map((row) => row.published_at as string);
}

/** Active agents, by name. */
export async function findActiveAgents(db: Db) {
  return db.selectFrom('accounts').select(['id', 'display_name']).where('role', '=', 'agent').where('deactivated_at', 'is', null).orderBy('display_name').execute();
}

/** The agent of each of these clients (those without one are left out). */
export async function findAgentsOfClients(db: Db, clientIds: readonly number[]): Promise<Map<number, number>> {
  const agents = new Map<number, number>();
  // In slices, so that no statement binds more values than a database accepts.
  for (let start = 0; start < clientIds.length; start += 500) {
    const rows = await db
      .selectFrom('accounts')
      .select(['id', 'agent_id'])
      .where('id', 'in', clientIds.slice(start, start + 500))
      .where('agent_id', 'is not', null)
      .execute();
    for (const row of rows) agents.set(row.id, row.agent_id as number);
  }
  return agents;
}
