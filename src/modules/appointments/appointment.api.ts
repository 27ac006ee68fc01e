import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Locale } from '../../platform/i18n/locale';
import { ApiProblemError, apiActor, authProblems, idParams, problemSchema } from '../../platform/http/api-kit';
import { formatLongDate, formatTime } from '../../ui/format/datetime';
import { appointmentIcs } from './appointment.ics';
import { APPOINTMENT_ERRORS } from './appointment.errors';
import {
  activeReasons,
  type AppointmentDeps,
  type AppointmentDetails,
  type AppointmentListItem,
  cancelAppointment,
  getAppointment,
  listAppointments,
  reproposalDueAfter,
  AVAILABILITY_MAX,
  COMMENT_MAX,
  appointmentDeps,
} from './appointment.service';
import type { CancellationReason } from './appointment.tables';

const PAGE_MAX = 50;

const cancellationSchema = z.object({
  reasonCode: z.string(),
  reasonLabel: z.string().nullable(),
  comment: z.string().nullable(),
  availability: z.string().nullable().describe('« Vos disponibilités »: when the client could meet instead, as they gave it.'),
  cancelledAt: z.string().nullable(),
});

const appointmentSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['evaluation', 'suivi']).describe('`evaluation`: the first needs assessment; `suivi`: a follow-up.'),
    status: z.enum(['planifie', 'termine', 'absent', 'annule']),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    mode: z.enum(['telephone', 'visioconference', 'en_personne']),
    phoneNumber: z.string().nullable(),
    videoLink: z.string().nullable(),
    address: z.string().nullable(),
    canCancel: z.boolean(),
    cancellation: cancellationSchema.nullable(),
    changeNote: z.string().nullable().describe('Why the agent last changed it.'),
    version: z.number().int(),
  })
  .meta({ id: 'Appointment' });

const appointmentDetailSchema = appointmentSchema
  .extend({
    agent: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
    calendarUrl: z.string().describe('The iCalendar file of this appointment.'),
  })
  .meta({ id: 'AppointmentDetail' });

const listQuery = z.object({
  status: z.enum(['planifie', 'termine']).default('planifie').describe('« Planifié » (scheduled, not ended) or « Terminé » (attended, cancelled, no-show or past).'),
  limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(20),
  cursor: z.string().max(100).optional().describe('`nextCursor` of the previous page.'),
});

const reasonSchema = z.object({ code: z.string(), label: z.string() }).meta({ id: 'CancellationReason' });

const cancelBody = z.object({
  reasonCode: z.string({ error: 'appointments.cancel.error.reasonRequired' }).trim().min(1, 'appointments.cancel.error.reasonRequired').max(100, 'appointments.cancel.error.reasonInvalid'),
  comment: z.string().max(COMMENT_MAX, 'appointments.cancel.error.commentTooLong').optional(),
  availability: z
    .string()
    .max(AVAILABILITY_MAX, 'appointments.cancel.error.availabilityTooLong')
    .optional()
    .describe('« Vos disponibilités » (optional): when the client could meet instead, for the agent who proposes the next appointment.'),
});

function reasonLabel(reason: CancellationReason | undefined, locale: Locale): string | null {
  if (!reason) return null;
  return locale === 'en' ? reason.label_en : reason.label_fr;
}

function toAppointment(item: Pick<AppointmentListItem, 'appointment' | 'reason' | 'canCancel'>, locale: Locale) {
  const a = item.appointment;
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    mode: a.mode,
    phoneNumber: a.phone_number,
    videoLink: a.video_link,
    address: a.address,
    canCancel: item.canCancel,
    cancellation:
      a.status === 'annule' ? { reasonCode: a.cancel_reason_code ?? '', reasonLabel: reasonLabel(item.reason, locale), comment: a.cancel_comment, availability: a.cancel_availability, cancelledAt: a.cancelled_at } : null,
    changeNote: a.change_note,
    version: a.version,
  };
}

function toDetail(details: AppointmentDetails, locale: Locale) {
  const { agent } = details;
  return {
    ...toAppointment(details, locale),
    agent: agent ? { name: agent.display_name, email: agent.email, phone: agent.phone } : null,
    calendarUrl: `/api/v1/appointments/${details.appointment.id}/calendar.ics`,
  };
}

/** Cursors are opaque to callers: the tab and the last id of the page. */
function encodeCursor(status: string, lastId: number): string {
  return Buffer.from(`${status}:${lastId}`).toString('base64url');
}

function decodeCursor(cursor: string, status: string): number | null {
  const match = /^(planifie|termine):([1-9]\d{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match && match[1] === status ? Number(match[2]) : null;
}

/** The client's appointments (guide §2): list, details with the agent's contact, calendar file, cancellation. */
export const appointmentApi: FastifyPluginAsyncZod = async (api) => {
  const db = api.database.db;
  const deps: AppointmentDeps = appointmentDeps(api.config, api.clock);

  api.get(
    '/appointments',
    {
      schema: {
        operationId: 'listAppointments',
        summary: 'The client’s appointments of one tab, in pages',
        tags: ['appointments'],
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(appointmentSchema), nextCursor: z.string().nullable() }).meta({ id: 'AppointmentPage' }), 422: problemSchema, ...authProblems },
        responseDescriptions: {
          200: 'One page of the tab’s appointments; `nextCursor` fetches the next one (null on the last).',
          422: 'An invalid query: an unknown status, a limit out of 1–50, or a cursor not of this tab.',
        },
      },
    },
    async (request) => {
      const { status, limit, cursor } = request.query;
      const rows = await listAppointments(db, apiActor(request), { tab: status }, api.clock);
      let start = 0;
      if (cursor !== undefined) {
        const lastId = decodeCursor(cursor, status);
        const index = lastId === null ? -1 : rows.findIndex((row) => row.appointment.id === lastId);
        if (index < 0) {
          throw new ApiProblemError(422, 'VALIDATION', 'api.problem.validation.title', 'api.problem.validation.detail', {
            errors: [{ field: 'cursor', pointer: '#/cursor', detail: request.t('api.invalid.value') }],
          });
        }
        start = index + 1;
      }
      const page = rows.slice(start, start + limit);
      const more = start + limit < rows.length;
      return { items: page.map((row) => toAppointment(row, request.locale)), nextCursor: more && page.length > 0 ? encodeCursor(status, page[page.length - 1]!.appointment.id) : null };
    },
  );

  api.get(
    '/appointments/:id',
    {
      schema: {
        operationId: 'getAppointment',
        summary: 'One appointment, with the agent’s contact',
        tags: ['appointments'],
        params: idParams,
        response: { 200: appointmentDetailSchema, ...authProblems },
        responseDescriptions: { 200: 'The appointment, with its agent’s contact and the link to its calendar file.' },
      },
    },
    async (request) => toDetail(await getAppointment(db, apiActor(request), request.params.id, api.clock), request.locale),
  );

  api.get(
    '/appointments/:id/calendar.ics',
    {
      schema: {
        operationId: 'getAppointmentCalendar',
        summary: 'The appointment as an iCalendar file',
        tags: ['appointments'],
        params: idParams,
        response: { 200: z.string().describe('text/calendar'), ...authProblems },
        responseDescriptions: { 200: 'The appointment as an iCalendar (.ics) attachment, with an alarm an hour before.' },
      },
    },
    async (request, reply) => {
      const { appointment, agent } = await getAppointment(db, apiActor(request), request.params.id, api.clock);
      const body = appointmentIcs({ appointment, agent, locale: request.locale, publicUrl: api.config.PUBLIC_URL, now: api.clock() });
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="rendez-vous-${appointment.id}.ics"`).send(body);
    },
  );

  api.get(
    '/cancellation-reasons',
    {
      schema: {
        operationId: 'listCancellationReasons',
        summary: 'The reasons a client may give when cancelling',
        tags: ['appointments'],
        response: { 200: z.object({ items: z.array(reasonSchema) }), ...authProblems },
        responseDescriptions: { 200: 'The cancellation reasons in use, labelled in the language of Accept-Language.' },
      },
    },
    async (request) => {
      apiActor(request);
      const reasons = await activeReasons(db);
      return { items: reasons.map((reason) => ({ code: reason.code, label: reasonLabel(reason, request.locale) ?? reason.code })) };
    },
  );

  api.post(
    '/appointments/:id/cancellation',
    {
      schema: {
        operationId: 'cancelAppointment',
        summary: 'Cancel a planned, future appointment, with a reason',
        description:
          'Answers with the guide’s message: a new appointment will be proposed within two business days, followed, as on the confirmation page, by the date this means (`newProposalBy`, written out in the language of Accept-Language, Québec time). A second cancellation is refused with 409.',
        tags: ['appointments'],
        params: idParams,
        body: cancelBody,
        response: {
          200: z
            .object({
              appointment: appointmentSchema,
              message: z.string().describe('The message to show: the guide’s, then the date by which a new appointment will be proposed.'),
              newProposalBy: z.iso
                .datetime()
                .nullable()
                .describe('The moment by which the agent will propose a new appointment at the latest (the re-proposal’s deadline on the business calendar, the one the pages show); null when none is awaited.'),
            })
            .meta({ id: 'Cancellation' }),
          409: problemSchema,
          422: problemSchema,
          ...authProblems,
        },
        responseDescriptions: {
          200: 'Cancelled: the appointment as it is now, and the message saying when a new one will be proposed.',
          409: 'The appointment can no longer be cancelled: already cancelled, attended, past or changed meanwhile (APPOINTMENT.CANNOT_CANCEL).',
          422: 'An unknown reason, or a comment or availability too long.',
        },
      },
    },
    async (request) => {
      const actor = apiActor(request);
      const { id } = request.params;
      const text = (value: string | undefined) => (value ?? '').replace(/\r\n/g, '\n').trim() || null;
      const result = await cancelAppointment(db, actor, { appointmentId: id, reasonCode: request.body.reasonCode, comment: text(request.body.comment), availability: text(request.body.availability) }, deps);
      if (!result.ok) {
        const shown = APPOINTMENT_ERRORS[result.code];
        if (!shown.field) throw new ApiProblemError(shown.status, 'APPOINTMENT.CANNOT_CANCEL', 'api.problem.conflict.title', shown.messageKey, { detail: request.t(shown.messageKey) });
        const field = shown.field === 'reason' ? 'reasonCode' : shown.field;
        throw new ApiProblemError(422, 'VALIDATION', 'api.problem.validation.title', 'api.problem.validation.detail', {
          errors: [{ field, pointer: `#/${field}`, detail: request.t(shown.messageKey) }],
        });
      }
      const [details, dueAt] = await Promise.all([getAppointment(db, actor, id, api.clock), reproposalDueAfter(db, actor, id)]);
      const { locale, t } = request;
      // The same words as the confirmation page (views/cancelled-page.tsx): the guide's, then the date they mean.
      const due = dueAt ? ` ${t('appointments.cancel.done.due', { date: formatLongDate(dueAt, locale), time: formatTime(dueAt, locale) })}` : '';
      return { appointment: toAppointment(details, locale), message: `${t('appointments.cancel.done.message')}${due}`, newProposalBy: dueAt ?? null };
    },
  );
};
