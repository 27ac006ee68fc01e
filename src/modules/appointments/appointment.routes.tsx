import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formFields, parseForm } from '../../platform/http/form';
import { requestActor } from '../../platform/http/actor';
import { pathId } from '../../platform/http/params';
import { draftText, restoredForm } from '../../platform/http/form-draft';
import { currentAccount, requireRole } from '../../platform/http/guards';
import { servePageFromCache } from '../../platform/page-cache/page-cache';
import { appointmentIcs } from './appointment.ics';
import { APPOINTMENT_ERRORS } from './appointment.errors';
import {
  activeReasons,
  AVAILABILITY_MAX,
  type AppointmentDeps,
  cancelAppointment,
  cancelRefusal,
  COMMENT_MAX,
  getAppointment,
  listAppointments,
  reproposalDueAfter,
  reproposalDueFor,
  type Tab,
  appointmentDeps,
} from './appointment.service';
import { setReproposalReader } from '../requests/reproposal-promise';
import { proposalPromiseDeps, proposalPromises } from './proposal-promises.service';
import { AppointmentDetailPage } from './views/appointment-detail-page';
import { AppointmentListPage } from './views/appointment-list-page';
import { CancelPage } from './views/cancel-page';
import { CancelledPage } from './views/cancelled-page';
import { isMomentChoiceOpen } from './moment-choice.service';
import { momentChoicePath } from './views/moment-choice-page';

const cancelForm = z.object({
  reason: z.string({ error: 'appointments.cancel.error.reasonRequired' }).trim().min(1, 'appointments.cancel.error.reasonRequired').max(100, 'appointments.cancel.error.reasonInvalid'),
  // Browsers send a textarea's line breaks as CRLF: count them as the person sees them.
  comment: z
    .string()
    .optional()
    .transform((value) => (value ?? '').replace(/\r\n/g, '\n').trim())
    .pipe(z.string().max(COMMENT_MAX, 'appointments.cancel.error.commentTooLong')),
  availability: z
    .string()
    .optional()
    .transform((value) => (value ?? '').replace(/\r\n/g, '\n').trim())
    .pipe(z.string().max(AVAILABILITY_MAX, 'appointments.cancel.error.availabilityTooLong')),
  version: z.coerce.number().int().positive().optional(),
});

/** The calendar icon: the client's appointments (guide §2). */
export async function appointmentRoutes(app: FastifyInstance): Promise<void> {
  const guard = { preHandler: requireRole('client') };
  const deps: AppointmentDeps = appointmentDeps(app.config, app.clock);
  const promiseDeps = proposalPromiseDeps(app.config);
  const db = app.database.db;

  const cachedPage = { preHandler: [requireRole('client'), servePageFromCache] };
  // « Mes dossiers » (requests) shows the new appointment's promised moment, as this module computed it.
  setReproposalReader(reproposalDueFor);

  app.get<{ Querystring: { onglet?: string } }>('/rendez-vous', cachedPage, async (request, reply) => {
    const { t } = request;
    const tab: Tab = request.query.onglet === 'termine' ? 'termine' : 'planifie';
    const actor = requestActor(request);
    const rows = await listAppointments(db, actor, { tab }, app.clock);
    const next = tab === 'planifie' && rows.length === 0 ? await proposalPromises(db, actor, promiseDeps) : undefined;
    return reply.page({
      title: `${t('appointments.title')} – ${t(`appointments.tab.${tab}`)}`,
      body: (ctx) => <AppointmentListPage ctx={ctx} tab={tab} rows={rows} next={next} />,
    });
  });

  app.get('/rendez-vous/:id', cachedPage, async (request, reply) => {
    const account = currentAccount(request);
    const details = await getAppointment(db, requestActor(request), pathId(request, 'id', 'APPOINTMENT.NOT_FOUND'), app.clock);
    return reply.page({
      title: request.t('appointments.detail.title'),
      body: (ctx) => <AppointmentDetailPage ctx={ctx} details={details} timeZone={account.time_zone} />,
    });
  });

  app.get('/rendez-vous/:id/agenda.ics', guard, async (request, reply) => {
    const { appointment, agent } = await getAppointment(db, requestActor(request), pathId(request, 'id', 'APPOINTMENT.NOT_FOUND'), app.clock);
    const body = appointmentIcs({ appointment, agent, locale: request.locale, publicUrl: app.config.PUBLIC_URL, now: app.clock() });
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="rendez-vous-${appointment.id}.ics"`).header('cache-control', 'no-store').send(body);
  });

  app.get('/rendez-vous/:id/annuler', guard, async (request, reply) => {
    const { t } = request;
    const { appointment } = await getAppointment(db, requestActor(request), pathId(request, 'id', 'APPOINTMENT.NOT_FOUND'), app.clock);
    const refusal = cancelRefusal(appointment, app.clock());
    const reasons = refusal ? [] : await activeReasons(db);
    // What was typed when the session ended as the form was sent, back once the person has signed in.
    const kept = await restoredForm(request, reply, `/rendez-vous/${appointment.id}/annuler`);
    const values = kept && { reason: draftText(kept, 'reason') ?? '', comment: draftText(kept, 'comment') ?? '', availability: draftText(kept, 'availability') ?? '' };
    return reply.page({
      title: t('appointments.cancel.title'),
      status: refusal ? APPOINTMENT_ERRORS[refusal].status : 200,
      body: (ctx) => <CancelPage ctx={ctx} appointment={appointment} reasons={reasons} values={values} refusal={refusal ? t(APPOINTMENT_ERRORS[refusal].messageKey) : undefined} />,
    });
  });

  app.post('/rendez-vous/:id/annuler', guard, async (request, reply) => {
    const { t } = request;
    const actor = requestActor(request);
    const id = pathId(request, 'id', 'APPOINTMENT.NOT_FOUND');
    const body = formFields(request.body);
    const text = (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
    const values = { reason: text('reason', 100), comment: text('comment', 5000), availability: text('availability', 5000) };
    const parsed = parseForm(cancelForm, body, t);
    const result = parsed.ok
      ? await cancelAppointment(db, actor, { appointmentId: id, reasonCode: parsed.data.reason, comment: parsed.data.comment || null, availability: parsed.data.availability || null, version: parsed.data.version }, deps)
      : undefined;
    if (result?.ok) return reply.redirect(`/rendez-vous/${id}/annulation`, 303);

    // Refused: show the same page again with the reason, and nothing changed.
    const { appointment } = await getAppointment(db, actor, id, app.clock);
    const refusal = cancelRefusal(appointment, app.clock());
    const reasons = refusal ? [] : await activeReasons(db);
    const shown = result?.ok === false ? APPOINTMENT_ERRORS[result.code] : undefined;
    const errors = parsed.ok ? [{ field: shown?.field ?? 'form', message: t(shown?.messageKey ?? 'error.badRequest.body') }] : parsed.errors;
    return reply.page({
      title: t('appointments.cancel.title'),
      status: shown?.status ?? 400,
      body: (ctx) => (
        <CancelPage
          ctx={ctx}
          appointment={appointment}
          reasons={reasons}
          values={values}
          errors={errors.filter((e) => !refusal || e.field !== 'form')}
          refusal={refusal ? t(APPOINTMENT_ERRORS[refusal].messageKey) : undefined}
        />
      ),
    });
  });

  app.get('/rendez-vous/:id/annulation', guard, async (request, reply) => {
    const id = pathId(request, 'id', 'APPOINTMENT.NOT_FOUND');
    const { appointment } = await getAppointment(db, requestActor(request), id, app.clock);
    if (appointment.status !== 'annule') return reply.redirect(`/rendez-vous/${id}`, 303);
    const actor = requestActor(request);
    const [choiceOpen, dueAt] = await Promise.all([isMomentChoiceOpen(db, actor, id), reproposalDueAfter(db, actor, id)]);
    const choiceHref = choiceOpen ? momentChoicePath(id) : undefined;
    return reply.page({ title: request.t('appointments.cancel.done.title'), body: (ctx) => <CancelledPage ctx={ctx} choiceHref={choiceHref} dueAt={dueAt} /> });
  });
}
