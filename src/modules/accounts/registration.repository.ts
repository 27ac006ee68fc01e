import type { Account, NewAccount } from '../../db/database';
import type { Db } from '../../db/types';

/** Creates the account unless the address is taken (two sign-ups at once: one wins, no error). */
export async function insertAccountIfNew(db: Db, account: NewAccount): Promise<Account | undefined> {
  return db
    .insertInto('accounts')
    .values({ ...account, email: account.email.trim().toLowerCase() })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function markEmailVerified(db: Db, accountId: number): Promise<void> {
  await db.updateTable('accounts').set({ email_verification_pending: 0 }).where('id', '=', accountId).execute();
}

/** A new password: sessions opened before `changedAt` no longer resolve (see session.service.ts). */
export async function updatePasswordHash(db: Db, accountId: number, passwordHash: string, changedAt: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: changedAt }).where('id', '=', accountId).execute();
}
