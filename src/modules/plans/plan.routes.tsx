import type { Locale } from '../../platform/i18n/locale';
import { formatDay } from '../../ui/format/datetime';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { pathId } from '../../platform/http/params';
import { requireRole } from '../../platform/http/guards';
import { servePageFromCache } from '../../platform/page-cache/page-cache';
import { quebecDate } from '../../platform/business-time/quebec-time';
import { isActionLate } from './action-due';
import { actionSections } from './action-sections';
import { toggleAction } from './action-status.service';
import { nextSteps, nextStepsDeps } from './next-steps.service';
import { PLAN_ERRORS } from './plan.errors';
import { type ActionsTab, actionsByDomain, getAction, getNote, planHomeFor } from './plan.service';
import type { PlanAction } from './plan.tables';
import { ActionPage } from './views/action-page';
import { ActionsPage } from './views/actions-page';
import { NotePage } from './views/note-page';
import { actionPath, HOME_PATH } from './views/plan-breadcrumbs';
import { PlanHomePage } from './views/plan-home-page';

const tabQuery = z.object({ onglet: z.enum(['a-faire', 'completees']).catch('a-faire'), replie: z.literal('1').optional().catch(undefined) });
const actionQuery = z.object({ modifiee: z.literal('1').optional().catch(undefined) });
const toggleForm = z.object({
  version: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number),
});

function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}

/** « Accompagnement Québec » in the left menu: the individualized action plan (guide §3). */
export async function planRoutes(app: FastifyInstance): Promise<void> {
  const client = { preHandler: requireRole('client') };
  const db = () => app.database.db;
  const stepsDeps = nextStepsDeps(app.config, app.clock);

  // The client's own pages, answered from memory while nothing they show has changed (ADR 0008).
  const cachedPage = { preHandler: [requireRole('client'), servePageFromCache] };

  app.get(HOME_PATH, cachedPage, async (request, reply) => {
    const actor = requestActor(request);
    const [home, next] = await Promise.all([planHomeFor(db(), actor), nextSteps(db(), actor, stepsDeps)]);
    return reply.page({ title: request.t('plan.title'), body: (ctx) => <PlanHomePage ctx={ctx} home={home} next={next} /> });
  });

  app.get(`${HOME_PATH}/actions`, cachedPage, async (request, reply) => {
    const query = tabQuery.parse(request.query ?? {});
    const tab: ActionsTab = query.onglet;
    const groups = await actionsByDomain(db(), requestActor(request), { tab });
    if (!groups) return reply.redirect(HOME_PATH, 303);
    return reply.page({ title: request.t('plan.myActions'), body: (ctx) => <ActionsPage ctx={ctx} tab={tab} groups={groups} today={quebecDate(app.clock())} isCollapsed={query.replie === '1'} /> });
  });

  app.get(`${HOME_PATH}/actions/:id`, cachedPage, async (request, reply) => {
    const actor = requestActor(request);
    const { action, notes } = await getAction(db(), actor, pathId(request));
    const sections = await actionSections(db(), actor, action);
    const changed = actionQuery.parse(request.query ?? {}).modifiee === '1';
    const notice = changed ? request.t(action.status === 'completee' ? 'plan.action.nowDone' : 'plan.action.nowTodo') : undefined;
    return reply.page({ title: action.title, body: (ctx) => <ActionPage ctx={ctx} action={action} notes={notes} sections={sections} today={quebecDate(app.clock())} notice={notice} /> });
  });

  app.post(`${HOME_PATH}/actions/:id/terminer`, client, async (request, reply) => {
    const actor = requestActor(request);
    const actionId = pathId(request);
    const form = toggleForm.safeParse(formFields(request.body));
    if (!form.success) {
      await getAction(db(), actor, actionId); // someone else's or unknown id: still 404
      throw new AppError('PLAN.BAD_FORM', 400, 'error.badRequest.body');
    }
    const result = await toggleAction(db(), actor, { actionId, expectedVersion: form.data.version, now: app.clock() });
    if (wantsJson(request)) {
      const state = stateOf(result.action, request.locale, quebecDate(app.clock()));
      if (result.ok) return reply.header('cache-control', 'no-store').send(state);
      return reply.status(PLAN_ERRORS[result.code].status).send({ ...state, error: { code: 'PLAN.VERSION_CONFLICT', message: request.t(PLAN_ERRORS[result.code].messageKey) } });
    }
    if (result.ok) return reply.redirect(`${actionPath(actionId)}?modifiee=1`, 303);
    return renderConflict(request, reply, result.action);
  });

  app.get(`${HOME_PATH}/notes/:id`, client, async (request, reply) => {
    const { note, action } = await getNote(db(), requestActor(request), pathId(request));
    return reply.page({ title: request.t('plan.notes.heading'), body: (ctx) => <NotePage ctx={ctx} note={note} action={action} /> });
  });
}

/** What the script needs to update the page in place. */
function stateOf(action: PlanAction, locale: Locale, today: string) {
  return { status: action.status, dateDeFin: action.completed_on, dateDeFinTexte: action.completed_on ? formatDay(action.completed_on, locale) : '', enRetard: isActionLate(action, today), version: action.version };
}

/** A stale form: the action page again, with its current state and the reason nothing changed. */
async function renderConflict(request: FastifyRequest, reply: FastifyReply, current: PlanAction) {
  const actor = requestActor(request);
  const { notes } = await getAction(request.server.database.db, actor, current.id);
  const sections = await actionSections(request.server.database.db, actor, current);
  return reply.page({
    title: current.title,
    status: 409,
    body: (ctx) => <ActionPage ctx={ctx} action={current} notes={notes} sections={sections} today={quebecDate(request.server.clock())} conflict />,
  });
}
