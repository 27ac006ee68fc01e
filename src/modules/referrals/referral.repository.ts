import type { Db } from '../../db/types';
import type { ClientScope } from '../../platform/access/actor';
import type { NewReferral, Referral, ReferralStatus } from './referral.tables';

/** Referrals whose client is within the scope (a client their own, an agent their caseload's). */
function inScope(db: Db, scope: ClientScope) {
  let query = db.selectFrom('referrals').selectAll('referrals');
  if (scope.kind === 'own') query = query.where('referrals.client_id', '=', scope.clientId);
  if (scope.kind === 'caseload') query = query.where('referrals.client_id', 'in', db.selectFrom('accounts').select('id').where('agent_id', '=', scope.agentId));
  return query;
}

export function findReferral(db: Db, scope: ClientScope, id: number): Promise<Referral | undefined> {
  return inScope(db, scope).where('referrals.id', '=', id).executeTakeFirst();
}

export function findReferralsOfClient(db: Db, scope: ClientScope, clientId: number): Promise<Referral[]> {
  return inScope(db, scope).where('referrals.client_id', '=', clientId).orderBy('referrals.created_at', 'desc').orderBy('referrals.id', 'desc').execute();
}

export function findReferralsOfAction(db: Db, scope: ClientScope, actionId: number): Promise<Referral[]> {
  return inScope(db, scope).where('referrals.action_id', '=', actionId).orderBy('referrals.created_at', 'desc').execute();
}

/** The referral a partner's link opens (by the hash of the link); whether it still may is the service's call. */
export function findReferralByLink(db: Db, linkHash: string): Promise<Referral | undefined> {
  return db.selectFrom('referrals').selectAll().where('link_hash', '=', linkHash).executeTakeFirst();
}

export async function insertReferral(db: Db, referral: NewReferral): Promise<Referral> {
  return db.insertInto('referrals').values(referral).returningAll().executeTakeFirstOrThrow();
}

/**
 * Applies a change only if the referral is still in one of `from` and at `version` (a concurrent
 * consent, withdrawal or answer wins once); returns the updated row, or undefined when it lost.
 */
export async function updateReferralIf(db: Db, id: number, expected: { from: readonly ReferralStatus[]; version: number }, change: Partial<Omit<Referral, 'id' | 'version'>>): Promise<Referral | undefined> {
  return db
    .updateTable('referrals')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('status', 'in', [...expected.from])
    .returningAll()
    .executeTakeFirst();
}

/** Referrals awaiting the partner's answer, or finished with a result nobody has read yet (« Ma file de travail »). */
export function findReferralsToFollow(db: Db, scope: ClientScope): Promise<Referral[]> {
  return inScope(db, scope)
    .where((eb) => eb.or([eb('referrals.status', '=', 'envoyee'), eb.and([eb('referrals.status', '=', 'terminee'), eb('referrals.result_read_at', 'is', null)])]))
    .orderBy('referrals.id')
    .execute();
}
