import { clientInScope } from '../../db/scope';
import type { Db } from '../../db/types';
import type { ClientScope } from '../../platform/access/actor';
import type { Message, NewMessage } from './message.tables';

/** Inserts the message unless one with the same key exists; returns the stored one either way. */
export async function insertMessageOnce(db: Db, message: NewMessage): Promise<{ message: Message; created: boolean }> {
  const inserted = await db
    .insertInto('messages')
    .values(message)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { message: inserted, created: true };
  const existing = await db.selectFrom('messages').selectAll().where('dedupe_key', '=', message.dedupe_key).executeTakeFirstOrThrow();
  return { message: existing, created: false };
}

/** One client's messages within the scope, newest first. */
export async function findMessages(db: Db, scope: ClientScope, clientId: number): Promise<Message[]> {
  return db.selectFrom('messages').selectAll().where('client_id', '=', clientId).where(clientInScope('messages.client_id', scope)).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** One message, only when its client is in the scope. */
export async function findMessage(db: Db, scope: ClientScope, id: number): Promise<Message | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).where(clientInScope('messages.client_id', scope)).executeTakeFirst();
}

/** Idempotent: only the first reading sets read_at. */
export async function markMessageRead(db: Db, clientId: number, id: number, at: string): Promise<void> {
  await db.updateTable('messages').set({ read_at: at }).where('id', '=', id).where('client_id', '=', clientId).where('read_at', 'is', null).execute();
}

export async function countUnreadMessages(db: Db, clientId: number): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('client_id', '=', clientId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
