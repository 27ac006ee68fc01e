import { randomUUID } from 'node:crypto';
import type { Account } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import { countAuditSince, recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { enqueueMail } from '../../platform/mail/outbox.repository';
import { findAccountByEmail } from './account.repository';
import { issueLink, LINKS_PER_HOUR, mayIssueLink, peekLink, spendLink } from './account-links';
import { hashPassword } from './password';
import type { PasswordCode } from './account.errors';
import { passwordProblem } from './password-policy';
import { insertAccountIfNew, markEmailVerified } from './registration.repository';

export interface MailDeps {
  clock: Clock;
  publicUrl: string;
}

export interface RegistrationInput {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  ip: string;
}

export type RegistrationResult = { ok: true } | { ok: false; code: PasswordCode };

const signInUrl = (publicUrl: string, path: string) => `${publicUrl.replace(/\/$/, '')}${path}`;

/**
 * « Créer un compte ». Whether the address already has an account never shows: the same answer,
 * one argon2 hash and one e-mail either way — a new account gets the link that confirms the
 * address; a known address gets « you already have an account » (with the way to reset the
 * password), in that account's language — at most LINKS_PER_HOUR of those an hour, as the other
 * links, so that nobody floods a mailbox through the form. The new account sees only the page
 * asking to confirm until the link is used.
 */
export async function register(db: Db, input: RegistrationInput, deps: MailDeps): Promise<RegistrationResult> {
  const email = input.email.trim().toLowerCase();
  const problem = registrationPasswordProblem(input.password, email);
  if (problem) return { ok: false, code: problem };
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock();
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const created = await insertAccountIfNew(trx, {
      email,
      password_hash: passwordHash,
      role: 'client',
      display_name: input.displayName.trim(),
      phone: null,
      locale: input.locale,
      time_zone: 'America/Toronto',
      agent_id: null,
      created_at: at,
      password_changed_at: at,
      closed_at: null,
      team: null,
      email_verification_pending: 1,
    });
    if (created) {
      await sendVerificationMail(trx, created, deps);
      await recordAudit(trx, { at, actorId: created.id, action: 'account.registered', subjectType: 'account', subjectId: created.id, clientId: created.id, ip: input.ip });
      return;
    }
    const existing = await findAccountByEmail(trx, email);
    if (!existing) return;
    // The mails already sent are the `registration_for_existing` lines of the last hour.
    const line = { action: 'account.registration_for_existing' as const, subjectType: 'account', subjectId: existing.id };
    if ((await countAuditSince(trx, line, new Date(now.getTime() - 3600_000).toISOString())) >= LINKS_PER_HOUR) {
      await recordAudit(trx, { at, actorId: null, action: 'account.registration_for_existing_capped', subjectType: 'account', subjectId: existing.id, ip: input.ip });
      return;
    }
    const t = translator(existing.locale);
    await enqueueMail(trx, {
      to_address: existing.email,
      subject: t('registration.mail.exists.subject'),
      body_text: t('registration.mail.exists.body', { signIn: signInUrl(deps.publicUrl, '/connexion'), reset: signInUrl(deps.publicUrl, '/mot-de-passe-oublie') }),
      locale: existing.locale,
      dedupe_key: `registration-exists:${existing.id}:${randomUUID()}`,
      next_attempt_at: at,
      created_at: at,
    });
    await recordAudit(trx, { ...line, at, actorId: null, ip: input.ip });
  });
  return { ok: true };
}

/**
 * What is wrong with the password chosen on « Créer un compte », if anything: the page checks it
 * with the other fields, so that every error shows at once (GOV.UK's question pages), not the
 * password's on a second try.
 */
export function registrationPasswordProblem(password: string, email: string): PasswordCode | null {
  return passwordProblem(password, email.trim().toLowerCase());
}

/** Sends (again) the link that confirms the address; the older one stops working. */
export async function sendVerificationMail(db: Db, account: Pick<Account, 'id' | 'email' | 'locale'>, deps: MailDeps): Promise<void> {
  const now = deps.clock();
  const at = now.toISOString();
  const link = await issueLink(db, { accountId: account.id, purpose: 'verify_email', now }, deps.publicUrl);
  const t = translator(account.locale);
  await enqueueMail(db, {
    to_address: account.email,
    subject: t('registration.mail.verify.subject'),
    body_text: t('registration.mail.verify.body', { link: link.url }),
    locale: account.locale,
    dedupe_key: `verify-email:${account.id}:${link.key}`,
    next_attempt_at: at,
    created_at: at,
  });
}

/** « Renvoyer le lien », from the page an unconfirmed account sees. */
export async function resendVerification(db: Db, account: Account, ip: string, deps: MailDeps): Promise<void> {
  if (account.email_verification_pending !== 1) return;
  await inTransaction(db, async (trx) => {
    if (!(await mayIssueLink(trx, account.id, 'verify_email', deps.clock()))) return;
    await sendVerificationMail(trx, account, deps);
    await recordAudit(trx, { at: deps.clock().toISOString(), actorId: account.id, action: 'account.verification_resent', subjectType: 'account', subjectId: account.id, clientId: account.id, ip });
  });
}

export type ConfirmResult = { ok: true; accountId: number } | { ok: false; code: 'LINK_INVALID' };

/** The link in the mail was followed and confirmed: the address is the person's. Works once. */
export async function confirmEmail(db: Db, token: string, ip: string, clock: Clock): Promise<ConfirmResult> {
  return inTransaction(db, async (trx) => {
    const now = clock();
    const link = await spendLink(trx, token, 'verify_email', now);
    if (!link) return { ok: false, code: 'LINK_INVALID' };
    await markEmailVerified(trx, link.account_id);
    await recordAudit(trx, { at: now.toISOString(), actorId: link.account_id, action: 'account.email_verified', subjectType: 'account', subjectId: link.account_id, clientId: link.account_id, ip });
    return { ok: true, accountId: link.account_id };
  });
}

/** Whether a confirmation link still works (the page it opens shows the button only then). */
export async function verificationLinkIsLive(db: Db, token: string, clock: Clock): Promise<boolean> {
  return Boolean(await peekLink(db, token, 'verify_email', clock()));
}
