import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiProblemError, apiActor, authProblems, idParams, problemSchema } from '../../platform/http/api-kit';
import { type Conversation, getConversation, REPLY_BODY_MAX, replyToMessage } from './conversation.service';
import { MESSAGE_ERRORS } from './message.errors';
import { getMessage, inLocale, listMessages, readMessage } from './message.service';
import type { Message } from './message.tables';
import type { Locale } from '../../platform/i18n/locale';

const summarySchema = z
  .object({
    id: z.number().int(),
    conversationId: z.number().int().describe('The conversation’s first message (this one’s id when it opens one): GET /messages/{id}/conversation.'),
    subject: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'MessageSummary' });
const messageSchema = summarySchema.extend({ body: z.string() }).meta({ id: 'Message' });
const entrySchema = z
  .object({
    kind: z.enum(['message', 'reply']).describe('A message to the client, or the client’s reply.'),
    id: z.number().int(),
    at: z.string(),
    author: z.string().nullable().describe('Who wrote it: the staff member’s name; null for the service’s automatic messages and for the client’s own replies.'),
    body: z.string(),
    readAt: z.string().nullable().describe('A message: when the client opened it. A reply: when staff read it.'),
  })
  .meta({ id: 'ConversationEntry' });
const conversationSchema = z.object({ id: z.number().int().describe('The conversation’s first message.'), subject: z.string(), entries: z.array(entrySchema) }).meta({ id: 'Conversation' });
const replyBody = z
  .object({
    body: z.string().max(20_000).describe(`The reply, at most ${REPLY_BODY_MAX} characters once trimmed.`),
    key: z
      .string()
      .regex(/^[\w-]{16,64}$/)
      .describe('Chosen by the app once per reply (16 to 64 letters, digits, _ or -): sending the same key again writes nothing more.'),
  })
  .meta({ id: 'Reply' });

function toSummary(message: Message, locale: Locale) {
  return { id: message.id, conversationId: message.thread_id ?? message.id, subject: inLocale(message, locale).subject, createdAt: message.created_at, readAt: message.read_at };
}

function toMessage(message: Message, locale: Locale) {
  return { ...toSummary(message, locale), body: inLocale(message, locale).body };
}

function toConversation(conversation: Conversation, locale: Locale) {
  return {
    id: conversation.threadId,
    subject: locale === 'en' ? conversation.subject.en : conversation.subject.fr,
    entries: conversation.entries.map((entry) =>
      entry.kind === 'reply'
        ? { kind: entry.kind, id: entry.id, at: entry.at, author: null, body: entry.body, readAt: entry.readAt }
        : { kind: entry.kind, id: entry.id, at: entry.at, author: entry.authorName, body: locale === 'en' ? entry.body.en : entry.body.fr, readAt: entry.readAt },
    ),
  };
}

/** The message centre. Reading a message over the API changes nothing; POST …/read is the receipt. */
export const messageApi: FastifyPluginAsyncZod = async (api) => {
  const db = api.database.db;

  const listSchema = {
    operationId: 'listMessages',
    summary: 'The message centre, newest first',
    tags: ['messages'],
    response: { 200: z.object({ items: z.array(summarySchema) }), ...authProblems },
    responseDescriptions: { 200: 'The client’s messages, newest first, each with when it was read (null: unread).' },
  };
  api.get('/messages', { schema: listSchema }, async (request) => ({
    items: (await listMessages(db, apiActor(request))).map((message) => toSummary(message, request.locale)),
  }));

  const getSchema = {
    operationId: 'getMessage',
    summary: 'One message (does not mark it read)',
    tags: ['messages'],
    params: idParams,
    response: { 200: messageSchema, ...authProblems },
    responseDescriptions: { 200: 'The message with its body, unchanged: reading it here is no read receipt.' },
  };
  api.get('/messages/:id', { schema: getSchema }, async (request) => toMessage(await getMessage(db, apiActor(request), request.params.id), request.locale));

  const readSchema = {
    operationId: 'markMessageRead',
    summary: 'Mark a message read (idempotent)',
    tags: ['messages'],
    params: idParams,
    response: { 200: messageSchema, ...authProblems },
    responseDescriptions: { 200: 'The message, read: `readAt` is when it was first marked read.' },
  };
  api.post('/messages/:id/read', { schema: readSchema }, async (request) => toMessage(await readMessage(db, apiActor(request), request.params.id, api.clock), request.locale));

  api.get(
    '/messages/:id/conversation',
    {
      schema: {
        operationId: 'getConversation',
        summary: 'The conversation a message belongs to, oldest first (does not mark it read)',
        tags: ['messages'],
        params: idParams,
        response: { 200: conversationSchema, ...authProblems },
        responseDescriptions: { 200: 'The conversation: its messages and the client’s replies, oldest first.' },
      },
    },
    async (request) => toConversation(await getConversation(db, apiActor(request), request.params.id), request.locale),
  );

  api.post(
    '/messages/:id/replies',
    {
      schema: {
        operationId: 'replyToMessage',
        summary: 'Reply in the conversation of a message; the reply goes to the client’s agent',
        description: 'Refused with 409 (MESSAGE.NO_AGENT) while no agent is assigned to the client. The same key twice gives the same reply.',
        tags: ['messages'],
        params: idParams,
        body: replyBody,
        response: { 201: conversationSchema, 409: problemSchema, 422: problemSchema, ...authProblems },
        responseDescriptions: {
          201: 'The reply is sent (or was, with this key): the conversation with it, oldest first.',
          409: 'No agent is assigned to the client yet (MESSAGE.NO_AGENT).',
          422: 'An empty reply, or one over 2 000 characters, or an invalid key.',
        },
      },
    },
    async (request, reply) => {
      const actor = apiActor(request);
      const result = await replyToMessage(db, actor, { messageId: request.params.id, body: request.body.body, formKey: request.body.key }, { clock: api.clock });
      if (!result.ok) {
        const refusal = MESSAGE_ERRORS[result.code];
        if (!refusal.field) {
          throw new ApiProblemError(refusal.status, `MESSAGE.${result.code}`, 'api.problem.conflict.title', refusal.messageKey, { detail: request.t(refusal.messageKey) });
        }
        throw new ApiProblemError(422, 'VALIDATION', 'api.problem.validation.title', 'api.problem.validation.detail', {
          errors: [{ field: 'body', pointer: '#/body', detail: request.t(refusal.messageKey) }],
        });
      }
      return reply.status(201).send(toConversation(await getConversation(db, actor, result.threadId), request.locale));
    },
  );
};
