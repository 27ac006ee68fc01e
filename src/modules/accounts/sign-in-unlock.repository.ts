import type { Db } from '../../db/types';
import type { SignInUnlock } from './sign-in-unlock.tables';

export async function insertUnlock(db: Db, row: { account_id: number; token_hash: string; created_at: string; expires_at: string }): Promise<void> {
  await db
    .insertInto('sign_in_unlocks')
    .values({ ...row, used_at: null })
    .execute();
}

/** A link neither used nor expired. */
export async function findLiveUnlock(db: Db, tokenHash: string, now: string): Promise<SignInUnlock | undefined> {
  return db.selectFrom('sign_in_unlocks').selectAll().where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
}

/** Spends the link; only one caller can: returns whether this one did. */
export async function markUnlockUsed(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable('sign_in_unlocks').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Links made for the account since `since` (to cap how many mails strangers' guesses can trigger). */
export async function countUnlocksSince(db: Db, accountId: number, since: string): Promise<number> {
  const row = await db
    .selectFrom('sign_in_unlocks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Forgets links a day past their expiry: they only said when strangers' guesses locked an account. */
export async function deleteUnlocksExpiredBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('sign_in_unlocks').where('expires_at', '<', before).execute();
}
