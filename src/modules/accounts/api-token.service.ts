import { createHash, randomBytes } from 'node:crypto';
import type { Account } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { ResolvedApiToken } from '../../platform/http/api-kit';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { deleteDeadTokensBefore, findLiveToken, findLiveTokensOf, insertApiToken, revokeTokenOf, revokeTokensOfAccount, touchToken } from './api-token.repository';
import type { ApiToken } from './api-token.tables';
import { hasConfirmedAddress, mayHoldApiToken, ownClientId } from './account.policy';
import { type CredentialsRefused, checkCredentials } from './auth.service';

/** How long a device stays signed in to the API without signing in again. */
export const API_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;
/** last_used_at is written at most this often. */
const TOUCH_INTERVAL_MS = 3600 * 1000;
export const TOKEN_LABEL_MAX = 100;
/** The prefix makes a leaked token recognizable by secret scanners and in logs. */
const TOKEN_PREFIX = 'aq_';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type IssueResult = { ok: true; token: string; expiresAt: string; account: Account } | CredentialsRefused | { ok: false; code: 'STAFF_NO_TOKEN' | 'EMAIL_NOT_CONFIRMED' };

/**
 * A device signs in to the API: the same credentials check and throttle as the sign-in page,
 * then a new random token (256 bits), of which only the hash is kept. Staff accounts get none
 * until the API has staff functions, and an account whose address is not confirmed none until it
 * is (the password alone does not show that the address is the person's). The token is shown
 * once, in this answer.
 */
export async function issueApiToken(db: Db, input: { email: string; password: string; ip: string; label: string }, clock: Clock): Promise<IssueResult> {
  const checked = await checkCredentials(db, input, clock);
  if (!checked.ok) return checked;
  const { account } = checked;
  const now = clock();
  const at = now.toISOString();
  if (!mayHoldApiToken(account)) {
    await recordAudit(db, { at, actorId: account.id, action: 'api.token_refused', subjectType: 'account', subjectId: account.id, ip: input.ip, details: { reason: 'staff' } });
    return { ok: false, code: 'STAFF_NO_TOKEN' };
  }
  if (!hasConfirmedAddress(account)) {
    await recordAudit(db, {
      at,
      actorId: account.id,
      action: 'api.token_refused',
      subjectType: 'account',
      subjectId: account.id,
      clientId: ownClientId(account),
      ip: input.ip,
      details: { reason: 'email_not_confirmed' },
    });
    return { ok: false, code: 'EMAIL_NOT_CONFIRMED' };
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + API_TOKEN_TTL_MS).toISOString();
  const label = input.label.trim().slice(0, TOKEN_LABEL_MAX) || 'API';
  await inTransaction(db, async (trx) => {
    const row = await insertApiToken(trx, { token_hash: hashApiToken(token), account_id: account.id, label, created_at: at, expires_at: expiresAt, last_used_at: at, revoked_at: null });
    await recordAudit(trx, { at, actorId: account.id, action: 'api.token_issued', subjectType: 'api_token', subjectId: row.id, clientId: account.id, ip: input.ip, details: { label } });
  });
  // Housekeeping on a path that is rare and already slow (argon2).
  await deleteDeadTokensBefore(db, new Date(now.getTime() - API_TOKEN_TTL_MS).toISOString());
  return { ok: true, token, expiresAt, account };
}

/** The live token for a bearer value, or null (unknown, revoked, expired, or a closed file). */
export async function resolveApiToken(db: Db, token: string, clock: Clock): Promise<ResolvedApiToken | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const now = clock();
  const row = await findLiveToken(db, hashApiToken(token), now.toISOString());
  if (!row || row.closed_at || !mayHoldApiToken(row)) return null;
  const { token_id: tokenId, token_expires_at: expiresAt, token_last_used_at: lastUsedAt, ...account } = row;
  if (!lastUsedAt || now.getTime() - Date.parse(lastUsedAt) > TOUCH_INTERVAL_MS) await touchToken(db, tokenId, now.toISOString());
  return { tokenId, expiresAt, account };
}

/** « Appareils connectés »: the actor's own live tokens. */
export function listApiTokens(db: Db, actor: Actor, clock: Clock): Promise<ApiToken[]> {
  return findLiveTokensOf(db, actor.id, clock().toISOString());
}

/**
 * « Retirer » (or the device's own sign-out): revokes one of the actor's tokens. Someone else's
 * id, or one already revoked, is not found.
 */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: number, clock: Clock): Promise<void> {
  await inTransaction(db, async (trx) => {
    const at = clock().toISOString();
    if (!(await revokeTokenOf(trx, actor.id, tokenId, at))) throw new NotFoundError('API_TOKEN.NOT_FOUND');
    await recordAudit(trx, { at, actorId: actor.id, action: 'api.token_revoked', subjectType: 'api_token', subjectId: tokenId, clientId: ownClientId(actor), ip: actor.ip ?? null });
  });
}

/**
 * Ends every API token of an account, in the caller's transaction: with its sessions, when its
 * password changes (« Mes informations », « Mot de passe oublié ») or a manager deactivates it.
 * Each device signs in again (with the new password).
 */
export async function endApiTokensOf(db: Db, accountId: number, at: string): Promise<void> {
  await revokeTokensOfAccount(db, accountId, at);
}
