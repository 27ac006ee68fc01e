import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import { type Actor, clientScopeOf, subjectClientId } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { SendFieldCode } from './message.errors';
import { mayWriteToClients, readsAsRecipient } from './message.policy';
import type { Locale } from '../../platform/i18n/locale';
import type { ComposedMail } from '../../platform/mail/mail-document';
import { enqueueMail } from '../../platform/mail/outbox.repository';
import { agentContact } from '../accounts/account.service';
import { fileNumber } from '../accounts/directory.service';
import { wantsEmailNotices } from '../accounts/profile.service';
import { markThreadRepliesRead } from './message-reply.repository';
import { messageNoticeMail } from './message.mail';
import { countUnreadMessages, findMessage, findMessages, insertMessageOnce, markMessageRead } from './message.repository';
import type { Message } from './message.tables';

/** A text in both languages: messages follow the reader's current language. */
export interface Bilingual {
  fr: string;
  en: string;
}

export interface MessageContent {
  subject: Bilingual;
  body: Bilingual;
}

export interface Recipient {
  id: number;
  email: string;
  locale: Locale;
  /** For the e-mail's greeting; « Bonjour, » without it. */
  display_name?: string;
}

/**
 * Writes a message in the client's message centre, without e-mail (the demo seed's history
 * uses it; new events go through `notifyClient`). Same key, same message: nothing is added.
 */
export async function writeMessage(db: Db, input: { clientId: number; dedupeKey: string; content: MessageContent; at: string; readAt?: string | null; threadId?: number | null; authorId?: number | null }) {
  return insertMessageOnce(db, {
    client_id: input.clientId,
    subject_fr: input.content.subject.fr,
    subject_en: input.content.subject.en,
    body_fr: input.content.body.fr,
    body_en: input.content.body.en,
    created_at: input.at,
    read_at: input.readAt ?? null,
    dedupe_key: input.dedupeKey,
    thread_id: input.threadId ?? null,
    author_id: input.authorId ?? null,
  });
}

/**
 * Tells the client about an event: the details go into the message centre, and one e-mail goes
 * into the outbox, in the client's language. Call it inside the transaction of the change: both
 * are written, or neither, and what the worker will send is decided here (text, HTML, calendar
 * file), so every attempt sends the same mail under the same Message-ID. A repeated key writes
 * nothing more: one event, one message, one e-mail.
 *
 * The e-mail is `email` when the caller composes one for its event (an appointment's, with every
 * detail and its .ics); otherwise a notice that names who wrote (`senderName`, else the author,
 * else the service) and the subject, with a link — the message's text stays behind the sign-in.
 */
export async function notifyClient(
  trx: Db,
  input: {
    client: Recipient;
    dedupeKey: string;
    content: MessageContent;
    threadId?: number;
    authorId?: number;
    /** Who the notice names as the writer, when not the author (e.g. the agent who acted). */
    senderName?: string;
    /** The event's own e-mail, made from the address of the message it announces. */
    email?: (links: { message: string }) => ComposedMail;
  },
  deps: { clock: Clock; publicUrl: string },
): Promise<Message> {
  const at = deps.clock().toISOString();
  const { message } = await writeMessage(trx, { clientId: input.client.id, dedupeKey: input.dedupeKey, content: input.content, at, threadId: input.threadId, authorId: input.authorId });
  // The person may have turned e-mail notices off (« Mes informations »): the message stays.
  if (!(await wantsEmailNotices(trx, input.client.id))) return message;
  const link = `${deps.publicUrl.replace(/\/$/, '')}/messages/${message.id}`;
  const mail =
    input.email?.({ message: link }) ??
    messageNoticeMail({
      locale: input.client.locale,
      name: input.client.display_name,
      sender: input.senderName ?? (input.authorId === undefined ? undefined : (await agentContact(trx, input.authorId))?.display_name),
      subject: inLocale(message, input.client.locale).subject,
      fileNumber: fileNumber(input.client.id),
      messageUrl: link,
    });
  await enqueueMail(trx, {
    to_address: input.client.email,
    subject: mail.subject,
    body_text: mail.text,
    body_html: mail.html,
    calendar_ics: mail.calendar?.ics ?? null,
    calendar_method: mail.calendar?.method ?? null,
    locale: input.client.locale,
    // The message's id, not the caller's key: a key is one message, a message is one e-mail.
    dedupe_key: `message:${message.id}`,
    next_attempt_at: at,
    created_at: at,
  });
  return message;
}

/** A client's message centre: a client their own; staff name a client of their scope. */
export async function listMessages(db: Db, actor: Actor, input: { clientId?: number } = {}): Promise<Message[]> {
  const clientId = subjectClientId(actor, input.clientId);
  if (clientId === undefined) return [];
  return findMessages(db, clientScopeOf(actor), clientId);
}

/** One message within the actor's reach, as it is (no read receipt: see readMessage for that). */
export async function getMessage(db: Db, actor: Actor, id: number): Promise<Message> {
  const message = await findMessage(db, clientScopeOf(actor), id);
  if (!message) throw new NotFoundError('MESSAGE.NOT_FOUND');
  return message;
}

/**
 * Opens a message. When its client opens it, that is the read receipt: it happens on GET
 * because the e-mail's link must mark the message read when followed, and it is idempotent
 * (only the first reading sets read_at) and touches nothing else. Staff reading it change nothing.
 */
export async function readMessage(db: Db, actor: Actor, id: number, clock: Clock): Promise<Message> {
  const message = await findMessage(db, clientScopeOf(actor), id);
  if (!message) throw new NotFoundError('MESSAGE.NOT_FOUND');
  if (message.read_at || !readsAsRecipient(actor)) return message;
  const at = clock().toISOString();
  await markMessageRead(db, actor.id, id, at);
  return { ...message, read_at: at };
}

export const MESSAGE_SUBJECT_MAX = 150;
export const MESSAGE_BODY_MAX = 5000;

export type SendResult = { ok: true; message: Message } | { ok: false; code: 'INVALID'; codes: SendFieldCode[] };

/**
 * A message from the agent to a client of their caseload, from the client's file: it lands in
 * the message centre as written (the same text in both languages) with the e-mail notice. The
 * key makes a double submission of one form write one message. With `inReplyTo` (a message of
 * this client's), it is written in that message's conversation, under its subject, and the
 * client's replies there count as read by the writer: answering them is reading them.
 */
export async function sendMessageToClient(
  db: Db,
  actor: Actor,
  input: { client: Recipient; subject: string; body: string; formKey: string; inReplyTo?: number },
  deps: { clock: Clock; publicUrl: string },
): Promise<SendResult> {
  if (!mayWriteToClients(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const scope = clientScopeOf(actor);
  const first = input.inReplyTo === undefined ? undefined : await findMessage(db, scope, input.inReplyTo);
  if (input.inReplyTo !== undefined && (!first || first.client_id !== input.client.id)) throw new NotFoundError('MESSAGE.NOT_FOUND');
  const threadId = first ? (first.thread_id ?? first.id) : undefined;
  const subject = input.subject.trim();
  const body = input.body.replace(/\r\n/g, '\n').trim();
  const errors: SendFieldCode[] = [];
  if (!first && !subject) errors.push('SUBJECT_REQUIRED');
  else if (!first && subject.length > MESSAGE_SUBJECT_MAX) errors.push('SUBJECT_TOO_LONG');
  if (!body) errors.push('BODY_REQUIRED');
  else if (body.length > MESSAGE_BODY_MAX) errors.push('BODY_TOO_LONG');
  if (errors.length > 0) return { ok: false, code: 'INVALID', codes: errors };
  const subjects = first ? { fr: first.subject_fr, en: first.subject_en } : { fr: subject, en: subject };
  return inTransaction(db, async (trx) => {
    const at = deps.clock().toISOString();
    const message = await notifyClient(trx, { client: input.client, dedupeKey: `staff:${actor.id}:${input.formKey}`, content: { subject: subjects, body: { fr: body, en: body } }, threadId, authorId: actor.id }, deps);
    await recordAudit(trx, { at, actorId: actor.id, action: 'message.sent', subjectType: 'message', subjectId: message.id, clientId: input.client.id, ip: actor.ip ?? null });
    if (threadId !== undefined && (await markThreadRepliesRead(trx, scope, threadId, actor.id, at)) > 0) {
      await recordAudit(trx, { at, actorId: actor.id, action: 'message.reply_read', subjectType: 'message', subjectId: threadId, clientId: input.client.id, ip: actor.ip ?? null });
    }
    return { ok: true, message };
  });
}

export function unreadCount(db: Db, clientId: number): Promise<number> {
  return countUnreadMessages(db, clientId);
}

/** The subject and body in the reader's language. */
export function inLocale(message: Message, locale: Locale): { subject: string; body: string } {
  return locale === 'en' ? { subject: message.subject_en, body: message.body_en } : { subject: message.subject_fr, body: message.body_fr };
}
