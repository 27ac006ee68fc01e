import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiProblemError, apiActor, authProblems, idParams, problemSchema } from '../../platform/http/api-kit';
import { nextNeedsAssessment } from '../appointments/appointment.service';
import { toggleAction } from './action-status.service';
import { DOMAIN_LABEL_KEYS, DOMAINS } from './domains';
import { actionsByDomain, getAction, planHomeFor } from './plan.service';
import type { PlanAction, PlanNote } from './plan.tables';

const actionSummarySchema = z
  .object({
    id: z.number().int(),
    domain: z.enum(DOMAINS),
    title: z.string(),
    status: z.enum(['a_faire', 'completee']).describe('« À faire » or « Complétées ».'),
    dueOn: z.string().nullable().describe("« À terminer d'ici le »: the date the agent set for it to be done by (YYYY-MM-DD), shown to the client; null when none. Past it while `a_faire`, the action is « En retard »."),
    completedOn: z.string().nullable().describe('« Date de fin » (guide 3.3): the Québec date the action was marked done (YYYY-MM-DD); null while to do.'),
    version: z.number().int(),
  })
  .meta({ id: 'ActionSummary' });

const noteSchema = z.object({ id: z.number().int(), actionId: z.number().int().nullable(), body: z.string(), lang: z.enum(['fr', 'en']), createdAt: z.string(), updatedAt: z.string().nullable() }).meta({ id: 'Note' });

const actionSchema = actionSummarySchema
  .extend({
    description: z.string(),
    usefulInfo: z.string().describe('« Informations utiles »: text with links; empty when none.'),
    lang: z.enum(['fr', 'en']).describe('The language the agent wrote in.'),
    notes: z.array(noteSchema),
  })
  .meta({ id: 'Action' });

const planSchema = z
  .discriminatedUnion('state', [
    z.object({
      state: z.literal('notCreated'),
      plannedAssessment: z.object({ appointmentId: z.number().int(), startsAt: z.string(), endsAt: z.string() }).nullable().describe('The planned needs assessment, when there is one.'),
    }),
    z.object({
      state: z.literal('published'),
      agent: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
      domains: z.array(z.object({ code: z.enum(DOMAINS), label: z.string(), done: z.number().int(), total: z.number().int(), actions: z.array(actionSummarySchema) })),
    }),
  ])
  .meta({ id: 'Plan' });

const statusBody = z.object({ done: z.boolean().describe('true: « J’ai terminé »; false: back to « À faire ».') });
const ifMatchHeaders = z.object({ 'if-match': z.string().max(100).optional().describe('The ETag of the action, as last read (required).') });

function toSummary(action: PlanAction) {
  return { id: action.id, domain: action.domain, title: action.title, status: action.status, dueOn: action.due_on, completedOn: action.completed_on, version: action.version };
}

function toNote(note: PlanNote) {
  return { id: note.id, actionId: note.action_id, body: note.body, lang: note.lang, createdAt: note.created_at, updatedAt: note.updated_at };
}

export function actionEtag(action: Pick<PlanAction, 'id' | 'version'>): string {
  return `"action-${action.id}-v${action.version}"`;
}

/** The individualized action plan (guide §3): the plan by domain, one action, « J'ai terminé », the notes. */
export const planApi: FastifyPluginAsyncZod = async (api) => {
  const db = api.database.db;

  const planRouteSchema = {
    operationId: 'getPlan',
    summary: 'The plan: domains with their actions, or the "not yet created" state',
    tags: ['plan'],
    response: { 200: planSchema, ...authProblems },
    responseDescriptions: { 200: 'The published plan by domain with its actions, or `notCreated` with the planned needs assessment.' },
  };
  api.get('/plan', { schema: planRouteSchema }, async (request) => {
    const actor = apiActor(request);
    const home = await planHomeFor(db, actor);
    if (home.state === 'notCreated') {
      const assessment = await nextNeedsAssessment(db, actor, {}, api.clock);
      return { state: 'notCreated' as const, plannedAssessment: assessment ? { appointmentId: assessment.id, startsAt: assessment.starts_at, endsAt: assessment.ends_at } : null };
    }
    const [todo, done] = await Promise.all([actionsByDomain(db, actor, { tab: 'a-faire' }), actionsByDomain(db, actor, { tab: 'completees' })]);
    const domains = (todo ?? []).map((group, index) => ({
      code: group.domain,
      label: request.t(DOMAIN_LABEL_KEYS[group.domain]),
      done: group.done,
      total: group.total,
      actions: [...group.actions, ...(done?.[index]?.actions ?? [])].map(toSummary),
    }));
    return { state: 'published' as const, agent: home.agent, domains };
  });

  api.get(
    '/actions/:id',
    {
      schema: {
        operationId: 'getAction',
        summary: 'One action, with its notes; the ETag is its version',
        tags: ['plan'],
        params: idParams,
        response: { 200: actionSchema, ...authProblems },
        responseDescriptions: { 200: 'The action with its notes; the `ETag` header is what `If-Match` needs to change its status.' },
      },
    },
    async (request, reply) => {
      const { action, notes } = await getAction(db, apiActor(request), request.params.id);
      reply.header('etag', actionEtag(action));
      return { ...toSummary(action), description: action.description, usefulInfo: action.useful_info, lang: action.lang, notes: notes.map(toNote) };
    },
  );

  api.put(
    '/actions/:id/status',
    {
      schema: {
        operationId: 'setActionStatus',
        summary: '« J’ai terminé »: mark the action done or to do',
        description: 'Needs `If-Match` with the action’s ETag: 428 without it, 412 when the action changed since. Setting the status it already has changes nothing.',
        tags: ['plan'],
        params: idParams,
        headers: ifMatchHeaders,
        body: statusBody,
        response: { 200: actionSummarySchema, 412: problemSchema, 422: problemSchema, 428: problemSchema, ...authProblems },
        responseDescriptions: { 200: 'The action with its new status; the `ETag` header is its new version.' },
      },
    },
    async (request, reply) => {
      const actor = apiActor(request);
      const { action } = await getAction(db, actor, request.params.id); // someone else's or unknown: 404 first
      const ifMatch = request.headers['if-match'];
      if (!ifMatch) throw new ApiProblemError(428, 'PLAN.PRECONDITION_REQUIRED', 'api.problem.preconditionRequired.title', 'api.problem.preconditionRequired.detail');
      const current = actionEtag(action);
      const matches = ifMatch.split(',').some((tag) => tag.trim() === current || tag.trim() === '*');
      if (!matches) {
        reply.header('etag', current);
        throw new ApiProblemError(412, 'PLAN.PRECONDITION_FAILED', 'api.problem.preconditionFailed.title', 'api.problem.preconditionFailed.detail');
      }
      const wanted: PlanAction['status'] = request.body.done ? 'completee' : 'a_faire';
      if (action.status === wanted) return reply.header('etag', current).send(toSummary(action));
      const result = await toggleAction(db, actor, { actionId: action.id, expectedVersion: action.version, now: api.clock() });
      if (!result.ok) {
        reply.header('etag', actionEtag(result.action));
        throw new ApiProblemError(412, 'PLAN.PRECONDITION_FAILED', 'api.problem.preconditionFailed.title', 'api.problem.preconditionFailed.detail');
      }
      return reply.header('etag', actionEtag(result.action)).send(toSummary(result.action));
    },
  );

  api.get(
    '/notes',
    {
      schema: {
        operationId: 'listNotes',
        summary: 'The notes of the agent for the client (« Notes de mon agente ou de mon agent »)',
        tags: ['plan'],
        response: { 200: z.object({ items: z.array(noteSchema) }), ...authProblems },
        responseDescriptions: { 200: 'The agent’s notes to the client; none before the plan is published.' },
      },
    },
    async (request) => {
      const home = await planHomeFor(db, apiActor(request));
      return { items: home.state === 'published' ? home.notes.map(toNote) : [] };
    },
  );
};
