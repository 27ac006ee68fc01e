import type { Account } from '../../db/database';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { closeSession, openSession, purgeExpiredSessions } from '../../platform/session/session.service';
import { findAccountByEmail } from './account.repository';
import { decoyHash, verifyPassword } from './password';
import { beginSignInChallenge, secondFactorStep } from './second-factor.service';
import type { DeviceCookie } from './device-cookie';
import { claimSignInAttempt, settleSuccessfulAttempt, type ThrottleScope } from './sign-in-throttle.service';
import { offerUnlockLink } from './sign-in-unlock.service';
import { countFailedSignIn } from '../../platform/metrics/metrics';

export type SignInResult =
  /** Signed in; `offerSecondFactor` when a staff member not enrolled may enrol now or « Plus tard » (outside production). */
  | { ok: true; account: Account; token: string; offerSecondFactor: boolean }
  /** Staff: the password was right, no session yet; the code (or, in production, enrolment) comes next. */
  | { ok: true; account: Account; pending: 'code' | 'enrol'; challengeToken: string }
  | CredentialsRefused;

export interface SignInInput extends CredentialsInput {
  /** The session token the browser already holds, if any: it ends when the new one opens. */
  previousToken?: string | null;
  /** In production a staff member must enrol a second factor before any page. */
  isProduction?: boolean;
}

export interface CredentialsInput {
  email: string;
  password: string;
  ip: string;
  /** The browser's genuine device cookie, if any (device-cookie.ts): it counts only for the account it names. */
  device?: DeviceCookie;
  /** The sign-in page: when the account is throttled for everyone, an unlock link is mailed (links point here). */
  unlockLinks?: { publicUrl: string };
}

/**
 * A wrong e-mail or password (the same answer for both), or too many attempts (ACCOUNT_ERRORS gives
 * each its status and message); `unlockOffered` when the page says an unlock link may have been mailed.
 */
export type CredentialsRefused = { ok: false; code: 'INVALID_CREDENTIALS' } | { ok: false; code: 'THROTTLED'; scope: ThrottleScope; retryAfterMs: number; unlockOffered?: true };

export type CredentialsResult = { ok: true; account: Account } | CredentialsRefused;

/**
 * Checks an e-mail and password under the sign-in throttle (the page and the API's tokens share
 * it). A wrong e-mail and a wrong password give the same answer. The attempt is counted before
 * the password is checked (see sign-in-throttle.service.ts); too many give `throttled`, which
 * lifts by itself. Failures are audited; success is left to the caller, which opens something.
 */
export async function checkCredentials(db: Db, input: CredentialsInput, clock: Clock): Promise<CredentialsResult> {
  const email = input.email.trim().toLowerCase();
  const now = clock();
  const at = now.toISOString();

  const account = await findAccountByEmail(db, email);
  // A device cookie counts only on the account it names: one's own cookie does nothing for another account.
  const knownDevice = account && input.device?.accountId === account.id ? input.device.deviceId : undefined;
  const claim = await claimSignInAttempt(db, email, input.ip, now, knownDevice);
  if (!claim.ok) {
    await recordAudit(db, { at, actorId: null, action: 'auth.sign_in_throttled', ip: input.ip, details: { email, scope: claim.scope } });
    if (claim.scope !== 'account' || !input.unlockLinks) return { ok: false, code: 'THROTTLED', scope: claim.scope, retryAfterMs: claim.retryAfterMs };
    // Locked for everyone by strangers' guesses: the owner gets a link to make this device known.
    if (account && !account.deactivated_at) await offerUnlockLink(db, account, input.ip, { clock, publicUrl: input.unlockLinks.publicUrl });
    return { ok: false, code: 'THROTTLED', scope: claim.scope, retryAfterMs: claim.retryAfterMs, unlockOffered: true };
  }

  const passwordOk = account
    ? await verifyPassword(account.password_hash, input.password)
    : // biome-ignore lint/complexity/noCommaOperator: an unknown e-mail costs the same verification as a wrong password, then fails
      (await verifyPassword(await decoyHash(), input.password), false);

  // A deactivated account gets the same answer as a wrong password (its sessions no longer resolve either).
  if (!account || !passwordOk || account.deactivated_at) {
    await recordAudit(db, {
      at,
      actorId: account?.id ?? null,
      action: 'auth.sign_in_failed',
      subjectType: account ? 'account' : undefined,
      subjectId: account?.id,
      ip: input.ip,
      details: account?.deactivated_at && passwordOk ? { email, deactivated: true } : { email },
    });
    countFailedSignIn();
    return { ok: false, code: 'INVALID_CREDENTIALS' };
  }

  await settleSuccessfulAttempt(db, claim.ticket, now);
  return { ok: true, account };
}

/** Checks the credentials (see checkCredentials) and opens a session, or the second factor's step for staff. */
export async function signIn(db: Db, input: SignInInput, clock: Clock): Promise<SignInResult> {
  const checked = await checkCredentials(db, input, clock);
  if (!checked.ok) return checked;
  const { account } = checked;
  const step = secondFactorStep(account, input.isProduction ?? false);
  if (step === 'code' || step === 'enrol') {
    const challengeToken = await beginSignInChallenge(db, account.id, clock);
    await recordAudit(db, { at: clock().toISOString(), actorId: account.id, action: 'auth.password_accepted', subjectType: 'account', subjectId: account.id, ip: input.ip, details: { next: step } });
    return { ok: true, account, pending: step, challengeToken };
  }
  // One browser, one session: the one it held before (another person's, or an older one) ends.
  if (input.previousToken) await closeSession(db, input.previousToken);
  await purgeExpiredSessions(db, clock);
  const token = await openSession(db, account.id, clock);
  await recordAudit(db, { at: clock().toISOString(), actorId: account.id, action: 'auth.sign_in', subjectType: 'account', subjectId: account.id, ip: input.ip });
  return { ok: true, account, token, offerSecondFactor: step === 'offer' };
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
