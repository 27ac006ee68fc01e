import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { requireRole } from '../../platform/http/guards';
import { pathId } from '../../platform/http/params';
import type { MessageKey } from '../../platform/i18n/catalog';
import type { FieldError } from '../../ui/components/form';
import type { PageOptions } from '../../ui/render';
import type { ViewContext } from '../../ui/view-context';
import { AVAILABILITY_ERRORS } from './availability.errors';
import { type AvailabilityDeps, addAbsence, availabilityPage, type DayInput, removeAbsence, saveTeamMomentChoices, saveWeeklyHours, teamMomentChoices, WORKDAYS } from './availability.service';
import { type AbsenceValues, AvailabilityPage, type HoursValues } from './views/availability-page';
import { MomentChoiceSettingsPage } from './views/moment-choice-settings-page';
import { agentAvailabilityPath, MOMENT_CHOICE_SETTINGS_PATH, OWN_AVAILABILITY_PATH } from './views/paths';

const NOTICES: Record<string, MessageKey> = { heures: 'availability.hours.saved', ajoutee: 'availability.absences.added', retiree: 'availability.absences.removed' };

/** « Mes disponibilités » for the agent, and the same page for a manager under their path. */
export async function availabilityRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const deps: AvailabilityDeps = { clock: app.clock, businessDayStartHour: app.config.BUSINESS_DAY_START_HOUR, businessDayEndHour: app.config.BUSINESS_DAY_END_HOUR };
  const businessHours = { start: app.config.BUSINESS_DAY_START_HOUR, end: app.config.BUSINESS_DAY_END_HOUR };

  /** Both ways in: the agent's own (no id in the path) and the manager's (the agent's id). */
  const ways = [
    { base: OWN_AVAILABILITY_PATH, guard: { preHandler: requireRole('agent') }, agentIdOf: (_: FastifyRequest): number | undefined => undefined },
    { base: '/gestion/personnel/:agentId/disponibilites', guard: { preHandler: requireRole('admin') }, agentIdOf: (request: FastifyRequest): number | undefined => pathId(request, 'agentId') },
  ];

  for (const way of ways) {
    const pagePath = (request: FastifyRequest) => {
      const agentId = way.agentIdOf(request);
      return agentId === undefined ? OWN_AVAILABILITY_PATH : agentAvailabilityPath(agentId);
    };
    const render = async (request: FastifyRequest, status: number, shown: { hours?: HoursValues; absence?: AbsenceValues; errors?: FieldError[]; notice?: string } = {}): Promise<PageOptions> => {
      const actor = requestActor(request);
      const data = await availabilityPage(db, actor, way.agentIdOf(request), deps);
      const isOwn = way.base === OWN_AVAILABILITY_PATH;
      const crumbs = isOwn
        ? undefined
        : [
            { label: request.t('admin.crumb'), href: '/gestion' },
            { label: request.t('admin.nav.staff'), href: '/gestion/personnel' },
          ];
      return {
        title: isOwn ? request.t('availability.title') : request.t('availability.titleOf', { name: data.agent.name }),
        status,
        body: (ctx: ViewContext) => <AvailabilityPage ctx={ctx} data={data} basePath={pagePath(request)} crumbs={crumbs} isOwn={isOwn} businessHours={businessHours} {...shown} />,
      };
    };

    app.get(way.base, way.guard, async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const key = typeof query.enregistre === 'string' ? NOTICES[query.enregistre] : undefined;
      return reply.page(await render(request, 200, { notice: key ? request.t(key) : undefined }));
    });

    app.post(`${way.base}/heures`, way.guard, async (request, reply) => {
      const fields = formFields(request.body);
      const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string).slice(0, 10) : '');
      const days: DayInput[] = WORKDAYS.map((weekday) => ({ weekday, isWorking: text(`works${weekday}`) === '1', start: text(`start${weekday}`), end: text(`end${weekday}`) }));
      const result = await saveWeeklyHours(db, requestActor(request), { agentId: way.agentIdOf(request), days }, deps);
      if (result.ok) return reply.redirect(`${pagePath(request)}?enregistre=heures#hours`, 303);
      const dayNames = result.weekdays.map((d) => request.t(`availability.day.${d}` as MessageKey)).join(', ');
      const message = request.t(AVAILABILITY_ERRORS[result.code].messageKey, { days: dayNames });
      const errors = result.weekdays.map((d) => ({ field: `day${d}`, message }));
      const hours: HoursValues = Object.fromEntries(days.map((d) => [d.weekday, { isWorking: d.isWorking, start: d.start, end: d.end }]));
      return reply.page(await render(request, AVAILABILITY_ERRORS[result.code].status, { hours, errors }));
    });

    app.post(`${way.base}/absences`, way.guard, async (request, reply) => {
      const fields = formFields(request.body);
      const text = (key: string, max: number) => (typeof fields[key] === 'string' ? (fields[key] as string).slice(0, max) : '');
      const input = { kind: text('kind', 20), label: text('label', 200), startsOn: text('startsOn', 10), endsOn: text('endsOn', 10) };
      const result = await addAbsence(db, requestActor(request), { ...input, agentId: way.agentIdOf(request) }, deps);
      if (result.ok) return reply.redirect(`${pagePath(request)}?enregistre=ajoutee#absences`, 303);
      const errors: FieldError[] = [];
      for (const code of result.codes) {
        const refusal = AVAILABILITY_ERRORS[code];
        const field = refusal.field ?? 'kind';
        if (!errors.some((e) => e.field === field)) errors.push({ field, message: request.t(refusal.messageKey) });
      }
      return reply.page(await render(request, 400, { absence: input, errors }));
    });

    app.post(`${way.base}/absences/:absenceId/retirer`, way.guard, async (request, reply) => {
      await removeAbsence(db, requestActor(request), { agentId: way.agentIdOf(request), absenceId: pathId(request, 'absenceId') }, deps);
      return reply.redirect(`${pagePath(request)}?enregistre=retiree#absences`, 303);
    });
  }

  // « Données de référence » › the clients' choice of their new moment, per team.
  const manager = { preHandler: requireRole('admin') };
  app.get(MOMENT_CHOICE_SETTINGS_PATH, manager, async (request, reply) => {
    const teams = await teamMomentChoices(db, requestActor(request));
    const query = (request.query ?? {}) as Record<string, unknown>;
    const notice = query.enregistre === '1' ? request.t('availability.choice.saved') : undefined;
    return reply.page({ title: request.t('availability.choice.title'), body: (ctx) => <MomentChoiceSettingsPage ctx={ctx} teams={teams} notice={notice} /> });
  });
  app.post(MOMENT_CHOICE_SETTINGS_PATH, manager, async (request, reply) => {
    const picked = formFields(request.body).teams;
    const teams = (Array.isArray(picked) ? picked : [picked]).filter((team): team is string => typeof team === 'string');
    await saveTeamMomentChoices(db, requestActor(request), teams, deps);
    return reply.redirect(`${MOMENT_CHOICE_SETTINGS_PATH}?enregistre=1`, 303);
  });
}
