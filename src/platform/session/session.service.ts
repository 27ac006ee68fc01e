import { createHash, randomBytes } from 'node:crypto';
import type { Account, Session } from '../../db/database';
import type { Db } from '../../db/types';
import type { Clock } from '../clock';
import { memoizeRecent } from '../memo';
import { deleteExpiredSessions, deleteSession, findSessionWithAccount, insertSession, type PageVersions, touchSession } from './session.repository';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so that reading pages does not mean a write each time. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** 256 random bits, base64url: the only copy of the token is the cookie. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored id of a session: the cookie token's SHA-256 (the token itself is never stored). */
export const hashToken = memoizeRecent((token: string): string => createHash('sha256').update(token).digest('hex'));

/** Opens a new session for the account and returns the token for the cookie. */
export async function openSession(db: Db, accountId: number, clock: Clock): Promise<string> {
  const token = newToken();
  const now = clock();
  await insertSession(db, {
    id: hashToken(token),
    account_id: accountId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
  });
  return token;
}

export type ResolvedSession = { session: Session; account: Account; pageVersions: PageVersions } | { expired: true } | null;

/**
 * Finds the live session for a cookie token. A session idle for 30 minutes or older than
 * 12 hours is deleted and reported as expired, so the person is told why they must sign in again.
 */
export async function resolveSession(db: Db, token: string, clock: Clock): Promise<ResolvedSession> {
  const found = await findSessionWithAccount(db, hashToken(token));
  if (!found) return null;
  const { session, account, pageVersions } = found;
  const now = clock().getTime();
  const idle = now - Date.parse(session.last_seen_at) > IDLE_TIMEOUT_MS;
  const tooOld = now >= Date.parse(session.expires_at);
  if (idle || tooOld) {
    await deleteSession(db, session.id);
    return { expired: true };
  }
  if (Date.parse(account.password_changed_at) > Date.parse(session.created_at)) {
    await deleteSession(db, session.id);
    return { expired: true };
  }
  if (now - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    await touchSession(db, session.id, new Date(now).toISOString());
  }
  return { session, account, pageVersions };
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

export async function purgeExpiredSessions(db: Db, clock: Clock): Promise<void> {
  const now = clock().getTime();
  await deleteExpiredSessions(db, new Date(now - IDLE_TIMEOUT_MS).toISOString(), new Date(now).toISOString());
}
