import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors';
import { requestActor } from '../../platform/http/actor';
import { requireRole } from '../../platform/http/guards';
import { pathId, pathText } from '../../platform/http/params';
import { servePageFromCache } from '../../platform/page-cache/page-cache';
import { AGENDA_ERRORS } from './agenda.errors';
import { agendaOf } from './agenda.service';
import { agendaFeed, feedStatus, feedUrl, revokeAgendaFeed, subscribeToAgenda } from './calendar-feed.service';
import { AgendaErrorPage } from './views/agenda-error-page';
import { AgendaPage, agendaTitle } from './views/agenda-page';
import { FeedCreatedPage } from './views/feed-created-page';
import { AGENDA_PATH, agendaPathOf, FEED_SUBSCRIBE_PATH, feedRevokePath } from './views/paths';

/**
 * « Mon agenda » (and a manager's view of any agent's), « S'abonner à mon agenda », and the
 * calendar feed itself, which calendar applications read without a session.
 */
export async function agendaRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const staff = { preHandler: requireRole('agent', 'admin') };
  // The agent's page version moves with their appointments, absences and subscription (ADR 0008).
  const cachedStaffPage = { preHandler: [requireRole('agent', 'admin'), servePageFromCache] };
  const deps = { clock: app.clock, hours: { businessDayStartHour: app.config.BUSINESS_DAY_START_HOUR, businessDayEndHour: app.config.BUSINESS_DAY_END_HOUR } };

  const showAgenda = async (request: FastifyRequest, reply: FastifyReply, agentId: number | undefined) => {
    const { t } = request;
    const actor = requestActor(request);
    const result = await agendaOf(db, actor, { agentId, query: (request.query ?? {}) as Record<string, unknown> }, deps);
    if (!result.ok) {
      const refusal = AGENDA_ERRORS[result.code];
      return reply.page({ title: t('agenda.error.title'), status: refusal.status, body: (ctx) => <AgendaErrorPage ctx={ctx} message={t(refusal.messageKey)} back={agendaPathOf(agentId)} /> });
    }
    const { agenda } = result;
    const feed = await feedStatus(db, actor, agenda.agentId);
    const notice = (request.query as { revoque?: unknown }).revoque === '1' ? t('agenda.feed.revoked') : undefined;
    return reply.page({ title: agendaTitle(t, agenda), body: (ctx) => <AgendaPage ctx={ctx} agenda={agenda} feed={feed} notice={notice} /> });
  };

  app.get(AGENDA_PATH, cachedStaffPage, (request, reply) => showAgenda(request, reply, undefined));
  app.get(`${AGENDA_PATH}/:agentId`, cachedStaffPage, (request, reply) => showAgenda(request, reply, pathId(request, 'agentId')));

  // The secret is in this answer only: rendered here, never put in a redirect's URL.
  app.post(FEED_SUBSCRIBE_PATH, staff, async (request, reply) => {
    const { token } = await subscribeToAgenda(db, requestActor(request), app.clock);
    return reply.page({ title: request.t('agenda.feed.createdTitle'), body: (ctx) => <FeedCreatedPage ctx={ctx} url={feedUrl(app.config.PUBLIC_URL, token)} /> });
  });

  const revoke = async (request: FastifyRequest, reply: FastifyReply, agentId: number | undefined) => {
    const actor = requestActor(request);
    await revokeAgendaFeed(db, actor, agentId ?? actor.id, app.clock);
    return reply.redirect(`${agendaPathOf(agentId)}?revoque=1`, 303);
  };
  app.post(feedRevokePath(AGENDA_PATH), staff, (request, reply) => revoke(request, reply, undefined));
  app.post(feedRevokePath(`${AGENDA_PATH}/:agentId`), staff, (request, reply) => revoke(request, reply, pathId(request, 'agentId')));

  // Read by calendar applications: no session, the secret is the key. Its requests are not
  // logged (the secret is in the URL); an unknown or revoked secret is a plain 404.
  app.get('/agenda/:token.ics', { logLevel: 'warn' }, async (request, reply) => {
    const calendar = await agendaFeed(db, pathText(request, 'token'), { clock: app.clock, publicUrl: app.config.PUBLIC_URL });
    if (calendar === undefined) throw new NotFoundError('AGENDA.FEED_NOT_FOUND');
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="agenda.ics"').header('cache-control', 'private, no-store').send(calendar);
  });
}
