import { clientInScope } from '../../db/scope';
import type { Db } from '../../db/types';
import type { ClientScope } from '../../platform/access/actor';
import type { Message, MessageReply, NewMessageReply } from './message.tables';

/** Inserts the reply unless one with the same key exists; returns the stored one either way. */
export async function insertReplyOnce(db: Db, reply: NewMessageReply): Promise<{ reply: MessageReply; created: boolean }> {
  const inserted = await db
    .insertInto('message_replies')
    .values(reply)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { reply: inserted, created: true };
  const existing = await db.selectFrom('message_replies').selectAll().where('dedupe_key', '=', reply.dedupe_key).executeTakeFirstOrThrow();
  return { reply: existing, created: false };
}

/** The messages of one conversation (its first message and those written in it), oldest first, within the scope. */
export async function findThreadMessages(db: Db, scope: ClientScope, threadId: number): Promise<Message[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', threadId), eb('thread_id', '=', threadId)]))
    .where(clientInScope('messages.client_id', scope))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The client's replies in one conversation, oldest first, within the scope. */
export async function findThreadReplies(db: Db, scope: ClientScope, threadId: number): Promise<MessageReply[]> {
  return db.selectFrom('message_replies').selectAll().where('thread_id', '=', threadId).where(clientInScope('message_replies.client_id', scope)).orderBy('created_at').orderBy('id').execute();
}

/** Every reply of one client within the scope (the message centre groups them by conversation). */
export async function findRepliesOfClient(db: Db, scope: ClientScope, clientId: number): Promise<MessageReply[]> {
  return db.selectFrom('message_replies').selectAll().where('client_id', '=', clientId).where(clientInScope('message_replies.client_id', scope)).orderBy('created_at').orderBy('id').execute();
}

/** Replies nobody on staff has read yet, for the clients in the scope, with the client's name. */
export async function findUnreadReplies(db: Db, scope: ClientScope) {
  return db
    .selectFrom('message_replies')
    .innerJoin('accounts as client', 'client.id', 'message_replies.client_id')
    .select(['message_replies.id', 'message_replies.thread_id', 'message_replies.client_id', 'message_replies.created_at', 'client.display_name as client_name'])
    .where('message_replies.read_at', 'is', null)
    .where(clientInScope('message_replies.client_id', scope))
    .orderBy('message_replies.created_at')
    .execute();
}

/** Idempotent: only the first reading sets who read the conversation's replies and when. */
export async function markThreadRepliesRead(db: Db, scope: ClientScope, threadId: number, readerId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('message_replies')
    .set({ read_at: at, read_by: readerId })
    .where('thread_id', '=', threadId)
    .where('read_at', 'is', null)
    .where(clientInScope('message_replies.client_id', scope))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The client opened the conversation: every message of it is read (only the first reading counts). */
export async function markThreadMessagesRead(db: Db, clientId: number, threadId: number, at: string): Promise<void> {
  await db
    .updateTable('messages')
    .set({ read_at: at })
    .where('client_id', '=', clientId)
    .where((eb) => eb.or([eb('id', '=', threadId), eb('thread_id', '=', threadId)]))
    .where('read_at', 'is', null)
    .execute();
}
