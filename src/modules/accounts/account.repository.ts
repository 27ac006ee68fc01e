import type { Account, NewAccount } from '../../db/database';
import type { Db } from '../../db/types';

export async function findAccountByEmail(db: Db, email: string): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findAccountById(db: Db, id: number): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAccount(db: Db, account: NewAccount): Promise<Account> {
  return db
    .insertInto('accounts')
    .values({ ...account, email: account.email.trim().toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateAccountLocale(db: Db, id: number, locale: Account['locale']): Promise<void> {
  await db.updateTable('accounts').set({ locale }).where('id', '=', id).execute();
}

export async function countAccounts(db: Db): Promise<number> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
