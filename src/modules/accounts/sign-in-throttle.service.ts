import type { Db } from '../../db/types';
import { attemptsSince, clearAttempts, deleteAttempts, deleteAttemptsBefore, insertAttempt } from './login-throttle.repository';

/**
 * Sign-in attempts allowed per sliding window, by who is trying (see
 * docs/decisions/0005-sign-in-throttling.md for why these numbers):
 * - `perPair`: one account from one address. Strict: an attacker's guesses slow only themselves.
 * - `perAccount`: one account from every address together. Ten times higher, so a person is not
 *   shut out by someone else's guesses from one place, yet a botnet cannot guess without end.
 * - `perAddress`: every account from one address. Generous, for a library or an office behind
 *   one address, but it stops one address from trying a password on thousands of accounts.
 * - `perDevice`: a browser holding the account's device cookie (see device-cookie.ts), where the
 *   account signed in before. Its attempts count here instead of under `perPair` and `perAccount`:
 *   strangers' guesses, however many, never lock the owner out of their own device, and a stolen
 *   cookie buys only this many tries (a cookie cannot be made without the server's secret).
 */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60 * 1000, perPair: 5, perAccount: 50, perAddress: 100, perDevice: 5 } as const;

export type ThrottleScope = 'pair' | 'account' | 'address' | 'device';

/** The rows this attempt was counted under, to settle once the password has been checked. */
export interface AttemptTicket {
  pairKey: string;
  rowIds: number[];
}

export type ClaimResult = { ok: true; ticket: AttemptTicket } | { ok: false; code: 'THROTTLED'; scope: ThrottleScope; retryAfterMs: number };

/**
 * Counts the attempt before the password is checked, so that parallel guesses cannot all slip
 * under the limit: each attempt first writes its row (committed at once), then counts. Of N
 * parallel attempts the k-th to be written sees at least k rows, so no more than the limit ever
 * pass. A refused attempt removes its rows: hammering while refused does not prolong the wait.
 */
export async function claimSignInAttempt(db: Db, email: string, ip: string, now: Date, knownDeviceId?: string): Promise<ClaimResult> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs).toISOString();
  // The key whose earlier failures a success forgives: this person's own typos.
  const pairKey = knownDeviceId ? `device:${knownDeviceId}` : `pair:${email}|${ip}`;
  const buckets: Array<{ scope: ThrottleScope; key: string; limit: number }> = knownDeviceId
    ? [{ scope: 'device', key: pairKey, limit: SIGN_IN_LIMITS.perDevice }]
    : [
        { scope: 'pair', key: pairKey, limit: SIGN_IN_LIMITS.perPair },
        { scope: 'account', key: `account:${email}`, limit: SIGN_IN_LIMITS.perAccount },
      ];
  buckets.push({ scope: 'address', key: `ip:${ip}`, limit: SIGN_IN_LIMITS.perAddress });
  const rowIds: number[] = [];
  for (const bucket of buckets) {
    rowIds.push(await insertAttempt(db, bucket.key, at));
    const { count, oldest } = await attemptsSince(db, bucket.key, since);
    if (count > bucket.limit) {
      await deleteAttempts(db, rowIds);
      const liftsAt = (oldest ? Date.parse(oldest) : now.getTime()) + SIGN_IN_LIMITS.windowMs;
      return { ok: false, code: 'THROTTLED', scope: bucket.scope, retryAfterMs: Math.max(liftsAt - now.getTime(), 1000) };
    }
  }
  return { ok: true, ticket: { pairKey, rowIds } };
}

/**
 * A correct password is not a failure: its rows go, and so do the person's own earlier typos
 * from that address. Others' failures on the account stay until they leave the window.
 */
export async function settleSuccessfulAttempt(db: Db, ticket: AttemptTicket, now: Date): Promise<void> {
  await deleteAttempts(db, ticket.rowIds);
  await clearAttempts(db, ticket.pairKey);
  // Housekeeping on a path that is rare and already slow (argon2).
  await deleteAttemptsBefore(db, new Date(now.getTime() - SIGN_IN_LIMITS.windowMs).toISOString());
}
