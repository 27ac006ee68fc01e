import type { Db } from '../../db/types';
import type { IntakeDraft } from './request.tables';

export async function findDraft(db: Db, clientId: number): Promise<IntakeDraft | undefined> {
  return db.selectFrom('intake_drafts').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

/** Saves the draft's answers (one draft per person: the key is the client). */
export async function upsertDraft(db: Db, clientId: number, answers: string, at: string): Promise<void> {
  await db
    .insertInto('intake_drafts')
    .values({ client_id: clientId, answers, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('client_id').doUpdateSet({ answers, updated_at: at }))
    .execute();
}

/** Removes the draft; returns whether this call did (two transmissions at once: one wins). */
export async function deleteDraft(db: Db, clientId: number): Promise<boolean> {
  const result = await db.deleteFrom('intake_drafts').where('client_id', '=', clientId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The person's request that is still active: their file is not closed. */
export async function findActiveRequest(db: Db, clientId: number) {
  return db
    .selectFrom('intake_requests')
    .innerJoin('accounts as client', 'client.id', 'intake_requests.client_id')
    .selectAll('intake_requests')
    .where('intake_requests.client_id', '=', clientId)
    .where('client.closed_at', 'is', null)
    .orderBy('intake_requests.id', 'desc')
    .executeTakeFirst();
}

/** The client's requests with the agent now following them, newest first (« Mes dossiers »). */
export async function findRequestsWithAgent(db: Db, clientId: number) {
  return db
    .selectFrom('intake_requests')
    .innerJoin('accounts as client', 'client.id', 'intake_requests.client_id')
    .leftJoin('accounts as agent', 'agent.id', 'client.agent_id')
    .selectAll('intake_requests')
    .select(['agent.display_name as agent_name', 'client.closed_at'])
    .where('intake_requests.client_id', '=', clientId)
    .orderBy('intake_requests.id', 'desc')
    .execute();
}

/** The team a client's request went to, on the account (accounts.team of a client). */
export async function setClientTeam(db: Db, clientId: number, team: string): Promise<void> {
  await db.updateTable('accounts').set({ team }).where('id', '=', clientId).where('role', '=', 'client').execute();
}

/** What the person said of themselves in the request, kept on the account for the agent. */
export async function setClientContact(db: Db, clientId: number, contact: { phone?: string; time_zone: string }): Promise<void> {
  await db.updateTable('accounts').set(contact).where('id', '=', clientId).where('role', '=', 'client').execute();
}
