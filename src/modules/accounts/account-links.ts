import type { Db } from '../../db/types';
import { hashToken, newToken } from '../../platform/session/session.service';
import { countTokensSince, findLiveToken, insertAccountToken, markTokenUsed, spendTokensOf } from './account-token.repository';
import type { AccountToken, AccountTokenPurpose } from './account-token.tables';

/** How long each kind of link works. */
export const LINK_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 3600 * 1000,
  reset_password: 30 * 60 * 1000,
  change_email: 24 * 3600 * 1000,
};

/** The page each link opens (a GET that only shows a button: mail scanners cannot spend it). */
export const LINK_PATH: Record<AccountTokenPurpose, string> = {
  verify_email: '/compte/verifier',
  reset_password: '/mot-de-passe/nouveau',
  change_email: '/compte/courriel/confirmer',
};

/**
 * Makes a new single-use link for the account (older live links of the same purpose are spent)
 * and returns its URL. Only the token's sha256 is stored; the token itself is only in the mail.
 */
export async function issueLink(db: Db, input: { accountId: number; purpose: AccountTokenPurpose; newEmail?: string; now: Date }, publicUrl: string): Promise<{ url: string; key: string }> {
  const at = input.now.toISOString();
  await spendTokensOf(db, input.accountId, input.purpose, at);
  const token = newToken();
  await insertAccountToken(db, {
    account_id: input.accountId,
    purpose: input.purpose,
    token_hash: hashToken(token),
    new_email: input.newEmail ?? null,
    created_at: at,
    expires_at: new Date(input.now.getTime() + LINK_LIFETIME_MS[input.purpose]).toISOString(),
    used_at: null,
  });
  // `key` names the link in the outbox's de-duplication key (never the token itself).
  return { url: `${publicUrl.replace(/\/$/, '')}${LINK_PATH[input.purpose]}?jeton=${token}`, key: hashToken(`key:${token}`).slice(0, 24) };
}

/** The live link behind a token, without spending it (to show the page the link opens). */
export function peekLink(db: Db, token: string, purpose: AccountTokenPurpose, now: Date): Promise<AccountToken | undefined> {
  if (!token || token.length > 100) return Promise.resolve(undefined);
  return findLiveToken(db, hashToken(token), purpose, now.toISOString());
}

/** Spends the link: returns it when this call used it, undefined when unknown, expired or used. */
export async function spendLink(db: Db, token: string, purpose: AccountTokenPurpose, now: Date): Promise<AccountToken | undefined> {
  const live = await peekLink(db, token, purpose, now);
  if (!live) return undefined;
  return (await markTokenUsed(db, live.id, now.toISOString())) ? live : undefined;
}

/** At most this many links of one kind per account per hour: nobody can flood a mailbox through the forms. */
export const LINKS_PER_HOUR = 5;

/** Whether another link of this kind may be mailed to the account now (the answer shown is the same either way). */
export async function mayIssueLink(db: Db, accountId: number, purpose: AccountTokenPurpose, now: Date): Promise<boolean> {
  return (await countTokensSince(db, accountId, purpose, new Date(now.getTime() - 3600_000).toISOString())) < LINKS_PER_HOUR;
}
