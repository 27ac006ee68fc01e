import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/access/actor';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { pathId } from '../../platform/http/params';
import { requireRole } from '../../platform/http/guards';
import type { MessageKey } from '../../platform/i18n/catalog';
import type { FieldError } from '../../ui/components/form';
import { getClient } from '../accounts/directory.service';
import { APPOINTMENT_ERRORS, type SlotCode } from '../appointments/appointment.errors';
import { cancelAsAgent, proposeAppointment, rescheduleAppointment, type SlotInput } from '../appointments/appointment-scheduling.service';
import { type FreeSlot, freeSlotsNear, type ProposalContext, proposalContext, SLOT_SEARCH_BUSINESS_DAYS } from '../appointments/appointment-slots.service';
import { formatTime } from '../../ui/format/datetime';
import { QUEBEC_ZONE, quebecDate } from '../../platform/business-time/quebec-time';
import { DateTime } from 'luxon';
import { activeReasons, type AppointmentDeps, getAppointment, appointmentDeps, openReproposals } from '../appointments/appointment.service';
import type { Appointment } from '../appointments/appointment.tables';
import { proposePath, staffAppointmentPath } from './views/paths';
import { DURATIONS, SlotFormPage, type SlotFormValues } from './views/slot-form-page';
import { StaffCancelPage } from './views/staff-appointment-page';

const field = (max: number) => z.string().max(max, 'workspace.propose.error.tooLong').catch('');
/** The form's shape; the rules (future, business day and hours, overlaps) are the service's. */
const slotForm = z.object({
  kind: z.enum(['evaluation', 'suivi'], { error: 'workspace.propose.error.kind' }),
  date: z.string({ error: 'workspace.propose.error.date' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'workspace.propose.error.date'),
  time: z.string({ error: 'workspace.propose.error.time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'workspace.propose.error.time'),
  duration: z.coerce.number({ error: 'workspace.propose.error.duration' }).refine((n) => (DURATIONS as readonly number[]).includes(n), 'workspace.propose.error.duration'),
  mode: z.enum(['telephone', 'visioconference', 'en_personne'], { error: 'workspace.propose.error.mode' }),
  phoneNumber: z.string().max(50, 'workspace.propose.error.tooLong').optional(),
  videoLink: z
    .union([
      z.literal(''),
      z
        .string()
        .max(300, 'workspace.propose.error.tooLong')
        .regex(/^https:\/\/\S+$/, 'workspace.propose.error.link'),
    ])
    .optional(),
  address: z.string().max(300, 'workspace.propose.error.tooLong').optional(),
  note: z.string().max(500, 'workspace.propose.error.tooLong').optional(),
  version: z.coerce.number().int().positive().optional(),
});
/** A slot picked from the list (or the duration chosen for it): query parameters of the GET form. */
const pickQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .catch(''),
  heure: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .catch(''),
  duree: z.coerce
    .number()
    .refine((n) => (DURATIONS as readonly number[]).includes(n))
    .catch(60),
  type: z.enum(['evaluation', 'suivi']).optional().catch(undefined),
});
/** Refusals about the moment itself: these offer the nearest free slots. */
const TIME_CODES: ReadonlySet<SlotCode> = new Set(['IN_PAST', 'CLOSED_DAY', 'OUTSIDE_HOURS', 'OUTSIDE_AGENT_HOURS', 'AGENT_ABSENT', 'AGENT_BUSY', 'CLIENT_BUSY']);
const cancelForm = z.object({ reason: field(100), comment: field(2000), version: z.coerce.number().int().positive().catch(0) });

/** What was typed, to show it again (strings only, cut to size). */
function valuesOf(body: unknown): SlotFormValues {
  const raw = formFields(body);
  const text = (key: string, max = 300) => (typeof raw[key] === 'string' ? (raw[key] as string).slice(0, max) : '');
  return {
    kind: text('kind'),
    date: text('date'),
    time: text('time'),
    duration: text('duration') || '60',
    mode: text('mode'),
    phoneNumber: text('phoneNumber'),
    videoLink: text('videoLink'),
    address: text('address'),
    note: text('note', 500),
    version: text('version', 12) || undefined,
  };
}

function valuesFromAppointment(appointment: Appointment, date: string, time: string, minutes: number): SlotFormValues {
  return {
    kind: appointment.kind,
    date,
    time,
    duration: String(minutes),
    mode: appointment.mode,
    phoneNumber: appointment.phone_number ?? '',
    videoLink: appointment.video_link ?? '',
    address: appointment.address ?? '',
    note: '',
    version: String(appointment.version),
  };
}

/** Field errors of the zod parse, in the person's language (the first problem of each field). */
function formErrors(request: FastifyRequest, issues: z.core.$ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const name = String(issue.path[0] ?? 'form');
    if (!errors.some((e) => e.field === name)) errors.push({ field: name, message: request.t(issue.message as MessageKey) });
  }
  return errors;
}

/** The agent's side of appointments: propose, see, change, cancel, record the outcome. */
export async function workspaceAppointmentRoutes(app: FastifyInstance): Promise<void> {
  const staff = { preHandler: requireRole('agent', 'admin') };
  const db = app.database.db;
  const deps: AppointmentDeps = appointmentDeps(app.config, app.clock);
  const hours = { start: app.config.BUSINESS_DAY_START_HOUR, end: app.config.BUSINESS_DAY_END_HOUR };
  const appointmentOf = async (actor: Actor, request: FastifyRequest) => {
    const details = await getAppointment(db, actor, pathId(request), app.clock);
    const client = await getClient(db, actor, details.appointment.client_id);
    return { ...details, client };
  };

  const slotResult = (result: Awaited<ReturnType<typeof proposeAppointment>>, request: FastifyRequest): { errors: FieldError[]; warning?: string } => {
    if (result.ok) return { errors: [] };
    if (result.code === 'INVALID') {
      const clash = result.agentClash;
      const messageOf = (code: SlotCode) =>
        code === 'AGENT_BUSY' && clash
          ? request.t('workspace.slot.agentClash', { name: clash.clientName, start: formatTime(clash.startsAt, request.locale), end: formatTime(clash.endsAt, request.locale) })
          : request.t(APPOINTMENT_ERRORS[code].messageKey);
      return { errors: result.codes.map((code) => ({ field: APPOINTMENT_ERRORS[code].field ?? 'form', message: messageOf(code) })) };
    }
    return { errors: [], warning: request.t(APPOINTMENT_ERRORS[result.code].messageKey) };
  };

  /** The free slots, the client's needs and the hint's example, for the duration in the form. */
  const offerOf = (clientId: number, context: ProposalContext, durationMinutes: number, kind: string) => ({
    slots: context.slots,
    durationMinutes,
    businessDays: SLOT_SEARCH_BUSINESS_DAYS,
    searchAction: proposePath(clientId),
    hrefOf: (slot: FreeSlot) => `${proposePath(clientId)}?${new URLSearchParams({ duree: String(durationMinutes), type: kind, date: slot.date, heure: slot.time })}#date`,
  });
  const weekAhead = () => quebecDate(new Date(app.clock().getTime() + 7 * 86_400_000));
  const exampleOf = (context: ProposalContext) => context.slots[0]?.date ?? weekAhead();

  app.get('/espace/clients/:clientId/rendez-vous/nouveau', staff, async (request, reply) => {
    const actor = requestActor(request);
    const client = await getClient(db, actor, pathId(request, 'clientId'));
    const picked = pickQuery.parse(request.query ?? {});
    const [reproposal] = await openReproposals(db, actor, { clientId: client.id });
    const context = await proposalContext(db, actor, { clientId: client.id, durationMinutes: picked.duree }, deps);
    const kind = picked.type ?? context.suggestedKind;
    const values: SlotFormValues = { kind, date: picked.date, time: picked.heure, duration: String(picked.duree), mode: 'telephone', phoneNumber: client.phone ?? '', videoLink: '', address: '', note: '' };
    return reply.page({
      title: request.t('workspace.propose.title'),
      body: (ctx) => (
        <SlotFormPage
          ctx={ctx}
          client={client}
          action={proposePath(client.id)}
          isChange={false}
          values={values}
          hours={hours}
          reproposal={reproposal}
          exampleDate={exampleOf(context)}
          needs={context.needs}
          offer={offerOf(client.id, context, picked.duree, kind)}
        />
      ),
    });
  });

  app.post('/espace/clients/:clientId/rendez-vous/nouveau', staff, async (request, reply) => {
    const actor = requestActor(request);
    const client = await getClient(db, actor, pathId(request, 'clientId'));
    const parsed = slotForm.safeParse(formFields(request.body));
    const shownValues = valuesOf(request.body);
    const durationMinutes = parsed.success ? parsed.data.duration : 60;
    const render = async (status: number, shown: { errors: FieldError[]; warning?: string; nearest?: FreeSlot[] }) => {
      const [reproposal] = await openReproposals(db, actor, { clientId: client.id });
      const context = await proposalContext(db, actor, { clientId: client.id, durationMinutes }, deps);
      return reply.page({
        title: request.t('workspace.propose.title'),
        status,
        body: (ctx) => (
          <SlotFormPage
            ctx={ctx}
            client={client}
            action={proposePath(client.id)}
            isChange={false}
            values={shownValues}
            hours={hours}
            errors={shown.errors}
            warning={shown.warning}
            reproposal={reproposal}
            exampleDate={exampleOf(context)}
            needs={context.needs}
            offer={offerOf(client.id, context, durationMinutes, shownValues.kind || context.suggestedKind)}
            nearest={shown.nearest}
          />
        ),
      });
    };
    if (!parsed.success) return render(400, { errors: formErrors(request, parsed.error.issues) });
    const result = await proposeAppointment(db, actor, { clientId: client.id, ...slotInput(parsed.data) }, deps);
    if (result.ok) return reply.redirect(`${staffAppointmentPath(result.appointment.id)}?enregistre=1`, 303);
    const shown = slotResult(result, request);
    // A moment refused for its time (taken, closed, outside the hours) offers the nearest free ones.
    const moment = momentOf(parsed.data);
    const nearest =
      !result.ok && result.code === 'INVALID' && result.codes.some((code) => TIME_CODES.has(code)) && moment ? await freeSlotsNear(db, actor, { clientId: client.id, durationMinutes, moment }, deps) : undefined;
    return render(409, { ...shown, nearest });
  });

  // The appointment's own page, « Présent » / « Absent » and their correction: workspace-outcome.routes.tsx.

  /** « Modifier »'s free slots: those of the appointment's length, its own time not counted as busy. */
  const changeOffer = async (actor: Actor, appointment: Appointment, clientId: number, durationMinutes: number) => {
    const context = await proposalContext(db, actor, { clientId, durationMinutes, exceptId: appointment.id }, deps);
    const path = `${staffAppointmentPath(appointment.id)}/modifier`;
    return {
      context,
      offer: {
        slots: context.slots,
        durationMinutes,
        businessDays: SLOT_SEARCH_BUSINESS_DAYS,
        searchAction: path,
        hrefOf: (slot: FreeSlot) => `${path}?${new URLSearchParams({ duree: String(durationMinutes), date: slot.date, heure: slot.time })}#date`,
      },
    };
  };

  app.get('/espace/rendez-vous/:id/modifier', staff, async (request, reply) => {
    const actor = requestActor(request);
    const { appointment, client } = await appointmentOf(actor, request);
    const { date, time } = quebecParts(appointment.starts_at);
    const minutes = Math.round((Date.parse(appointment.ends_at) - Date.parse(appointment.starts_at)) / 60_000);
    const query = request.query as Record<string, unknown> | undefined;
    const picked = pickQuery.parse(query ?? {});
    const duration = query?.duree === undefined ? minutes : picked.duree;
    const values = { ...valuesFromAppointment(appointment, picked.date || date, picked.heure || time, duration) };
    const isOpen = appointment.status === 'planifie' && Date.parse(appointment.starts_at) > app.clock().getTime();
    const shown = isOpen ? await changeOffer(actor, appointment, client.id, duration) : undefined;
    return reply.page({
      title: request.t('workspace.modify.title'),
      status: isOpen ? 200 : 409,
      body: (ctx) => (
        <SlotFormPage
          ctx={ctx}
          client={client}
          action={`${staffAppointmentPath(appointment.id)}/modifier`}
          isChange
          values={values}
          hours={hours}
          exampleDate={shown ? exampleOf(shown.context) : weekAhead()}
          needs={shown?.context.needs}
          offer={shown?.offer}
          warning={isOpen ? undefined : request.t('workspace.appointment.error.notPlanned')}
        />
      ),
    });
  });

  app.post('/espace/rendez-vous/:id/modifier', staff, async (request, reply) => {
    const actor = requestActor(request);
    const { appointment, client } = await appointmentOf(actor, request);
    const parsed = slotForm.safeParse(formFields(request.body));
    const durationMinutes = parsed.success ? parsed.data.duration : Math.round((Date.parse(appointment.ends_at) - Date.parse(appointment.starts_at)) / 60_000);
    const render = async (status: number, shown: { errors: FieldError[]; warning?: string; nearest?: FreeSlot[] }) => {
      const { context, offer } = await changeOffer(actor, appointment, client.id, durationMinutes);
      return reply.page({
        title: request.t('workspace.modify.title'),
        status,
        body: (ctx) => (
          <SlotFormPage
            ctx={ctx}
            client={client}
            action={`${staffAppointmentPath(appointment.id)}/modifier`}
            isChange
            values={valuesOf(request.body)}
            hours={hours}
            errors={shown.errors}
            warning={shown.warning}
            exampleDate={exampleOf(context)}
            needs={context.needs}
            offer={offer}
            nearest={shown.nearest}
          />
        ),
      });
    };
    if (!parsed.success) return render(400, { errors: formErrors(request, parsed.error.issues) });
    const result = await rescheduleAppointment(db, actor, { appointmentId: appointment.id, version: parsed.data.version ?? 0, note: parsed.data.note ?? null, ...slotInput(parsed.data) }, deps);
    if (result.ok) return reply.redirect(`${staffAppointmentPath(appointment.id)}?enregistre=1`, 303);
    // As for a proposal: a moment refused for its time offers the nearest free ones (this appointment's own time is free).
    const moment = momentOf(parsed.data);
    const nearest =
      result.code === 'INVALID' && result.codes.some((code) => TIME_CODES.has(code)) && moment
        ? await freeSlotsNear(db, actor, { clientId: client.id, durationMinutes, moment, exceptId: appointment.id }, deps)
        : undefined;
    return render(409, { ...slotResult(result, request), nearest });
  });

  app.get('/espace/rendez-vous/:id/annuler', staff, async (request, reply) => {
    const { appointment, client } = await appointmentOf(requestActor(request), request);
    if (appointment.status !== 'planifie' || Date.parse(appointment.starts_at) <= app.clock().getTime()) return reply.redirect(staffAppointmentPath(appointment.id), 303);
    const reasons = await activeReasons(db);
    return reply.page({ title: request.t('workspace.appointment.cancelTitle'), body: (ctx) => <StaffCancelPage ctx={ctx} client={client} appointment={appointment} reasons={reasons} /> });
  });

  app.post('/espace/rendez-vous/:id/annuler', staff, async (request, reply) => {
    const { t } = request;
    const actor = requestActor(request);
    const { appointment, client } = await appointmentOf(actor, request);
    const form = cancelForm.parse(formFields(request.body));
    const result = await cancelAsAgent(db, actor, { appointmentId: appointment.id, reasonCode: form.reason, comment: form.comment || null, version: form.version }, deps);
    if (result.ok) return reply.redirect(`${staffAppointmentPath(appointment.id)}?annule=1`, 303);
    const refusal = APPOINTMENT_ERRORS[result.code];
    const errors = refusal.field ? [{ field: refusal.field, message: t(refusal.messageKey) }] : [];
    const warning = refusal.field ? undefined : t(refusal.messageKey);
    const reasons = await activeReasons(db);
    return reply.page({
      title: t('workspace.appointment.cancelTitle'),
      status: refusal.status,
      body: (ctx) => <StaffCancelPage ctx={ctx} client={client} appointment={appointment} reasons={reasons} values={{ reason: form.reason, comment: form.comment }} errors={errors} warning={warning} />,
    });
  });
}

function slotInput(data: z.infer<typeof slotForm>): SlotInput {
  return { kind: data.kind, date: data.date, time: data.time, durationMinutes: data.duration, mode: data.mode, phoneNumber: data.phoneNumber ?? null, videoLink: data.videoLink || null, address: data.address ?? null };
}

/** The moment typed in the form (Québec time), or undefined when it does not exist. */
function momentOf(data: z.infer<typeof slotForm>): Date | undefined {
  const at = DateTime.fromISO(`${data.date}T${data.time}`, { zone: QUEBEC_ZONE });
  return at.isValid ? at.toJSDate() : undefined;
}

/** The Québec date and time of an instant, as the form's fields want them. */
function quebecParts(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
