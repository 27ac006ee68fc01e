import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requestActor } from '../../platform/http/actor';
import { draftText, restoredForm } from '../../platform/http/form-draft';
import { pathId } from '../../platform/http/params';
import { requireRole } from '../../platform/http/guards';
import { servePageFromCache } from '../../platform/page-cache/page-cache';
import { canReply, listConversations, openConversation, replyToMessage } from './conversation.service';
import { MESSAGE_ERRORS } from './message.errors';
import { MessageListPage } from './views/message-list-page';
import { MessagePage } from './views/message-page';

const newFormKey = () => randomBytes(16).toString('base64url');
const replyForm = z.object({
  reponse: z.string().max(20_000).catch(''),
  cle: z
    .string()
    .regex(/^[\w-]{16,64}$/)
    .catch(''),
});
const pageQuery = z.object({ envoye: z.literal('1').optional().catch(undefined) });

/** The message centre: the header's envelope icon; a conversation per subject, with « Répondre ». */
export async function messageRoutes(app: FastifyInstance): Promise<void> {
  const guard = { preHandler: requireRole('client') };
  const db = app.database.db;

  app.get('/messages', { preHandler: [requireRole('client'), servePageFromCache] }, async (request, reply) => {
    const conversations = await listConversations(db, requestActor(request));
    return reply.page({ title: request.t('messages.title'), body: (ctx) => <MessageListPage ctx={ctx} conversations={conversations} /> });
  });

  // Opening the conversation is its read receipt (see openConversation): the header count drops at once.
  app.get('/messages/:id', guard, async (request, reply) => {
    const actor = requestActor(request);
    const conversation = await openConversation(db, actor, pathId(request, 'id', 'MESSAGE.NOT_FOUND'), app.clock);
    // A reply posted as the session ended comes back here once the person has signed in again.
    const kept = await restoredForm(request, reply, `/messages/${conversation.threadId}/repondre`);
    const state = { canReply: await canReply(db, actor), formKey: newFormKey(), isSent: pageQuery.parse(request.query ?? {}).envoye === '1', body: draftText(kept, 'reponse')?.slice(0, 20_000) };
    const title = request.locale === 'en' ? conversation.subject.en : conversation.subject.fr;
    return reply.page({ title, body: (ctx) => <MessagePage ctx={ctx} conversation={conversation} reply={state} /> });
  });

  // « Répondre »: POST → 303 → the conversation; a refused reply shows the form again with its errors.
  app.post('/messages/:id/repondre', guard, async (request, reply) => {
    const { t } = request;
    const actor = requestActor(request);
    const id = pathId(request, 'id', 'MESSAGE.NOT_FOUND');
    const form = replyForm.parse(request.body && typeof request.body === 'object' ? request.body : {});
    const formKey = form.cle || newFormKey();
    const result = await replyToMessage(db, actor, { messageId: id, body: form.reponse, formKey }, { clock: app.clock });
    if (result.ok) return reply.redirect(`/messages/${result.threadId}?envoye=1#reponse-${result.reply.id}`, 303);
    const conversation = await openConversation(db, actor, id, app.clock);
    const refusal = MESSAGE_ERRORS[result.code];
    const noAgent = result.code === 'NO_AGENT';
    const errors = refusal.field ? [{ field: refusal.field, message: t(refusal.messageKey) }] : [];
    const title = request.locale === 'en' ? conversation.subject.en : conversation.subject.fr;
    return reply.page({
      title,
      status: refusal.status,
      body: (ctx) => <MessagePage ctx={ctx} conversation={conversation} reply={{ canReply: !noAgent, formKey, body: form.reponse.slice(0, 20_000), errors }} />,
    });
  });
}
