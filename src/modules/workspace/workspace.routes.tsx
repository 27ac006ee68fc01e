import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { pathId } from '../../platform/http/params';
import { requireRole } from '../../platform/http/guards';
import { servePageFromCache, servePageFromCacheAbout } from '../../platform/page-cache/page-cache';
import { getClient } from '../accounts/directory.service';
import { MESSAGE_ERRORS } from '../messages/message.errors';
import { sendMessageToClient } from '../messages/message.service';
import { takeRequest } from '../requests/request.service';
import { clientFile } from './client-file.service';
import { type ClientSort, clientList } from './client-list.service';
import { ClientFilePage } from './views/client-file-page';
import { ClientsPage } from './views/clients-page';
import { MessageFormPage } from './views/message-form-page';
import { CLIENT_SORT_SLUGS, CLIENTS_PATH, clientPath, QUEUE_KIND_SLUGS, QUEUE_PATH } from './views/paths';
import { WorkQueuePage } from './views/work-queue-page';
import { type QueueFilter, type QueueKind, workQueueView } from './work-queue.service';

const queueQuery = z.object({
  prise: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional()
    .catch(undefined),
  deja: z.literal('1').optional().catch(undefined),
  // The filters (a GET form): anything unknown reads as its default, the whole team's queue.
  type: z
    .enum(Object.values(QUEUE_KIND_SLUGS) as [QueueKindSlug, ...QueueKindSlug[]])
    .optional()
    .catch(undefined),
  vue: z.enum(['mes-dossiers', 'equipe']).catch('equipe'),
  retard: z.literal('1').optional().catch(undefined),
});
type QueueKindSlug = (typeof QUEUE_KIND_SLUGS)[keyof typeof QUEUE_KIND_SLUGS];
const kindOfSlug = new Map(Object.entries(QUEUE_KIND_SLUGS).map(([kind, slug]) => [slug, kind as QueueKind]));
const clientsQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  // An unknown sort or direction (an old bookmark, a typo) is the default view, never an error.
  tri: z.enum(Object.values(CLIENT_SORT_SLUGS) as [ClientSortSlug, ...ClientSortSlug[]]).catch('nom'),
  ordre: z.enum(['asc', 'desc']).catch('asc'),
});
type ClientSortSlug = (typeof CLIENT_SORT_SLUGS)[keyof typeof CLIENT_SORT_SLUGS];
const sortOfSlug = new Map(Object.entries(CLIENT_SORT_SLUGS).map(([sort, slug]) => [slug, sort as ClientSort]));
const fileQuery = z.object({ onglet: z.enum(['planifie', 'termine']).catch('planifie'), envoye: z.literal('1').optional().catch(undefined) });
const messageForm = z.object({
  subject: z.string().max(1000).catch(''),
  body: z.string().max(20_000).catch(''),
  cle: z
    .string()
    .regex(/^[\w-]{16,64}$/)
    .catch(''),
});

/** The agents' workspace: « Ma file de travail », « Mes clients », the client's file and messages to the client. */
export async function workspaceRoutes(app: FastifyInstance): Promise<void> {
  const staff = { preHandler: requireRole('agent', 'admin') };
  const db = app.database.db;
  const notifyDeps = { clock: app.clock, publicUrl: app.config.PUBLIC_URL };

  // The agent's version moves with every change to their caseload and their team's requests (ADR 0008).
  app.get(QUEUE_PATH, { preHandler: [requireRole('agent', 'admin'), servePageFromCache] }, async (request, reply) => {
    const { t } = request;
    const query = queueQuery.parse(request.query ?? {});
    const filter: QueueFilter = { kind: query.type && kindOfSlug.get(query.type), scope: query.vue === 'mes-dossiers' ? 'mine' : 'team', overdueOnly: query.retard === '1' };
    const view = await workQueueView(db, requestActor(request), filter, {
      clock: app.clock,
      firstAppointmentBusinessHours: app.config.FIRST_APPOINTMENT_BUSINESS_HOURS,
      businessDayStartHour: app.config.BUSINESS_DAY_START_HOUR,
      businessDayEndHour: app.config.BUSINESS_DAY_END_HOUR,
      lang: request.locale,
    });
    const warning = query.deja ? t('workspace.queue.alreadyTaken') : undefined;
    return reply.page({ title: t('workspace.queue.title'), body: (ctx) => <WorkQueuePage ctx={ctx} view={view} filter={filter} warning={warning} /> });
  });

  // « Prendre en charge »: the client becomes the agent's; their file opens to propose the first appointment.
  app.post('/espace/demandes/:id/prendre', staff, async (request, reply) => {
    const result = await takeRequest(db, requestActor(request), pathId(request), app.clock);
    if (!result.ok) return reply.redirect(`${QUEUE_PATH}?deja=1`, 303);
    return reply.redirect(`${clientPath(result.clientId)}?prise=1`, 303);
  });

  // « Mes clients » shows only the caseload's own account rows: a change to any of them, a client
  // given or taken away, moves the agent's version (ADR 0008); a manager's list is always drawn.
  app.get(CLIENTS_PATH, { preHandler: [requireRole('agent', 'admin'), servePageFromCache] }, async (request, reply) => {
    const query = clientsQuery.parse(request.query ?? {});
    const search = query.q?.trim() ?? '';
    const order = { sort: sortOfSlug.get(query.tri) ?? 'name', descending: query.ordre === 'desc' };
    const result = await clientList(db, requestActor(request), { search, page: query.page, lang: request.locale, order }, app.clock);
    return reply.page({ title: request.t('workspace.clients.title'), body: (ctx) => <ClientsPage ctx={ctx} result={result} search={search} order={order} /> });
  });

  // Kept on the client's version too (ADR 0014): their rows, their file's audit lines (the openings
  // included, migration 0030) move it. A hit records no opening: the render it repeats, in the same
  // minute, found or wrote one within the quarter hour, so an opening is listed at most a minute late.
  app.get(`${CLIENTS_PATH}/:clientId`, { preHandler: [requireRole('agent', 'admin'), servePageFromCacheAbout((request) => pathId(request, 'clientId'))] }, async (request, reply) => {
    const { t } = request;
    const query = fileQuery.parse(request.query ?? {});
    const file = await clientFile(db, requestActor(request), { clientId: pathId(request, 'clientId'), tab: query.onglet }, app.clock);
    const taken = (request.query as { prise?: string }).prise === '1';
    const notice = taken ? t('workspace.queue.taken', { name: file.client.display_name }) : query.envoye ? t('workspace.message.sent') : undefined;
    return reply.page({ title: t('workspace.file.title', { name: file.client.display_name }), body: (ctx) => <ClientFilePage ctx={ctx} file={file} notice={notice} /> });
  });

  app.get(`${CLIENTS_PATH}/:clientId/messages/nouveau`, staff, async (request, reply) => {
    const client = await getClient(db, requestActor(request), pathId(request, 'clientId'));
    const formKey = randomBytes(16).toString('base64url');
    return reply.page({ title: request.t('workspace.message.title'), body: (ctx) => <MessageFormPage ctx={ctx} client={client} formKey={formKey} /> });
  });

  app.post(`${CLIENTS_PATH}/:clientId/messages/nouveau`, staff, async (request, reply) => {
    const { t } = request;
    const actor = requestActor(request);
    const client = await getClient(db, actor, pathId(request, 'clientId'));
    const form = messageForm.parse(formFields(request.body));
    const formKey = form.cle || randomBytes(16).toString('base64url');
    const result = await sendMessageToClient(db, actor, { client, subject: form.subject, body: form.body, formKey }, notifyDeps);
    if (result.ok) return reply.redirect(`${clientPath(client.id)}?envoye=1`, 303);
    const errors = result.codes.map((code) => ({ field: MESSAGE_ERRORS[code].field ?? 'body', message: t(MESSAGE_ERRORS[code].messageKey) }));
    return reply.page({
      title: t('workspace.message.title'),
      status: 400,
      body: (ctx) => <MessageFormPage ctx={ctx} client={client} formKey={formKey} values={{ subject: form.subject.slice(0, 1000), body: form.body.slice(0, 20_000) }} errors={errors} />,
    });
  });
}
