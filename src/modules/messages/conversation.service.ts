import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import { type Actor, clientScopeOf, subjectClientId } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { ReplyRefusalCode } from './message.errors';
import { mayReply, mayWriteToClients, readsAsRecipient } from './message.policy';
import { displayNames, getClient } from '../accounts/directory.service';
import { findThreadMessages, findThreadReplies, findRepliesOfClient, findUnreadReplies, insertReplyOnce, markThreadMessagesRead, markThreadRepliesRead } from './message-reply.repository';
import { findMessage, findMessages } from './message.repository';
import type { Bilingual } from './message.service';
import type { Message, MessageReply } from './message.tables';

/** The longest reply a client may write. */
export const REPLY_BODY_MAX = 2000;
/** Business days the agent has to read a client's reply (« Réponse à lire » in the queue). */
export const REPLY_BUSINESS_DAYS = 1;

/** One line of a conversation: a message to the client, or the client's reply. */
export type ConversationEntry =
  | { kind: 'message'; id: number; at: string; body: Bilingual; readAt: string | null; authorId: number | null; authorName: string | null }
  | { kind: 'reply'; id: number; at: string; body: string; readAt: string | null; readByName: string | null };

/** A conversation of the message centre: the messages of one subject and the client's replies, oldest first. */
export interface Conversation {
  threadId: number;
  clientId: number;
  subject: Bilingual;
  entries: ConversationEntry[];
  unreadReplies: number;
}

/** A conversation as a line of a list: its subject, its last activity and what is unread on each side. */
export interface ConversationSummary {
  threadId: number;
  clientId: number;
  subject: Bilingual;
  lastAt: string;
  count: number;
  /** Messages the client has not opened. */
  unreadMessages: number;
  /** Replies nobody on staff has read. */
  unreadReplies: number;
}

const threadOf = (message: Message) => message.thread_id ?? message.id;

async function loadConversation(db: Db, actor: Actor, messageId: number): Promise<{ first: Message; messages: Message[]; replies: MessageReply[] }> {
  const scope = clientScopeOf(actor);
  const message = await findMessage(db, scope, messageId);
  if (!message) throw new NotFoundError('MESSAGE.NOT_FOUND');
  const threadId = threadOf(message);
  const [messages, replies] = await Promise.all([findThreadMessages(db, scope, threadId), findThreadReplies(db, scope, threadId)]);
  const first = messages.find((m) => m.id === threadId) ?? message;
  return { first, messages, replies };
}

async function toConversation(db: Db, first: Message, messages: Message[], replies: MessageReply[]): Promise<Conversation> {
  const names = await displayNames(
    db,
    [...messages.map((m) => m.author_id), ...replies.map((r) => r.read_by)].filter((id): id is number => id !== null),
  );
  const entries: ConversationEntry[] = [
    ...messages.map(
      (m): ConversationEntry => ({
        kind: 'message',
        id: m.id,
        at: m.created_at,
        body: { fr: m.body_fr, en: m.body_en },
        readAt: m.read_at,
        authorId: m.author_id,
        authorName: m.author_id === null ? null : (names.get(m.author_id) ?? null),
      }),
    ),
    ...replies.map((r): ConversationEntry => ({ kind: 'reply', id: r.id, at: r.created_at, body: r.body, readAt: r.read_at, readByName: r.read_by === null ? null : (names.get(r.read_by) ?? null) })),
  ];
  entries.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? a.id - b.id : a.kind === 'message' ? -1 : 1));
  return {
    threadId: first.id,
    clientId: first.client_id,
    subject: { fr: first.subject_fr, en: first.subject_en },
    entries,
    unreadReplies: replies.filter((r) => r.read_at === null).length,
  };
}

/** A conversation within the actor's reach, from any of its messages, as it is (nothing marked read). */
export async function getConversation(db: Db, actor: Actor, messageId: number): Promise<Conversation> {
  const { first, messages, replies } = await loadConversation(db, actor, messageId);
  return toConversation(db, first, messages, replies);
}

/**
 * The client opens a conversation: every message of it counts as read, as opening one message
 * did before conversations (see readMessage: a GET that the e-mail's link follows, idempotent,
 * touching nothing else). Staff opening it change nothing: they mark replies read by a POST.
 */
export async function openConversation(db: Db, actor: Actor, messageId: number, clock: Clock): Promise<Conversation> {
  const { first, messages, replies } = await loadConversation(db, actor, messageId);
  if (readsAsRecipient(actor) && messages.some((m) => m.read_at === null)) {
    const at = clock().toISOString();
    await markThreadMessagesRead(db, actor.id, first.id, at);
    return toConversation(
      db,
      first,
      messages.map((m) => ({ ...m, read_at: m.read_at ?? at })),
      replies,
    );
  }
  return toConversation(db, first, messages, replies);
}

/** A client's conversations, the most recently active first: a client their own; staff name a client of their scope. */
export async function listConversations(db: Db, actor: Actor, input: { clientId?: number } = {}): Promise<ConversationSummary[]> {
  const clientId = subjectClientId(actor, input.clientId);
  if (clientId === undefined) return [];
  const scope = clientScopeOf(actor);
  const [messages, replies] = await Promise.all([findMessages(db, scope, clientId), findRepliesOfClient(db, scope, clientId)]);
  const byThread = new Map<number, ConversationSummary>();
  // findMessages is newest first: walk it backwards so that a conversation's first message comes first.
  for (const message of [...messages].reverse()) {
    const threadId = threadOf(message);
    const summary = byThread.get(threadId) ?? { threadId, clientId, subject: { fr: message.subject_fr, en: message.subject_en }, lastAt: message.created_at, count: 0, unreadMessages: 0, unreadReplies: 0 };
    summary.count += 1;
    if (message.read_at === null) summary.unreadMessages += 1;
    if (message.created_at > summary.lastAt) summary.lastAt = message.created_at;
    byThread.set(threadId, summary);
  }
  for (const reply of replies) {
    const summary = byThread.get(reply.thread_id);
    if (!summary) continue;
    summary.count += 1;
    if (reply.read_at === null) summary.unreadReplies += 1;
    if (reply.created_at > summary.lastAt) summary.lastAt = reply.created_at;
  }
  return [...byThread.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt) || b.threadId - a.threadId);
}

export type ReplyResult = { ok: true; reply: MessageReply; threadId: number } | { ok: false; code: ReplyRefusalCode };

/**
 * The client answers in one of their conversations; the reply goes to their agent, whose queue
 * shows it as work to read. Someone else's or an unknown message is not found. A client with no
 * agent yet cannot reply (nobody would read it): NO_AGENT. `formKey` (the form's hidden key)
 * makes a double submission of one form write one reply.
 */
export async function replyToMessage(db: Db, actor: Actor, input: { messageId: number; body: string; formKey: string }, deps: { clock: Clock }): Promise<ReplyResult> {
  if (!mayReply(actor)) throw new NotFoundError('MESSAGE.NOT_FOUND');
  const message = await findMessage(db, clientScopeOf(actor), input.messageId);
  if (!message) throw new NotFoundError('MESSAGE.NOT_FOUND');
  // Nobody to write to comes first: the form is not offered then, so no field error could show.
  const client = await getClient(db, actor, actor.id);
  if (client.agent_id === null) return { ok: false, code: 'NO_AGENT' };
  const body = input.body.replace(/\r\n/g, '\n').trim();
  if (!body) return { ok: false, code: 'REPLY_BODY_REQUIRED' };
  if (body.length > REPLY_BODY_MAX) return { ok: false, code: 'REPLY_BODY_TOO_LONG' };
  const threadId = threadOf(message);
  return inTransaction(db, async (trx) => {
    const at = deps.clock().toISOString();
    const { reply, created } = await insertReplyOnce(trx, { thread_id: threadId, client_id: actor.id, agent_id: client.agent_id, body, created_at: at, dedupe_key: `client:${actor.id}:${input.formKey}` });
    if (created) await recordAudit(trx, { at, actorId: actor.id, action: 'message.replied', subjectType: 'message_reply', subjectId: reply.id, clientId: actor.id, ip: actor.ip ?? null });
    return { ok: true, reply, threadId: reply.thread_id };
  });
}

/** Staff mark the client's replies of a conversation read (who and when are kept); the queue's item closes. */
export async function markConversationRead(db: Db, actor: Actor, messageId: number, clock: Clock): Promise<Conversation> {
  if (!mayWriteToClients(actor)) throw new NotFoundError('MESSAGE.NOT_FOUND');
  const scope = clientScopeOf(actor);
  const message = await findMessage(db, scope, messageId);
  if (!message) throw new NotFoundError('MESSAGE.NOT_FOUND');
  const threadId = threadOf(message);
  await inTransaction(db, async (trx) => {
    const at = clock().toISOString();
    if ((await markThreadRepliesRead(trx, scope, threadId, actor.id, at)) > 0) {
      await recordAudit(trx, { at, actorId: actor.id, action: 'message.reply_read', subjectType: 'message', subjectId: threadId, clientId: message.client_id, ip: actor.ip ?? null });
    }
  });
  return getConversation(db, actor, threadId);
}

export interface RepliesToRead {
  threadId: number;
  clientId: number;
  clientName: string;
  /** The oldest unread reply: the work is due from it. */
  since: string;
  count: number;
}

/** Conversations with replies no one on staff has read, for the clients in the actor's reach (the queue's « Réponse à lire »). */
export async function repliesToRead(db: Db, actor: Actor): Promise<RepliesToRead[]> {
  if (!mayWriteToClients(actor)) return [];
  const rows = await findUnreadReplies(db, clientScopeOf(actor));
  const byThread = new Map<number, RepliesToRead>();
  for (const row of rows) {
    const item = byThread.get(row.thread_id) ?? { threadId: row.thread_id, clientId: row.client_id, clientName: row.client_name, since: row.created_at, count: 0 };
    item.count += 1;
    byThread.set(row.thread_id, item);
  }
  return [...byThread.values()];
}

/** Whether the client may reply: only once an agent is theirs to read it. */
export async function canReply(db: Db, actor: Actor): Promise<boolean> {
  if (!mayReply(actor)) return false;
  return (await getClient(db, actor, actor.id)).agent_id !== null;
}
