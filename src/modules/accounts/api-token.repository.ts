import type { Db } from '../../db/types';
import type { ApiToken, NewApiToken } from './api-token.tables';

export async function insertApiToken(db: Db, token: NewApiToken): Promise<ApiToken> {
  return db.insertInto('api_tokens').values(token).returningAll().executeTakeFirstOrThrow();
}

/**
 * A token that is neither revoked nor expired at `now`, with its account: an active account whose
 * password has not changed since the token was issued (as for sessions, whatever rows remain).
 */
export async function findLiveToken(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('accounts', 'accounts.id', 'api_tokens.account_id')
    .selectAll('accounts')
    .select(['api_tokens.id as token_id', 'api_tokens.expires_at as token_expires_at', 'api_tokens.last_used_at as token_last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', now)
    .where('accounts.deactivated_at', 'is', null)
    .whereRef('api_tokens.created_at', '>=', 'accounts.password_changed_at')
    .executeTakeFirst();
}

export async function touchToken(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** The live tokens of one account, newest first (« Appareils connectés »). */
export async function findLiveTokensOf(db: Db, accountId: number, now: string): Promise<ApiToken[]> {
  return db
    .selectFrom('api_tokens')
    .innerJoin('accounts', 'accounts.id', 'api_tokens.account_id')
    .selectAll('api_tokens')
    .where('api_tokens.account_id', '=', accountId)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', now)
    .whereRef('api_tokens.created_at', '>=', 'accounts.password_changed_at')
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id', 'desc')
    .execute();
}

/** Revokes every live token of one account (its password changed, or it was deactivated). */
export async function revokeTokensOfAccount(db: Db, accountId: number, at: string): Promise<number> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: at }).where('account_id', '=', accountId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes one token of one account; false when it is not theirs or already revoked. */
export async function revokeTokenOf(db: Db, accountId: number, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('account_id', '=', accountId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Housekeeping: rows revoked or expired before `before` go. */
export async function deleteDeadTokensBefore(db: Db, before: string): Promise<void> {
  await db
    .deleteFrom('api_tokens')
    .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
    .execute();
}
