import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { translator } from '../../platform/i18n/translate';
import { enqueueMail } from '../../platform/mail/outbox.repository';
import { deleteSessionsOfAccount } from '../../platform/session/session.repository';
import { findAccountByEmail } from './account.repository';
import { LINK_LIFETIME_MS, issueLink, mayIssueLink, peekLink, spendLink } from './account-links';
import { endApiTokensOf } from './api-token.service';
import { hashPassword } from './password';
import type { PasswordCode } from './account.errors';
import { passwordProblem } from './password-policy';
import { markEmailVerified, updatePasswordHash } from './registration.repository';
import type { MailDeps } from './registration.service';

/**
 * « Mot de passe oublié »: when the address has an account, a link (single use, 30 minutes) goes
 * to it. The answer is the same whether it has one or not.
 */
export async function requestPasswordReset(db: Db, input: { email: string; ip: string }, deps: MailDeps): Promise<void> {
  const email = input.email.trim().toLowerCase();
  await inTransaction(db, async (trx) => {
    const account = await findAccountByEmail(trx, email);
    const now = deps.clock();
    const at = now.toISOString();
    if (!account) {
      await recordAudit(trx, { at, actorId: null, action: 'auth.password_reset_unknown', ip: input.ip, details: { email } });
      return;
    }
    if (!(await mayIssueLink(trx, account.id, 'reset_password', now))) {
      await recordAudit(trx, { at, actorId: null, action: 'auth.password_reset_capped', subjectType: 'account', subjectId: account.id, ip: input.ip });
      return;
    }
    const link = await issueLink(trx, { accountId: account.id, purpose: 'reset_password', now }, deps.publicUrl);
    const t = translator(account.locale);
    await enqueueMail(trx, {
      to_address: account.email,
      subject: t('reset.mail.subject'),
      body_text: t('reset.mail.body', { link: link.url, minutes: LINK_LIFETIME_MS.reset_password / 60_000 }),
      locale: account.locale,
      dedupe_key: `reset-password:${account.id}:${link.key}`,
      next_attempt_at: at,
      created_at: at,
    });
    await recordAudit(trx, { at, actorId: null, action: 'auth.password_reset_requested', subjectType: 'account', subjectId: account.id, ip: input.ip });
  });
}

/** Whether a reset link still works (the page it opens asks for the new password only then). */
export async function resetLinkIsLive(db: Db, token: string, clock: Clock): Promise<boolean> {
  return Boolean(await peekLink(db, token, 'reset_password', clock()));
}

export type ResetResult = { ok: true } | { ok: false; code: PasswordCode | 'LINK_INVALID' };

/**
 * Sets the new password through the link: the link is spent, every session and API token of the account ends
 * (whoever had it signs in again), and the address counts as confirmed (the mail reached it).
 */
export async function resetPassword(db: Db, input: { token: string; password: string; ip: string }, clock: Clock): Promise<ResetResult> {
  const live = await peekLink(db, input.token, 'reset_password', clock());
  if (!live) return { ok: false, code: 'LINK_INVALID' };
  const problem = passwordProblem(input.password);
  if (problem) return { ok: false, code: problem };
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const now = clock();
    const at = now.toISOString();
    const link = await spendLink(trx, input.token, 'reset_password', now);
    if (!link) return { ok: false, code: 'LINK_INVALID' };
    await updatePasswordHash(trx, link.account_id, passwordHash, at);
    await deleteSessionsOfAccount(trx, link.account_id);
    await endApiTokensOf(trx, link.account_id, at);
    await markEmailVerified(trx, link.account_id);
    await recordAudit(trx, { at, actorId: link.account_id, action: 'auth.password_reset', subjectType: 'account', subjectId: link.account_id, ip: input.ip });
    return { ok: true };
  });
}
