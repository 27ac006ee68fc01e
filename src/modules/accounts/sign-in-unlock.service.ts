import { inTransaction } from '../../db/transaction';
import type { Account } from '../../db/database';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { translator } from '../../platform/i18n/translate';
import { enqueueMail } from '../../platform/mail/outbox.repository';
import { hashToken, newToken } from '../../platform/session/session.service';
import { LINKS_PER_HOUR } from './account-links';
import { countUnlocksSince, deleteUnlocksExpiredBefore, findLiveUnlock, insertUnlock, markUnlockUsed } from './sign-in-unlock.repository';
import type { MailDeps } from './registration.service';

/** The page the link opens: a GET that only shows a button, so a mail scanner cannot spend it. */
export const UNLOCK_PATH = '/connexion/debloquer';
export const UNLOCK_LIFETIME_MS = 60 * 60 * 1000;

/**
 * The account's sign-in is throttled for everyone (strangers' guesses from many addresses) and
 * this browser is not one where the account signed in before: a link goes to the account's
 * address, through the outbox, that makes this browser (or any the owner opens it in) a known
 * device. Older links stay live (a stranger's throttled try must not spend the owner's link), and
 * at most LINKS_PER_HOUR are made per hour, like the other links: guesses cannot flood the mailbox.
 * The caller's answer is the same whether a link was sent, capped, or the address has no account.
 */
export async function offerUnlockLink(db: Db, account: Account, ip: string, deps: MailDeps): Promise<void> {
  await inTransaction(db, async (trx) => {
    const now = deps.clock();
    const at = now.toISOString();
    if ((await countUnlocksSince(trx, account.id, new Date(now.getTime() - 3600_000).toISOString())) >= LINKS_PER_HOUR) {
      await recordAudit(trx, { at, actorId: null, action: 'auth.unlock_link_capped', subjectType: 'account', subjectId: account.id, ip });
      return;
    }
    await deleteUnlocksExpiredBefore(trx, new Date(now.getTime() - 24 * 3600_000).toISOString());
    const token = newToken();
    await insertUnlock(trx, { account_id: account.id, token_hash: hashToken(token), created_at: at, expires_at: new Date(now.getTime() + UNLOCK_LIFETIME_MS).toISOString() });
    const t = translator(account.locale);
    const link = `${deps.publicUrl.replace(/\/$/, '')}${UNLOCK_PATH}?jeton=${token}`;
    await enqueueMail(trx, {
      to_address: account.email,
      subject: t('unlock.mail.subject'),
      body_text: t('unlock.mail.body', { link, minutes: UNLOCK_LIFETIME_MS / 60_000 }),
      locale: account.locale,
      // Names the link, never the token itself.
      dedupe_key: `sign-in-unlock:${account.id}:${hashToken(`key:${token}`).slice(0, 24)}`,
      next_attempt_at: at,
      created_at: at,
    });
    await recordAudit(trx, { at, actorId: null, action: 'auth.unlock_link_sent', subjectType: 'account', subjectId: account.id, ip });
  });
}

/** Whether the link still works (the page it opens shows its button only then). */
export async function unlockLinkIsLive(db: Db, token: string, clock: Clock): Promise<boolean> {
  if (!token || token.length > 100) return false;
  return Boolean(await findLiveUnlock(db, hashToken(token), clock().toISOString()));
}

/** Spends the link: the account whose device this browser becomes, or undefined when the link is unknown, expired or used. */
export async function useUnlockLink(db: Db, token: string, ip: string, clock: Clock): Promise<number | undefined> {
  if (!token || token.length > 100) return undefined;
  return inTransaction(db, async (trx) => {
    const at = clock().toISOString();
    const live = await findLiveUnlock(trx, hashToken(token), at);
    if (!live || !(await markUnlockUsed(trx, live.id, at))) return undefined;
    await recordAudit(trx, { at, actorId: live.account_id, action: 'auth.device_unlocked', subjectType: 'account', subjectId: live.account_id, ip });
    return live.account_id;
  });
}
