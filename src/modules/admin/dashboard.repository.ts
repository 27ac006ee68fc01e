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

/** Appointments recorded « Absent » that were to start in [from, to). */
export async function countNoShows(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'absent')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Plans published in [from, to). */
export async function countPlansPublished(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('plans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('published_at', '>=', from)
    .where('published_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active agents, by name. */
export async function findActiveAgents(db: Db) {
  return db.selectFrom('accounts').select(['id', 'display_name']).where('role', '=', 'agent').where('deactivated_at', 'is', null).orderBy('display_name').execute();
}
