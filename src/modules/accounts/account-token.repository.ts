import type { Db } from '../../db/types';
import type { AccountToken, AccountTokenPurpose, NewAccountToken } from './account-token.tables';

export async function insertAccountToken(db: Db, token: NewAccountToken): Promise<void> {
  await db.insertInto('account_tokens').values(token).execute();
}

/** A link that is neither used nor expired, for this purpose. */
export async function findLiveToken(db: Db, tokenHash: string, purpose: AccountTokenPurpose, now: string): Promise<AccountToken | undefined> {
  return db.selectFrom('account_tokens').selectAll().where('token_hash', '=', tokenHash).where('purpose', '=', purpose).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
}

/** Spends the link; only one caller can: returns whether this one did. */
export async function markTokenUsed(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable('account_tokens').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Spends every live link of this purpose of the account (a newer one replaces them, or the work is done). */
export async function spendTokensOf(db: Db, accountId: number, purpose: AccountTokenPurpose, now: string): Promise<void> {
  await db.updateTable('account_tokens').set({ used_at: now }).where('account_id', '=', accountId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

/** Links of this purpose made for the account since `since` (to cap how many mails one can trigger). */
export async function countTokensSince(db: Db, accountId: number, purpose: AccountTokenPurpose, since: string): Promise<number> {
  const row = await db
    .selectFrom('account_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
