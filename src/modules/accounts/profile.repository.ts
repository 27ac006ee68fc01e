import type { Account } from '../../db/database';
import type { Db } from '../../db/types';

export type ProfileFields = Pick<Account, 'display_name' | 'phone' | 'locale' | 'time_zone' | 'email_notifications' | 'grammatical_gender'>;

export async function updateProfileFields(db: Db, accountId: number, fields: ProfileFields): Promise<void> {
  await db.updateTable('accounts').set(fields).where('id', '=', accountId).execute();
}

/** Whether e-mails announce new messages to this person (1 unless they turned them off). */
export async function findEmailNotifications(db: Db, accountId: number): Promise<number | undefined> {
  const row = await db.selectFrom('accounts').select('email_notifications').where('id', '=', accountId).executeTakeFirst();
  return row?.email_notifications;
}

/** Changes the address only if no other account holds it; returns whether it changed. */
export async function updateEmailIfFree(db: Db, accountId: number, email: string): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ email })
    .where('id', '=', accountId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('accounts as other').select('other.id').where('other.email', '=', email))))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
