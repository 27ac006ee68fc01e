import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors';
import type { Actor } from '../../platform/access/actor';
import { recordFileView } from '../../platform/audit/file-view';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { pathId } from '../../platform/http/params';
import { requireRole } from '../../platform/http/guards';
import { getClient } from '../accounts/directory.service';
import { getConversation, markConversationRead } from '../messages/conversation.service';
import { MESSAGE_ERRORS } from '../messages/message.errors';
import { sendMessageToClient } from '../messages/message.service';
import type { Db } from '../../db/types';
import { ConversationPage } from './views/conversation-page';
import { conversationPath } from './views/paths';

const answerForm = z.object({
  body: z.string().max(20_000).catch(''),
  cle: z
    .string()
    .regex(/^[\w-]{16,64}$/)
    .catch(''),
});
const pageQuery = z.object({ lu: z.literal('1').optional().catch(undefined), envoye: z.literal('1').optional().catch(undefined) });
const newFormKey = () => randomBytes(16).toString('base64url');

/** The client and the conversation the URL names; a conversation of another client is not found. */
async function conversationOf(db: Db, actor: Actor, request: FastifyRequest) {
  const client = await getClient(db, actor, pathId(request, 'clientId'));
  const conversation = await getConversation(db, actor, pathId(request, 'messageId'));
  if (conversation.clientId !== client.id) throw new NotFoundError('MESSAGE.NOT_FOUND');
  return { client, conversation };
}

/** The client's conversations in the workspace: read the client's replies, mark them read, answer in the conversation. */
export async function workspaceConversationRoutes(app: FastifyInstance): Promise<void> {
  const staff = { preHandler: requireRole('agent', 'admin') };
  const db = app.database.db;
  const notifyDeps = { clock: app.clock, publicUrl: app.config.PUBLIC_URL };
  const path = '/espace/clients/:clientId/messages/:messageId';

  // Reading changes nothing here (no state change on GET): « Marquer la réponse comme lue » does.
  app.get(path, staff, async (request, reply) => {
    const { t } = request;
    const actor = requestActor(request);
    const { client, conversation } = await conversationOf(db, actor, request);
    await recordFileView(db, actor, client.id, app.clock);
    const query = pageQuery.parse(request.query ?? {});
    const notice = query.lu ? t('workspace.conversation.markedRead') : query.envoye ? t('workspace.conversation.sent') : undefined;
    const subject = request.locale === 'en' ? conversation.subject.en : conversation.subject.fr;
    return reply.page({ title: subject, body: (ctx) => <ConversationPage ctx={ctx} client={client} conversation={conversation} formKey={newFormKey()} notice={notice} /> });
  });

  app.post(`${path}/lu`, staff, async (request, reply) => {
    const actor = requestActor(request);
    const { client, conversation } = await conversationOf(db, actor, request);
    await markConversationRead(db, actor, conversation.threadId, app.clock);
    return reply.redirect(`${conversationPath(client.id, conversation.threadId)}?lu=1`, 303);
  });

  // The answer is a message to the client (sendMessageToClient), written in this conversation.
  app.post(`${path}/repondre`, staff, async (request, reply) => {
    const { t } = request;
    const actor = requestActor(request);
    const { client, conversation } = await conversationOf(db, actor, request);
    const form = answerForm.parse(formFields(request.body));
    const formKey = form.cle || newFormKey();
    const result = await sendMessageToClient(db, actor, { client, subject: '', body: form.body, formKey, inReplyTo: conversation.threadId }, notifyDeps);
    if (result.ok) return reply.redirect(`${conversationPath(client.id, conversation.threadId)}?envoye=1#message-${result.message.id}`, 303);
    const errors = result.codes.map((code) => ({ field: 'body', message: t(MESSAGE_ERRORS[code].messageKey) }));
    const subject = request.locale === 'en' ? conversation.subject.en : conversation.subject.fr;
    return reply.page({
      title: subject,
      status: 400,
      body: (ctx) => <ConversationPage ctx={ctx} client={client} conversation={conversation} formKey={formKey} body={form.body.slice(0, 20_000)} errors={errors} />,
    });
  });
}
