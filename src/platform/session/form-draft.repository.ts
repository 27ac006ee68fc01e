import type { Db } from '../../db/types';
import type { FormDraft } from './form-draft.tables';

export async function insertFormDraft(db: Db, draft: FormDraft): Promise<void> {
  await db.insertInto('form_drafts').values(draft).execute();
}

/** The draft under this id for this account, still live: another account's is never returned. */
export async function findFormDraft(db: Db, id: string, accountId: number, now: string): Promise<FormDraft | undefined> {
  return db.selectFrom('form_drafts').selectAll().where('id', '=', id).where('account_id', '=', accountId).where('expires_at', '>', now).executeTakeFirst();
}

export async function deleteFormDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('form_drafts').where('id', '=', id).execute();
}

export async function deleteExpiredFormDrafts(db: Db, now: string): Promise<void> {
  await db.deleteFrom('form_drafts').where('expires_at', '<=', now).execute();
}
