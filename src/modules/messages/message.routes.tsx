import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors';
import { requestActor } from '../../platform/http/actor';
import { requireRole } from '../../platform/http/guards';
import { servePageFromCache } from '../../platform/page-cache/page-cache';
import { inLocale, listMessages, readMessage } from './message.service';
import { MessageListPage } from './views/message-list-page';
import { MessagePage } from './views/message-page';

function messageId(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) throw new NotFoundError('MESSAGE.NOT_FOUND');
  return Number(raw);
}

/** The message centre: the header's envelope icon. */
export async function messageRoutes(app: FastifyInstance): Promise<void> {
  const guard = { preHandler: requireRole('client') };
  const db = app.database.db;

  app.get('/messages', { preHandler: [requireRole('client'), servePageFromCache] }, async (request, reply) => {
    const messages = await listMessages(db, requestActor(request));
    return reply.page({ title: request.t('messages.title'), body: (ctx) => <MessageListPage ctx={ctx} messages={messages} /> });
  });

  // Opening the message is its read receipt (see readMessage): the header count drops at once.
  app.get('/messages/:id', guard, async (request, reply) => {
    const message = await readMessage(db, requestActor(request), messageId(request), app.clock);
    return reply.page({ title: inLocale(message, request.locale).subject, body: (ctx) => <MessagePage ctx={ctx} message={message} /> });
  });
}
