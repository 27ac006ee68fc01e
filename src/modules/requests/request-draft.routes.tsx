import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestActor } from '../../platform/http/actor';
import { currentAccount, requireRole } from '../../platform/http/guards';
import { servePageFromCache } from '../../platform/page-cache/page-cache';
import type { FieldError } from '../../ui/components/form';
import { firstProposalDueFor, type IntakeDeps, intakeState, myRequests, nextStep, promisedMoment, saveStep, type Step, transmitRequest } from './request-draft.service';
import { REQUEST_ERRORS } from './request.errors';
import { reproposalPromise } from './reproposal-promise';
import { CollectionNoticePage, NOTICE_PATH } from './views/collection-notice';
import { ConfirmationPage, FirstAppointmentPage, type FormValues, firstAppointmentValues, IdentificationPage, identificationValues, MyFilesPage, STEP_PATH, SummaryPage } from './views/request-pages';

const client = { preHandler: requireRole('client') };
/** Kept (ADR 0008): the requests, the draft (migration 0030) and the closure days move the versions it is keyed on. */
const cachedPage = { preHandler: [requireRole('client'), servePageFromCache] };

/** The posted form as strings and lists (checkboxes), without the CSRF token. */
function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value.slice(0, 600);
    else if (Array.isArray(value))
      values[key] = value
        .filter((v): v is string => typeof v === 'string')
        .slice(0, 20)
        .map((v) => v.slice(0, 100));
  }
  return values;
}

/**
 * The request in steps: « Identification », « Premier rendez-vous », « Récapituler la demande »,
 * each saved as a draft; « Transmettre la demande » puts it in the intake team's queue. And
 * « Mes dossiers », where the person follows it.
 */
export async function requestDraftRoutes(app: FastifyInstance): Promise<void> {
  const deps: IntakeDeps = {
    clock: app.clock,
    publicUrl: app.config.PUBLIC_URL,
    firstAppointmentBusinessHours: app.config.FIRST_APPOINTMENT_BUSINESS_HOURS,
    businessDayStartHour: app.config.BUSINESS_DAY_START_HOUR,
    businessDayEndHour: app.config.BUSINESS_DAY_END_HOUR,
  };
  const db = app.database.db;
  const hours = { start: app.config.BUSINESS_DAY_START_HOUR, end: app.config.BUSINESS_DAY_END_HOUR };

  const alreadyActive = (reply: FastifyReply) => reply.redirect('/mes-dossiers', 303);

  app.get('/demande', client, async (request, reply) => {
    const state = await intakeState(db, requestActor(request));
    if (state.active) return alreadyActive(reply);
    // A request not yet begun starts with the notice of collection, before the first question.
    if (!state.hasDraft) return reply.redirect(NOTICE_PATH, 303);
    return reply.redirect(STEP_PATH[nextStep(state.answers)], 303);
  });

  // Public: « Confidentialité » links to it, and anyone may read it before signing up.
  app.get(NOTICE_PATH, async (request, reply) =>
    reply.page({ title: request.t('intake.notice.title'), body: (ctx) => <CollectionNoticePage ctx={ctx} retentionYears={app.config.RETENTION_YEARS} startHref={STEP_PATH.identification} /> }),
  );

  const stepPage = (request: FastifyRequest, reply: FastifyReply, step: Step, values: FormValues, errors: FieldError[] = [], back = false) => {
    const { t } = request;
    const title = t(step === 'identification' ? 'intake.identification' : 'intake.firstAppointment');
    return reply.page({
      title,
      status: errors.length > 0 ? 400 : 200,
      body: (ctx) =>
        step === 'identification' ? (
          <IdentificationPage ctx={ctx} values={values} errors={errors} back={back ? 'recapitulatif' : undefined} />
        ) : (
          <FirstAppointmentPage ctx={ctx} values={values} errors={errors} back={back ? 'recapitulatif' : undefined} hours={hours} />
        ),
    });
  };

  for (const step of ['identification', 'firstAppointment'] as const) {
    app.get<{ Querystring: { retour?: string } }>(STEP_PATH[step], client, async (request, reply) => {
      const state = await intakeState(db, requestActor(request));
      if (state.active) return alreadyActive(reply);
      // The second step comes after the first.
      if (step === 'firstAppointment' && !state.answers.identification) return reply.redirect(STEP_PATH.identification, 303);
      const values = step === 'identification' ? identificationValues(state.answers.identification) : firstAppointmentValues(state.answers.firstAppointment, currentAccount(request).time_zone);
      return stepPage(request, reply, step, values, [], request.query.retour === 'recapitulatif');
    });

    app.post(STEP_PATH[step], client, async (request, reply) => {
      const { t } = request;
      const values = formValues(request.body);
      const result = await saveStep(db, requestActor(request), { step, raw: values }, app.clock);
      if (!result.ok) {
        if (result.code !== 'INVALID') return alreadyActive(reply);
        const errors = result.codes.map((code) => ({ field: REQUEST_ERRORS[code].field ?? 'form', message: t(REQUEST_ERRORS[code].messageKey) }));
        return stepPage(request, reply, step, values, errors, values.retour === 'recapitulatif');
      }
      const next = values.retour === 'recapitulatif' ? 'summary' : nextStep(result.answers);
      return reply.redirect(STEP_PATH[next === 'identification' ? 'firstAppointment' : next], 303);
    });
  }

  app.get('/demande/recapitulatif', client, async (request, reply) => {
    const state = await intakeState(db, requestActor(request));
    if (state.active) return alreadyActive(reply);
    const { identification, firstAppointment } = state.answers;
    if (!identification || !firstAppointment) return reply.redirect(STEP_PATH[nextStep(state.answers)], 303);
    return reply.page({ title: request.t('intake.summary'), body: (ctx) => <SummaryPage ctx={ctx} identification={identification} first={firstAppointment} hours={hours} /> });
  });

  app.post('/demande/transmettre', client, async (request, reply) => {
    const result = await transmitRequest(db, requestActor(request), deps);
    if (!result.ok) {
      if (result.code === 'ALREADY_ACTIVE') return alreadyActive(reply);
      return reply.redirect('/demande', 303);
    }
    return reply.redirect('/demande/confirmation', 303);
  });

  app.get('/demande/confirmation', client, async (request, reply) => {
    const { t, locale } = request;
    const state = await intakeState(db, requestActor(request));
    if (!state.active?.dueAt) return reply.redirect('/mes-dossiers', 303);
    const dueAt = state.active.dueAt;
    const moment = promisedMoment(dueAt, locale);
    return reply.page({ title: t('intake.confirmation.title'), body: (ctx) => <ConfirmationPage ctx={ctx} moment={moment} dueAt={dueAt} /> });
  });

  app.get('/mes-dossiers', cachedPage, async (request, reply) => {
    const { t } = request;
    const actor = requestActor(request);
    const [requests, state, firstProposalDueAt, reproposalDueAt] = await Promise.all([myRequests(db, actor), intakeState(db, actor), firstProposalDueFor(db, actor, deps), reproposalPromise(db, actor)]);
    return reply.page({
      title: t('shell.dossiers.title'),
      body: (ctx) => <MyFilesPage ctx={ctx} requests={requests} hasDraft={state.hasDraft} firstProposalDueAt={firstProposalDueAt} reproposalDueAt={reproposalDueAt} />,
    });
  });
}
