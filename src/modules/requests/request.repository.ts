import { clientInScope } from '../../db/scope';
import type { Db } from '../../db/types';
import type { ClientScope } from '../../platform/access/actor';
import type { IntakeRequest, NewIntakeRequest } from './request.tables';

export async function insertRequest(db: Db, request: NewIntakeRequest): Promise<IntakeRequest> {
  return db.insertInto('intake_requests').values(request).returningAll().executeTakeFirstOrThrow();
}

/** The client's latest request, if any. */
export async function findRequestOfClient(db: Db, clientId: number): Promise<IntakeRequest | undefined> {
  return db.selectFrom('intake_requests').selectAll().where('client_id', '=', clientId).orderBy('id', 'desc').executeTakeFirst();
}

/**
 * Requests still waiting for their first appointment that an agent sees: those of their own
 * clients, and the unassigned ones of their team. A manager sees every open request.
 */
export async function findOpenRequests(db: Db, where: { scope: ClientScope; team: string | null }) {
  return db
    .selectFrom('intake_requests')
    .innerJoin('accounts as client', 'client.id', 'intake_requests.client_id')
    .select(['intake_requests.id', 'intake_requests.client_id', 'intake_requests.submitted_at', 'intake_requests.team', 'client.agent_id', 'client.display_name as client_name'])
    .where('intake_requests.first_proposed_at', 'is', null)
    .where((eb) => {
      const mine = clientInScope('intake_requests.client_id', where.scope);
      if (where.team === null) return mine;
      return eb.or([mine, eb.and([eb('client.agent_id', 'is', null), eb('intake_requests.team', '=', where.team)])]);
    })
    .orderBy('intake_requests.submitted_at')
    .execute();
}

/** An open, unassigned request of this team (what « Prendre en charge » may take). */
export async function findUnassignedRequest(db: Db, id: number, team: string | null) {
  let query = db
    .selectFrom('intake_requests')
    .innerJoin('accounts as client', 'client.id', 'intake_requests.client_id')
    .selectAll('intake_requests')
    .where('intake_requests.id', '=', id)
    .where('client.agent_id', 'is', null)
    .where('intake_requests.first_proposed_at', 'is', null);
  if (team !== null) query = query.where('intake_requests.team', '=', team);
  return query.executeTakeFirst();
}

/** Marks the request taken, only if nobody took it first; returns whether this call took it. */
export async function markTakenIfFree(db: Db, id: number, agentId: number, at: string): Promise<boolean> {
  const result = await db.updateTable('intake_requests').set({ taken_by: agentId, taken_at: at }).where('id', '=', id).where('taken_by', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The first appointment was proposed: the client's open requests leave the queue. */
export async function markFirstProposed(db: Db, clientId: number, at: string): Promise<void> {
  await db.updateTable('intake_requests').set({ first_proposed_at: at }).where('client_id', '=', clientId).where('first_proposed_at', 'is', null).execute();
}
