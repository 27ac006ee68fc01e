import { createHash, randomBytes } from 'node:crypto';
import type { Session } from '../../db/database';
import type { Db } from '../../db/types';
import type { Clock } from '../clock';
import { memoizeRecent } from '../memo';
import type { KeptSessions } from './kept-sessions';
import { deleteExpiredSessions, deleteSession, findSessionWithAccount, insertSession, type SessionWithAccount, touchSession } from './session.repository';

/** The longest idle time (SESSION_IDLE_SECONDS may shorten it). */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/**
 * How long a session's row outlives its idle end: a form posted in that hour still names whose it
 * was, so what was typed can be kept for that account alone (form-draft.service.ts).
 */
export const ENDED_ROW_GRACE_MS = 60 * 60 * 1000;
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

export type ResolvedSession = SessionWithAccount | { expired: true; accountId: number } | null;

/** What a process keeps of the sessions it resolves (kept-sessions.ts, ADR 0014). */
export type KeptSessionRows = KeptSessions<SessionWithAccount>;

/**
 * Finds the live session for a cookie token. A session idle for 30 minutes (or `idleMs`) or older
 * than 12 hours is deleted and reported as expired, with whose it was, so the person is told why
 * they must sign in again and a form they posted can be kept for them. The session returned
 * carries the activity just recorded, so the page can say when it will end; a request that is
 * not the person's activity (`isActivity` false: the timeout warning asking how long is left)
 * changes nothing: it records no activity and deletes no ended session.
 *
 * With `kept`, the row comes from memory while no commit anywhere may have changed it (ADR 0014);
 * the timeouts are still worked out from it on every request.
 */
export async function resolveSession(db: Db, token: string, clock: Clock, idleMs = IDLE_TIMEOUT_MS, isActivity = true, kept?: KeptSessionRows): Promise<ResolvedSession> {
  const id = hashToken(token);
  const found = kept ? await kept.find(id, () => findSessionWithAccount(db, id)) : await findSessionWithAccount(db, id);
  if (!found) return null;
  const { session, account, pageVersions } = found;
  const now = clock().getTime();
  const idle = now - Date.parse(session.last_seen_at) > idleMs;
  const tooOld = now >= Date.parse(session.expires_at);
  if (idle || tooOld || Date.parse(account.password_changed_at) > Date.parse(session.created_at)) {
    // Asked without activity (the timeout warning), the ended session is left as it is: the form
    // the page may send next must still find whose it was.
    if (isActivity) await deleteSession(db, session.id);
    return { expired: true, accountId: account.id };
  }
  if (isActivity && touchDue(session, now)) {
    const lastSeenAt = new Date(now).toISOString();
    await touchSession(db, session.id, lastSeenAt);
    return { session: { ...session, last_seen_at: lastSeenAt }, account, pageVersions };
  }
  return { session, account, pageVersions };
}

/** Whether a request now, the person's activity, would write the session's last activity (at most once a minute). */
export function touchDue(session: Pick<Session, 'last_seen_at'>, now: number): boolean {
  return now - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS;
}

/** « Continuer la session »: records activity now, whatever the last record, and says when the session will end. */
export async function extendSession(db: Db, session: Session, clock: Clock, idleMs = IDLE_TIMEOUT_MS): Promise<Date> {
  const now = clock();
  await touchSession(db, session.id, now.toISOString());
  return sessionEnd({ ...session, last_seen_at: now.toISOString() }, idleMs);
}

/** When the session ends if nothing happens: the idle end, or the absolute end if sooner. */
export function sessionEnd(session: Pick<Session, 'last_seen_at' | 'expires_at'>, idleMs = IDLE_TIMEOUT_MS): Date {
  return new Date(Math.min(Date.parse(session.last_seen_at) + idleMs, Date.parse(session.expires_at)));
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

/** Rows of sessions idle past their end are kept an hour more (ENDED_ROW_GRACE_MS); they never resolve again. */
export async function purgeExpiredSessions(db: Db, clock: Clock): Promise<void> {
  const now = clock().getTime();
  await deleteExpiredSessions(db, new Date(now - IDLE_TIMEOUT_MS - ENDED_ROW_GRACE_MS).toISOString(), new Date(now).toISOString());
}
