import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiActor, authProblems, idParams } from '../api/api-kit';
import { getMessage, inLocale, listMessages, readMessage } from './message.service';
import type { Message } from './message.tables';
import type { Locale } from '../../platform/i18n/locale';

const summarySchema = z.object({ id: z.number().int(), subject: z.string(), createdAt: z.string(), readAt: z.string().nullable() }).meta({ id: 'MessageSummary' });
const messageSchema = summarySchema.extend({ body: z.string() }).meta({ id: 'Message' });

function toSummary(message: Message, locale: Locale) {
  return { id: message.id, subject: inLocale(message, locale).subject, createdAt: message.created_at, readAt: message.read_at };
}

function toMessage(message: Message, locale: Locale) {
  return { ...toSummary(message, locale), body: inLocale(message, locale).body };
}

/** The message centre. Reading a message over the API changes nothing; POST …/read is the receipt. */
export const messageApi: FastifyPluginAsyncZod = async (api) => {
  const db = api.database.db;

  api.get('/messages', { schema: { summary: 'The message centre, newest first', tags: ['messages'], response: { 200: z.object({ items: z.array(summarySchema) }), ...authProblems } } }, async (request) => ({
    items: (await listMessages(db, apiActor(request))).map((message) => toSummary(message, request.locale)),
  }));

  api.get('/messages/:id', { schema: { summary: 'One message (does not mark it read)', tags: ['messages'], params: idParams, response: { 200: messageSchema, ...authProblems } } }, async (request) =>
    toMessage(await getMessage(db, apiActor(request), request.params.id), request.locale),
  );

  api.post('/messages/:id/read', { schema: { summary: 'Mark a message read (idempotent)', tags: ['messages'], params: idParams, response: { 200: messageSchema, ...authProblems } } }, async (request) =>
    toMessage(await readMessage(db, apiActor(request), request.params.id, api.clock), request.locale),
  );
};
