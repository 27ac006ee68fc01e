import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Account } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { deleteSessionsOfAccount } from '../../platform/session/session.repository';
import { closeSession, hashToken, newToken, openSession, purgeExpiredSessions } from '../../platform/session/session.service';
import { hasSecondFactor, mayResetSecondFactor } from './account.policy';
import { findAccountById } from './account.repository';
import {
  claimTotpStep,
  clearSecondFactor,
  countUnusedRecoveryCodes,
  deleteChallenge,
  deleteChallengesOf,
  deleteExpiredChallenges,
  enrolPendingSecret,
  findLiveChallenge,
  insertChallenge,
  replaceRecoveryCodes,
  setPendingSecret,
  spendRecoveryCode,
} from './second-factor.repository';
import type { SecondFactorCode } from './account.errors';
import { claimSignInAttempt, settleSuccessfulAttempt, type ThrottleScope } from './sign-in-throttle.service';

/**
 * The second factor of staff (ASVS 6.3.3): a TOTP authenticator (RFC 6238, 30 s, 6 digits, SHA-1
 * as every authenticator app reads it) and ten single-use recovery codes, stored as sha256 (they
 * carry 50 random bits each, so a fast hash is enough). Clients are never asked.
 */
export const ISSUER = 'Accompagnement Québec';
/** How long the step between the password and the code lasts. */
export const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;
export const RECOVERY_CODE_COUNT = 10;
/** One step either side of now: a phone's clock a little off still works. */
const TOTP_WINDOW = 1;

/** What a password sign-in leads to. */
export type SecondFactorStep = 'none' | 'code' | 'enrol' | 'offer';

/**
 * Clients: nothing more. Staff enrolled: a code. Staff not enrolled: in production, enrolment
 * before any page; elsewhere (the demo's staff), enrolment is offered and can wait (« Plus tard »).
 */
export function secondFactorStep(account: Pick<Account, 'role' | 'totp_enrolled_at'>, isProduction: boolean): SecondFactorStep {
  if (!hasSecondFactor(account)) return 'none';
  if (account.totp_enrolled_at) return 'code';
  return isProduction ? 'enrol' : 'offer';
}

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** The time step a code is valid for now, or null when it is wrong. */
function matchingStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpOf(secret, '');
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/** Spaces and dashes a person may type are ignored; letters compare in upper case. */
const normalizeCode = (code: string) => code.replace(/[\s-]+/g, '').toUpperCase();
const hashRecoveryCode = (code: string) =>
  createHash('sha256')
    .update(`recovery:${normalizeCode(code)}`)
    .digest('hex');

/** Ten codes of ten characters from an alphabet without look-alikes (0/O, 1/I/L), shown as XXXXX-XXXXX. */
function newRecoveryCodes(): string[] {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

// ---- The step between the password and the code ---------------------------------------------

/** Opens the pending step after a right password: returns the token for the browser's cookie. */
export async function beginSignInChallenge(db: Db, accountId: number, clock: Clock): Promise<string> {
  const now = clock();
  const token = newToken();
  await deleteExpiredChallenges(db, now.toISOString());
  await insertChallenge(db, {
    id: hashToken(token),
    account_id: accountId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + CHALLENGE_LIFETIME_MS).toISOString(),
  });
  return token;
}

/** The staff member whose password was right, while the step is live (and the account active). */
export async function challengedAccount(db: Db, token: string | undefined, clock: Clock): Promise<Account | undefined> {
  if (!token || token.length > 100) return undefined;
  const challenge = await findLiveChallenge(db, hashToken(token), clock().toISOString());
  if (!challenge) return undefined;
  const account = await findAccountById(db, challenge.account_id);
  return account && !account.deactivated_at && hasSecondFactor(account) ? account : undefined;
}

export type CodeResult = { ok: true; account: Account; sessionToken: string; usedRecoveryCode: boolean; recoveryCodesLeft: number } | { ok: false; code: 'CHALLENGE_EXPIRED' } | CodeRefused;

/** A wrong code (or recovery code), or too many attempts. */
type CodeRefused = { ok: false; code: 'CODE_WRONG' } | { ok: false; code: 'CODE_THROTTLED'; scope: ThrottleScope; retryAfterMs: number };

/**
 * Checks a code, or a recovery code, under the same throttle as passwords (its own counters,
 * `totp:<e-mail>`, and the address's shared one), then opens the session.
 */
async function checkSecondFactor(db: Db, account: Account, code: string, ip: string, now: Date): Promise<{ ok: true; usedRecoveryCode: boolean } | CodeRefused> {
  const at = now.toISOString();
  const claim = await claimSignInAttempt(db, `totp:${account.email}`, ip, now);
  if (!claim.ok) {
    await recordAudit(db, { at, actorId: account.id, action: 'auth.second_factor_throttled', subjectType: 'account', subjectId: account.id, ip, details: { scope: claim.scope } });
    return { ok: false, code: 'CODE_THROTTLED', scope: claim.scope, retryAfterMs: claim.retryAfterMs };
  }
  const typed = code.trim();
  let usedRecoveryCode = false;
  let passed = false;
  if (account.totp_secret && /^\d{6}$/.test(typed.replace(/\s+/g, ''))) {
    const step = matchingStep(account.totp_secret, typed.replace(/\s+/g, ''), now);
    passed = step !== null && (await claimTotpStep(db, account.id, step));
  } else if (typed.length > 0 && typed.length <= 40) {
    passed = await spendRecoveryCode(db, account.id, hashRecoveryCode(typed), at);
    usedRecoveryCode = passed;
  }
  if (!passed) {
    await recordAudit(db, { at, actorId: account.id, action: 'auth.second_factor_failed', subjectType: 'account', subjectId: account.id, ip });
    return { ok: false, code: 'CODE_WRONG' };
  }
  await settleSuccessfulAttempt(db, claim.ticket, now);
  return { ok: true, usedRecoveryCode };
}

/** The code page of sign-in: a right code spends the step and opens the session. */
export async function completeSignIn(db: Db, input: { token: string | undefined; code: string; ip: string; previousToken?: string | null }, clock: Clock): Promise<CodeResult> {
  const account = await challengedAccount(db, input.token, clock);
  if (!account?.totp_secret || !input.token) return { ok: false, code: 'CHALLENGE_EXPIRED' };
  const now = clock();
  const checked = await checkSecondFactor(db, account, input.code, input.ip, now);
  if (!checked.ok) return checked;
  if (!(await deleteChallenge(db, hashToken(input.token)))) return { ok: false, code: 'CHALLENGE_EXPIRED' };
  const sessionToken = await openStaffSession(db, account, input.ip, input.previousToken, checked.usedRecoveryCode ? 'recovery_code' : 'totp', clock);
  return { ok: true, account, sessionToken, usedRecoveryCode: checked.usedRecoveryCode, recoveryCodesLeft: await countUnusedRecoveryCodes(db, account.id) };
}

async function openStaffSession(db: Db, account: Account, ip: string, previousToken: string | null | undefined, secondFactor: string, clock: Clock): Promise<string> {
  if (previousToken) await closeSession(db, previousToken);
  await purgeExpiredSessions(db, clock);
  const token = await openSession(db, account.id, clock);
  await recordAudit(db, { at: clock().toISOString(), actorId: account.id, action: 'auth.sign_in', subjectType: 'account', subjectId: account.id, ip, details: { secondFactor } });
  return token;
}

// ---- Enrolment ------------------------------------------------------------------------------

export interface Enrolment {
  /** The secret in base32, grouped by four for reading aloud or typing. */
  secretGroups: string;
  /** The otpauth:// URI the QR code carries. */
  uri: string;
  /** The QR code as an SVG image (a data: URI for an <img>: no inline style, nothing for the CSP to refuse). */
  qrDataUri: string;
}

/** The secret being enrolled (made on first view, kept until a code confirms it) and its QR code. */
export async function enrolmentOf(db: Db, account: Account): Promise<Enrolment> {
  let secret = account.totp_pending_secret;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    await setPendingSecret(db, account.id, secret);
  }
  const uri = totpOf(secret, account.email).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secretGroups: secret.match(/.{1,4}/g)?.join(' ') ?? secret, uri, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export type EnrolResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; code: Extract<SecondFactorCode, 'CODE_REQUIRED' | 'CODE_INVALID' | 'ALREADY_ENROLLED'> }
  | { ok: false; code: 'CODE_THROTTLED'; retryAfterMs: number };

/** The first code from the authenticator confirms the pending secret; the recovery codes are made then. */
async function confirmPendingSecret(db: Db, account: Account, code: string, ip: string, clock: Clock): Promise<EnrolResult> {
  if (account.totp_enrolled_at) return { ok: false, code: 'ALREADY_ENROLLED' };
  const typed = code.replace(/\s+/g, '');
  if (!typed) return { ok: false, code: 'CODE_REQUIRED' };
  const now = clock();
  const at = now.toISOString();
  const claim = await claimSignInAttempt(db, `totp:${account.email}`, ip, now);
  if (!claim.ok) return { ok: false, code: 'CODE_THROTTLED', retryAfterMs: claim.retryAfterMs };
  const secret = account.totp_pending_secret;
  const step = secret ? matchingStep(secret, typed, now) : null;
  if (!secret || step === null) {
    await recordAudit(db, { at, actorId: account.id, action: 'auth.second_factor_enrol_failed', subjectType: 'account', subjectId: account.id, ip });
    return { ok: false, code: 'CODE_INVALID' };
  }
  const codes = newRecoveryCodes();
  const enrolled = await inTransaction(db, async (trx) => {
    if (!(await enrolPendingSecret(trx, account.id, secret, step, at))) return false;
    await replaceRecoveryCodes(trx, account.id, codes.map(hashRecoveryCode), at);
    await recordAudit(trx, { at, actorId: account.id, action: 'auth.second_factor_enrolled', subjectType: 'account', subjectId: account.id, ip });
    return true;
  });
  if (!enrolled) return { ok: false, code: 'ALREADY_ENROLLED' };
  await settleSuccessfulAttempt(db, claim.ticket, now);
  return { ok: true, recoveryCodes: codes };
}

/** Enrolment by a signed-in staff member (from « Double authentification » or the offer after sign-in). */
export async function confirmEnrolment(db: Db, actor: Actor, code: string, clock: Clock): Promise<EnrolResult> {
  const account = await staffAccount(db, actor);
  return confirmPendingSecret(db, account, code, actor.ip ?? '', clock);
}

export type EnrolAtSignInResult = (EnrolResult & { ok: false }) | { ok: false; code: 'CHALLENGE_EXPIRED' } | { ok: true; recoveryCodes: string[]; account: Account; sessionToken: string };

/** Enrolment required at sign-in (production): the session opens only once the first code is right. */
export async function enrolAtSignIn(db: Db, input: { token: string | undefined; code: string; ip: string; previousToken?: string | null }, clock: Clock): Promise<EnrolAtSignInResult> {
  const account = await challengedAccount(db, input.token, clock);
  if (!account || !input.token) return { ok: false, code: 'CHALLENGE_EXPIRED' };
  const result = await confirmPendingSecret(db, account, input.code, input.ip, clock);
  if (!result.ok) return result;
  if (!(await deleteChallenge(db, hashToken(input.token)))) return { ok: false, code: 'CHALLENGE_EXPIRED' };
  const sessionToken = await openStaffSession(db, account, input.ip, input.previousToken, 'totp_enrolled', clock);
  return { ok: true, recoveryCodes: result.recoveryCodes, account, sessionToken };
}

// ---- The staff member's own page ------------------------------------------------------------

export interface SecondFactorStatus {
  enrolledAt: string | null;
  recoveryCodesLeft: number;
}

async function staffAccount(db: Db, actor: Actor): Promise<Account> {
  if (!hasSecondFactor(actor)) throw new NotFoundError('SECOND_FACTOR.NOT_FOUND');
  const account = await findAccountById(db, actor.id);
  if (!account) throw new NotFoundError('SECOND_FACTOR.NOT_FOUND');
  return account;
}

export async function secondFactorStatus(db: Db, actor: Actor): Promise<SecondFactorStatus> {
  const account = await staffAccount(db, actor);
  return { enrolledAt: account.totp_enrolled_at, recoveryCodesLeft: account.totp_enrolled_at ? await countUnusedRecoveryCodes(db, account.id) : 0 };
}

/** The enrolment screen for a signed-in staff member (not yet enrolled). */
export async function ownEnrolment(db: Db, actor: Actor): Promise<Enrolment | null> {
  const account = await staffAccount(db, actor);
  return account.totp_enrolled_at ? null : enrolmentOf(db, account);
}

/** New recovery codes replace the old ones (used or not); shown once. */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, clock: Clock): Promise<string[] | null> {
  const account = await staffAccount(db, actor);
  if (!account.totp_enrolled_at) return null;
  const codes = newRecoveryCodes();
  const at = clock().toISOString();
  await inTransaction(db, async (trx) => {
    await replaceRecoveryCodes(trx, account.id, codes.map(hashRecoveryCode), at);
    await recordAudit(trx, { at, actorId: account.id, action: 'auth.recovery_codes_regenerated', subjectType: 'account', subjectId: account.id, ip: actor.ip ?? null });
  });
  return codes;
}

/**
 * A manager resets a staff member's second factor (a lost phone): secret and recovery codes are
 * forgotten, every session and pending sign-in of theirs ends, and they enrol again at the next
 * sign-in. Audited. Anyone else, or a client's id, is told it does not exist.
 */
export async function resetSecondFactor(db: Db, actor: Actor, accountId: number, clock: Clock): Promise<{ displayName: string }> {
  if (!mayResetSecondFactor(actor)) throw new NotFoundError('ADMIN.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const account = await findAccountById(trx, accountId);
    if (!account || !hasSecondFactor(account)) throw new NotFoundError('ADMIN.NOT_FOUND');
    const at = clock().toISOString();
    await clearSecondFactor(trx, account.id);
    await deleteSessionsOfAccount(trx, account.id);
    await deleteChallengesOf(trx, account.id);
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'staff.second_factor_reset',
      subjectType: 'account',
      subjectId: account.id,
      ip: actor.ip ?? null,
      details: { wasEnrolled: Boolean(account.totp_enrolled_at) },
    });
    return { displayName: account.display_name };
  });
}
