import type { Db } from '../../db/types';
import type { SignInChallenge } from './second-factor.tables';

export async function insertChallenge(db: Db, challenge: SignInChallenge): Promise<void> {
  await db.insertInto('sign_in_challenges').values(challenge).execute();
}

/** A challenge not yet expired (a spent one is deleted). */
export async function findLiveChallenge(db: Db, id: string, now: string): Promise<SignInChallenge | undefined> {
  return db.selectFrom('sign_in_challenges').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
}

/** Spends the challenge: returns whether this call did (two parallel codes cannot both open a session). */
export async function deleteChallenge(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sign_in_challenges').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function deleteChallengesOf(db: Db, accountId: number): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('account_id', '=', accountId).execute();
}

export async function deleteExpiredChallenges(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('expires_at', '<=', now).execute();
}

export async function setPendingSecret(db: Db, accountId: number, secret: string): Promise<void> {
  await db.updateTable('accounts').set({ totp_pending_secret: secret }).where('id', '=', accountId).execute();
}

/** Enrols the pending secret, if it is still the one the code was checked against (only one enrolment wins). */
export async function enrolPendingSecret(db: Db, accountId: number, secret: string, step: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ totp_secret: secret, totp_enrolled_at: at, totp_pending_secret: null, totp_last_step: step })
    .where('id', '=', accountId)
    .where('totp_pending_secret', '=', secret)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records that the code of this time step was used; false when this step (or a later one) already
 * was, so a code seen over a shoulder or replayed cannot be used a second time.
 */
export async function claimTotpStep(db: Db, accountId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Forgets the second factor entirely: secret, enrolment in progress, recovery codes. */
export async function clearSecondFactor(db: Db, accountId: number): Promise<void> {
  await db.updateTable('accounts').set({ totp_secret: null, totp_enrolled_at: null, totp_pending_secret: null, totp_last_step: null }).where('id', '=', accountId).execute();
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
}

/** The new set of recovery codes replaces every earlier one, used or not. */
export async function replaceRecoveryCodes(db: Db, accountId: number, hashes: string[], at: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ account_id: accountId, code_hash, used_at: null, created_at: at })))
    .execute();
}

/** Spends an unused recovery code of the account: true only for the one call that did. */
export async function spendRecoveryCode(db: Db, accountId: number, hash: string, at: string): Promise<boolean> {
  const result = await db.updateTable('recovery_codes').set({ used_at: at }).where('account_id', '=', accountId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
