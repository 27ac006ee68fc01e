import type { Db } from '../../db/types';

export interface AgentCaseload {
  id: number;
  display_name: string;
  email: string;
  team: string | null;
  /** The languages they speak, as stored (`fr,es`), or null. */
  languages: string | null;
  active: boolean;
  /** False while they have yet to accept their invitation: no client may be given to them then. */
  accepted: boolean;
  clients: number;
}

/** Agents with the number of clients assigned to each, by name (deactivated ones included, flagged). */
export async function findAgentCaseloads(db: Db): Promise<AgentCaseload[]> {
  const rows = await db
    .selectFrom('accounts as agent')
    .leftJoin('accounts as client', (join) => join.onRef('client.agent_id', '=', 'agent.id').on('client.role', '=', 'client'))
    .select((eb) => [
      'agent.id',
      'agent.display_name',
      'agent.email',
      'agent.team',
      'agent.languages',
      'agent.deactivated_at',
      eb.fn.count<number>('client.id').as('clients'),
      eb
        .case()
        .when(
          eb.and([
            eb.exists(eb.selectFrom('staff_invitations as i').select('i.id').whereRef('i.account_id', '=', 'agent.id')),
            eb.not(eb.exists(eb.selectFrom('staff_invitations as u').select('u.id').whereRef('u.account_id', '=', 'agent.id').where('u.used_at', 'is not', null))),
          ]),
        )
        .then(1)
        .else(0)
        .end()
        .as('invitation_pending'),
    ])
    .where('agent.role', '=', 'agent')
    .groupBy(['agent.id', 'agent.display_name', 'agent.email', 'agent.team', 'agent.languages', 'agent.deactivated_at'])
    .orderBy('agent.display_name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    display_name: row.display_name,
    email: row.email,
    team: row.team,
    languages: row.languages,
    active: row.deactivated_at === null,
    accepted: Number(row.invitation_pending) === 0,
    clients: Number(row.clients),
  }));
}

/**
 * An active agent, with whether they have yet to accept their invitation (`invitation_pending`:
 * invited, and no invitation of theirs used): clients go only to someone who has signed in.
 */
export async function findActiveAgent(db: Db, id: number) {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => [
      'id',
      'display_name',
      'team',
      'languages',
      eb
        .case()
        .when(
          eb.and([
            eb.exists(eb.selectFrom('staff_invitations as i').select('i.id').whereRef('i.account_id', '=', 'accounts.id')),
            eb.not(eb.exists(eb.selectFrom('staff_invitations as u').select('u.id').whereRef('u.account_id', '=', 'accounts.id').where('u.used_at', 'is not', null))),
          ]),
        )
        .then(1)
        .else(0)
        .end()
        .as('invitation_pending'),
    ])
    .where('id', '=', id)
    .where('role', '=', 'agent')
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
  return row && { ...row, invitation_pending: Number(row.invitation_pending) === 1 };
}

/** The clients assigned to an agent, by name. */
export async function findClientsOfAgent(db: Db, agentId: number) {
  return db.selectFrom('accounts').select(['id', 'display_name', 'email', 'agent_id']).where('role', '=', 'client').where('agent_id', '=', agentId).orderBy('display_name').orderBy('id').execute();
}

/** Clients by id with their current agent (unknown ids and staff are left out). */
export async function findClientsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('accounts').select(['id', 'display_name', 'agent_id']).where('role', '=', 'client').where('id', 'in', ids).orderBy('id').execute();
}

/**
 * Moves clients to an agent. Their open follow-up tasks go with them (the queue reads them by the
 * client already; the task's agent_id is kept true for reports).
 */
export async function moveClients(db: Db, clientIds: number[], agentId: number): Promise<void> {
  if (clientIds.length === 0) return;
  await db.updateTable('accounts').set({ agent_id: agentId }).where('role', '=', 'client').where('id', 'in', clientIds).execute();
  await db.updateTable('agent_tasks').set({ agent_id: agentId }).where('client_id', 'in', clientIds).where('done_at', 'is', null).execute();
}

/** Open requests (no first appointment yet) whose client has no agent, oldest first. */
export async function findUnassignedRequests(db: Db) {
  return db
    .selectFrom('intake_requests')
    .innerJoin('accounts as client', 'client.id', 'intake_requests.client_id')
    .select(['intake_requests.id', 'intake_requests.client_id', 'intake_requests.team', 'intake_requests.submitted_at', 'intake_requests.answers', 'client.display_name as client_name', 'client.locale as client_locale'])
    .where('client.agent_id', 'is', null)
    .where('intake_requests.first_proposed_at', 'is', null)
    .orderBy('intake_requests.submitted_at')
    .orderBy('intake_requests.id')
    .execute();
}

/** One open, unassigned request. */
export async function findUnassignedRequestById(db: Db, id: number) {
  return db
    .selectFrom('intake_requests')
    .innerJoin('accounts as client', 'client.id', 'intake_requests.client_id')
    .select(['intake_requests.id', 'intake_requests.client_id', 'intake_requests.team', 'client.display_name as client_name'])
    .where('intake_requests.id', '=', id)
    .where('client.agent_id', 'is', null)
    .where('intake_requests.first_proposed_at', 'is', null)
    .executeTakeFirst();
}

/** Sends an open, unassigned request to another team's queue; returns whether it did. */
export async function setRequestTeam(db: Db, requestId: number, team: string): Promise<boolean> {
  const result = await db.updateTable('intake_requests').set({ team }).where('id', '=', requestId).where('taken_by', 'is', null).where('first_proposed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Assigns the request's client to the agent, only if still unassigned; returns whether it did. */
export async function assignRequestIfFree(db: Db, request: { id: number; clientId: number }, agentId: number, at: string): Promise<boolean> {
  const moved = await db.updateTable('accounts').set({ agent_id: agentId }).where('id', '=', request.clientId).where('role', '=', 'client').where('agent_id', 'is', null).executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) return false;
  await db.updateTable('intake_requests').set({ taken_by: agentId, taken_at: at }).where('id', '=', request.id).execute();
  return true;
}

/**
 * What each client said of their languages: their newest request's answers (null when they made
 * none) and their account's language, for the clients asked (unknown ids and staff left out).
 */
export async function findClientsLanguageAnswers(db: Db, clientIds: number[]) {
  if (clientIds.length === 0) return [];
  return db
    .selectFrom('accounts as client')
    .leftJoin('intake_requests as request', (join) =>
      join
        .onRef('request.client_id', '=', 'client.id')
        .on((eb) => eb.not(eb.exists(eb.selectFrom('intake_requests as newer').select('newer.id').whereRef('newer.client_id', '=', 'client.id').whereRef('newer.id', '>', 'request.id')))),
    )
    .select(['client.id', 'client.locale', 'request.answers'])
    .where('client.role', '=', 'client')
    .where('client.id', 'in', clientIds)
    .execute();
}
