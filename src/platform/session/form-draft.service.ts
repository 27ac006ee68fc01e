import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/types';
import type { Clock } from '../clock';
import { deleteExpiredFormDrafts, deleteFormDraft, findFormDraft, insertFormDraft } from './form-draft.repository';
import { hashToken } from './session.service';

/**
 * What someone typed is never lost to a session that ended (docs/decisions/0012): a form posted
 * after the end is kept here, for the account whose session it was, under a random id that only
 * that browser's cookie holds; once the person has signed in again, the form's page asks for it
 * and shows it back. Kept an hour, then gone; shown once, then gone.
 */
export const FORM_DRAFT_TTL_MS = 60 * 60 * 1000;

/** Fields never kept: secrets, the request's CSRF token, and anything naming a password. */
const NEVER_KEPT = /^_|pass|mot_?de_?passe|secret|totp|^code$/i;
/** Enough for any form of the service (the body limit is 64 KB). */
const MAX_FIELDS = 50;

export type DraftFields = Record<string, string | string[]>;

/** The posted fields worth keeping: text only, without secrets. */
export function keptFields(body: unknown): DraftFields {
  const kept: DraftFields = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return kept;
  for (const [name, value] of Object.entries(body).slice(0, MAX_FIELDS)) {
    if (NEVER_KEPT.test(name)) continue;
    if (typeof value === 'string') kept[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) kept[name] = value;
  }
  return kept;
}

/** Keeps a form posted after the session ended; returns the id for the person's cookie. */
export async function keepFormDraft(db: Db, draft: { accountId: number; returnPath: string; action: string; body: unknown }, clock: Clock): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock();
  await deleteExpiredFormDrafts(db, now.toISOString());
  await insertFormDraft(db, {
    id: hashToken(token),
    account_id: draft.accountId,
    return_path: draft.returnPath,
    action: draft.action,
    fields: JSON.stringify(keptFields(draft.body)),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + FORM_DRAFT_TTL_MS).toISOString(),
  });
  return token;
}

/**
 * The fields kept for the form posting to `action`, for the signed-in account: taken (deleted)
 * once found, so they are shown once. Another account, another form or an expired draft: nothing.
 */
export async function takeFormDraft(db: Db, token: string, accountId: number, action: string, clock: Clock): Promise<DraftFields | undefined> {
  const draft = await findFormDraft(db, hashToken(token), accountId, clock().toISOString());
  if (!draft || draft.action !== action) return undefined;
  await deleteFormDraft(db, draft.id);
  return JSON.parse(draft.fields) as DraftFields;
}
