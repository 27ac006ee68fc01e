import type { Account } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { enqueueMail } from '../../platform/mail/outbox.repository';
import { deleteSessionsOfAccount } from '../../platform/session/session.repository';
import { openSession } from '../../platform/session/session.service';
import { isTimeZone } from '../../platform/i18n/time-zones';
import { parseGrammaticalGender } from '../../platform/i18n/gender';
import { issueLink, mayIssueLink, peekLink, spendLink } from './account-links';
import { endApiTokensOf } from './api-token.service';
import { hashPassword, verifyPassword } from './password';
import type { AccountChangeCode, InformationCode, PasswordCode } from './account.errors';
import { choosesEmailNotices, ownClientId } from './account.policy';
import { passwordProblem } from './password-policy';
import { findEmailNotifications, updateEmailIfFree, updateProfileFields } from './profile.repository';
import { updatePasswordHash } from './registration.repository';
import type { MailDeps } from './registration.service';

export interface InformationInput {
  displayName: string;
  phone: string;
  locale: Locale;
  timeZone: string;
  emailNotifications: boolean;
  /** « Accord en français »: 'feminine', 'masculine' or '' (not given: the service writes épicène). */
  gender: string;
}

/** « Mes informations »: name, phone, language, time zone, e-mail notices (clients), agreement in French. */
export async function updateInformation(db: Db, account: Account, input: InformationInput, ip: string, clock: Clock): Promise<{ ok: true } | { ok: false; code: 'INVALID'; codes: InformationCode[] }> {
  const errors: InformationCode[] = [];
  const displayName = input.displayName.trim();
  if (!displayName) errors.push('NAME_REQUIRED');
  else if (displayName.length > 200) errors.push('NAME_TOO_LONG');
  const phone = input.phone.trim();
  if (phone && (phone.length > 40 || !/\d{3}/.test(phone) || /[^0-9 +().,\-a-z]/i.test(phone))) errors.push('PHONE_INVALID');
  if (!isTimeZone(input.timeZone)) errors.push('TIME_ZONE_INVALID');
  const grammaticalGender = parseGrammaticalGender(input.gender);
  if (grammaticalGender === undefined) errors.push('GENDER_INVALID');
  if (errors.length > 0 || grammaticalGender === undefined) return { ok: false, code: 'INVALID', codes: errors };
  const fields = {
    display_name: displayName,
    phone: phone || null,
    locale: input.locale,
    time_zone: input.timeZone,
    email_notifications: choosesEmailNotices(account) ? (input.emailNotifications ? 1 : 0) : account.email_notifications,
    grammatical_gender: grammaticalGender,
  };
  await inTransaction(db, async (trx) => {
    await updateProfileFields(trx, account.id, fields);
    const before = {
      display_name: account.display_name,
      phone: account.phone,
      locale: account.locale,
      time_zone: account.time_zone,
      email_notifications: account.email_notifications,
      grammatical_gender: account.grammatical_gender,
    };
    await recordAudit(trx, {
      at: clock().toISOString(),
      actorId: account.id,
      action: 'account.profile_updated',
      subjectType: 'account',
      subjectId: account.id,
      clientId: ownClientId(account),
      ip,
      details: { changed: Object.keys(fields).filter((key) => fields[key as keyof typeof fields] !== before[key as keyof typeof before]) },
    });
  });
  return { ok: true };
}

export type ChangePasswordResult = { ok: true; token: string } | { ok: false; code: PasswordCode | Extract<AccountChangeCode, 'CURRENT_WRONG'> };

/**
 * « Changer le mot de passe »: asks the current one; the new one follows the password rules.
 * Every session and API token of the account ends, and this browser gets a fresh session (returned token).
 */
export async function changePassword(db: Db, account: Account, input: { current: string; next: string; ip: string }, clock: Clock): Promise<ChangePasswordResult> {
  if (!(await verifyPassword(account.password_hash, input.current))) {
    await recordAudit(db, { at: clock().toISOString(), actorId: account.id, action: 'account.password_change_refused', subjectType: 'account', subjectId: account.id, ip: input.ip });
    return { ok: false, code: 'CURRENT_WRONG' };
  }
  const problem = passwordProblem(input.next, account.email);
  if (problem) return { ok: false, code: problem };
  const passwordHash = await hashPassword(input.next);
  return inTransaction(db, async (trx) => {
    const at = clock().toISOString();
    await updatePasswordHash(trx, account.id, passwordHash, at);
    await deleteSessionsOfAccount(trx, account.id);
    await endApiTokensOf(trx, account.id, at);
    const token = await openSession(trx, account.id, () => new Date(at));
    await recordAudit(trx, { at, actorId: account.id, action: 'account.password_changed', subjectType: 'account', subjectId: account.id, ip: input.ip });
    return { ok: true, token };
  });
}

export type EmailChangeResult = { ok: true } | { ok: false; code: Extract<AccountChangeCode, 'EMAIL_PASSWORD_WRONG' | 'EMAIL_SAME'> };

/**
 * « Changer l'adresse courriel »: asks the password; a link goes to the new address (it changes
 * only once the link is used) and a notice to the current one.
 */
export async function requestEmailChange(db: Db, account: Account, input: { newEmail: string; password: string; ip: string }, deps: MailDeps): Promise<EmailChangeResult> {
  const newEmail = input.newEmail.trim().toLowerCase();
  if (newEmail === account.email) return { ok: false, code: 'EMAIL_SAME' };
  if (!(await verifyPassword(account.password_hash, input.password))) return { ok: false, code: 'EMAIL_PASSWORD_WRONG' };
  await inTransaction(db, async (trx) => {
    const now = deps.clock();
    const at = now.toISOString();
    if (!(await mayIssueLink(trx, account.id, 'change_email', now))) return;
    const link = await issueLink(trx, { accountId: account.id, purpose: 'change_email', newEmail, now }, deps.publicUrl);
    const t = translator(account.locale);
    await enqueueMail(trx, {
      to_address: newEmail,
      subject: t('profile.mail.confirm.subject'),
      body_text: t('profile.mail.confirm.body', { link: link.url }),
      locale: account.locale,
      dedupe_key: `change-email:${account.id}:${link.key}`,
      next_attempt_at: at,
      created_at: at,
    });
    await enqueueMail(trx, {
      to_address: account.email,
      subject: t('profile.mail.notice.subject'),
      body_text: t('profile.mail.notice.body'),
      locale: account.locale,
      dedupe_key: `change-email-notice:${account.id}:${link.key}`,
      next_attempt_at: at,
      created_at: at,
    });
    await recordAudit(trx, { at, actorId: account.id, action: 'account.email_change_requested', subjectType: 'account', subjectId: account.id, ip: input.ip });
  });
  return { ok: true };
}

export type ConfirmEmailChangeResult = { ok: true; accountId: number } | { ok: false; code: Extract<AccountChangeCode, 'LINK_INVALID' | 'EMAIL_TAKEN'> };

/** The link sent to the new address was followed and confirmed: the address changes (once). */
export async function confirmEmailChange(db: Db, token: string, ip: string, clock: Clock): Promise<ConfirmEmailChangeResult> {
  return inTransaction(db, async (trx) => {
    const now = clock();
    const link = await spendLink(trx, token, 'change_email', now);
    if (!link?.new_email) return { ok: false, code: 'LINK_INVALID' };
    if (!(await updateEmailIfFree(trx, link.account_id, link.new_email))) return { ok: false, code: 'EMAIL_TAKEN' };
    await recordAudit(trx, { at: now.toISOString(), actorId: link.account_id, action: 'account.email_changed', subjectType: 'account', subjectId: link.account_id, ip });
    return { ok: true, accountId: link.account_id };
  });
}

/** Whether an e-mail should announce a new message to this person (the message centre keeps it anyway). */
export async function wantsEmailNotices(db: Db, accountId: number): Promise<boolean> {
  return (await findEmailNotifications(db, accountId)) !== 0;
}

/** Whether a new-address link still works (its page shows the button only then). */
export async function emailChangeLinkIsLive(db: Db, token: string, clock: Clock): Promise<boolean> {
  return Boolean(await peekLink(db, token, 'change_email', clock()));
}
