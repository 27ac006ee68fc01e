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
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type Contact = Pick<Account, 'id' | 'display_name' | 'email' | 'phone'>;

/** Only what a client may see of another account: name, e-mail and phone. */
export async function findContact(db: Db, id: number): Promise<Contact | undefined> {
  return db.selectFrom('accounts').select(['id', 'display_name', 'email', 'phone']).where('id', '=', id).executeTakeFirst();
}

/** An agent's own video meeting room, if they have one. */
export async function findVideoRoom(db: Db, agentId: number): Promise<string | null> {
  const row = await db.selectFrom('accounts').select('video_room').where('id', '=', agentId).executeTakeFirst();
  return row?.video_room ?? null;
}

/** The contact of the agent who follows the client, in one query. */
export async function findAgentContactOfClient(db: Db, clientId: number): Promise<Contact | undefined> {
  return db
    .selectFrom('accounts as client')
    .innerJoin('accounts as agent', 'agent.id', 'client.agent_id')
    .select(['agent.id', 'agent.display_name', 'agent.email', 'agent.phone'])
    .where('client.id', '=', clientId)
    .executeTakeFirst();
}
