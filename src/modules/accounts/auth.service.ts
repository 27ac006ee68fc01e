import type { Account } from '../../db/database';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { closeSession, openSession, purgeExpiredSessions } from '../../platform/session/session.service';
import { findAccountByEmail } from './account.repository';
import { clearFailures, countFailuresSince, deleteFailuresBefore, insertFailure } from './login-throttle.repository';
import { decoyHash, verifyPassword } from './password';

/** Failures allowed in the window before sign-in is refused; the refusal lifts by itself. */
export const THROTTLE = { windowMs: 15 * 60 * 1000, perAccount: 5, perIp: 30 } as const;

export type SignInResult =
  | { ok: true; account: Account; token: string }
  | { ok: false; reason: 'invalid' | 'throttled' };

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
}

/**
 * Checks the credentials and opens a session. A wrong e-mail and a wrong password give the
 * same answer; too many failures for one account or one address give `throttled` for a
 * quarter of an hour, without locking the account for good.
 */
export async function signIn(db: Db, input: SignInInput, clock: Clock): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `account:${email}`;
  const ipKey = `ip:${input.ip}`;
  const now = clock();
  const since = new Date(now.getTime() - THROTTLE.windowMs).toISOString();
  const at = now.toISOString();

  const [accountFailures, ipFailures] = await Promise.all([
    countFailuresSince(db, accountKey, since),
    countFailuresSince(db, ipKey, since),
  ]);
  if (accountFailures >= THROTTLE.perAccount || ipFailures >= THROTTLE.perIp) {
    await recordAudit(db, { at, actorId: null, action: 'auth.sign_in_throttled', ip: input.ip, details: { email } });
    return { ok: false, reason: 'throttled' };
  }

  const account = await findAccountByEmail(db, email);
  const passwordOk = account
    ? await verifyPassword(account.password_hash, input.password)
    : (await verifyPassword(await decoyHash(), input.password), false);

  if (!account || !passwordOk) {
    await insertFailure(db, accountKey, at);
    await insertFailure(db, ipKey, at);
    await recordAudit(db, {
      at,
      actorId: account?.id ?? null,
      action: 'auth.sign_in_failed',
      subjectType: account ? 'account' : undefined,
      subjectId: account?.id,
      ip: input.ip,
      details: { email },
    });
    return { ok: false, reason: 'invalid' };
  }

  await clearFailures(db, accountKey);
  // Housekeeping on a path that is rare and already slow (argon2): old failures and dead sessions.
  await deleteFailuresBefore(db, since);
  await purgeExpiredSessions(db, clock);
  const token = await openSession(db, account.id, clock);
  await recordAudit(db, { at, actorId: account.id, action: 'auth.sign_in', subjectType: 'account', subjectId: account.id, ip: input.ip });
  return { ok: true, account, token };
}

export async function signOut(db: Db, token: string, account: Account, ip: string, clock: Clock): Promise<void> {
  await closeSession(db, token);
  await recordAudit(db, {
    at: clock().toISOString(),
    actorId: account.id,
    action: 'auth.sign_out',
    subjectType: 'account',
    subjectId: account.id,
    ip,
  });
}
