import { DateTime } from 'luxon';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import { QUEBEC_ZONE } from '../../platform/business-time/quebec-time';
import { NotFoundError } from '../../platform/errors';
import { agentContact } from '../accounts/account.service';
import { type ClientIdentity, clientRecipient, displayNames, getClient, lockSchedulesOf } from '../accounts/directory.service';
import { agentSchedule } from '../availability/availability.service';
import { type AgentSchedule, momentProblems } from '../availability/free-slots.service';
import { notifyClient } from '../messages/message.service';
import { recordFirstProposal } from '../requests/request.service';
import { withdrawReminder } from './appointment-reminder.service';
import { appointmentMessageKey, cancelledByAgentMessage, changedAppointmentMessage, newAppointmentMessage } from './appointment.notifications';
import { appointmentMail } from './appointment.mail';
import type { SlotCode } from './appointment.errors';
import { agentOfProposal, appointmentScope, mayManageSchedule } from './appointment.policy';
import { cancelIfPlanned, closeReproposalTasks, findAppointment, findOverlapping, findReason, insertAppointment, recordOutcomeIfVersion, rescheduleIfVersion, type ScheduleFields } from './appointment.repository';
import type { AppointmentDeps } from './appointment.service';
import type { Appointment, AppointmentKind, AppointmentMode } from './appointment.tables';

/** What an agent fills in to propose (or change) an appointment; the date and time are Québec's. */
export interface SlotInput {
  kind: AppointmentKind;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  time: string;
  durationMinutes: number;
  mode: AppointmentMode;
  phoneNumber?: string | null;
  videoLink?: string | null;
  address?: string | null;
}

export type ScheduleResult = { ok: true; appointment: Appointment } | { ok: false; code: 'INVALID'; codes: SlotCode[]; agentClash?: AgentClash } | { ok: false; code: 'SCHEDULE_CHANGED' | 'NOT_PLANNED' };

/**
 * The slot as stored fields, or the reasons it is refused: in the past, on a day the service is
 * closed (weekend, holiday, closure day), outside the agent's hours (the business hours unless
 * they set theirs) or in one of their absences, or without what its mode needs.
 */
function checkSlot(input: SlotInput, now: Date, schedule: AgentSchedule): { fields: ScheduleFields } | { errors: SlotCode[] } {
  const start = DateTime.fromISO(`${input.date}T${input.time}`, { zone: QUEBEC_ZONE });
  // A wall-clock time skipped by a DST change comes back shifted: refuse it rather than move it.
  if (!start.isValid || start.toFormat("yyyy-MM-dd'T'HH:mm") !== `${input.date}T${input.time}`) return { errors: ['DATE_INVALID'] };
  const end = start.plus({ minutes: input.durationMinutes });
  const errors: SlotCode[] = [];
  const problems = momentProblems(schedule, input.date, start.hour * 60 + start.minute, input.durationMinutes);
  if (start.toMillis() <= now.getTime()) errors.push('IN_PAST', ...problems.filter((p) => p === 'OUTSIDE_HOURS' || p === 'OUTSIDE_AGENT_HOURS'));
  else errors.push(...problems);
  const phone = input.phoneNumber?.trim() || null;
  const link = input.videoLink?.trim() || null;
  const address = input.address?.trim() || null;
  if (input.mode === 'telephone' && !phone) errors.push('PHONE_REQUIRED');
  if (input.mode === 'visioconference' && !link) errors.push('LINK_REQUIRED');
  if (input.mode === 'en_personne' && !address) errors.push('ADDRESS_REQUIRED');
  if (errors.length > 0) return { errors };
  return {
    fields: {
      kind: input.kind,
      starts_at: new Date(start.toMillis()).toISOString(),
      ends_at: new Date(end.toMillis()).toISOString(),
      mode: input.mode,
      phone_number: input.mode === 'telephone' ? phone : null,
      video_link: input.mode === 'visioconference' ? link : null,
      address: input.mode === 'en_personne' ? address : null,
    },
  };
}

/** The agent's availability on the slot's date (their hours, absences, the business calendar). */
const scheduleOf = (db: Db, agentId: number, input: SlotInput, deps: AppointmentDeps): Promise<AgentSchedule> => agentSchedule(db, agentId, input.date, input.date, deps);

/** With what a refused moment clashes: the agent's own appointment names its client and times. */
export interface AgentClash {
  clientName: string;
  startsAt: string;
  endsAt: string;
}

/** Overlaps with the agent's or the client's other planned appointments (call under the schedule lock). */
async function overlapErrors(db: Db, where: { agentId: number; clientId: number; fields: ScheduleFields; exceptId?: number }): Promise<{ codes: SlotCode[]; agentClash?: AgentClash }> {
  const clashes = await findOverlapping(db, { agentId: where.agentId, clientId: where.clientId, startsAt: where.fields.starts_at, endsAt: where.fields.ends_at, exceptId: where.exceptId });
  const codes: SlotCode[] = [];
  const own = clashes.filter((a) => a.agent_id === where.agentId).sort((a, b) => a.starts_at.localeCompare(b.starts_at))[0];
  if (own) codes.push('AGENT_BUSY');
  // The client's appointment with another agent is the client's business: it is not named.
  if (clashes.some((a) => a.client_id === where.clientId && a.agent_id !== where.agentId)) codes.push('CLIENT_BUSY');
  if (!own) return { codes };
  const names = await displayNames(db, [own.client_id]);
  return { codes, agentClash: { clientName: names.get(own.client_id) ?? '', startsAt: own.starts_at, endsAt: own.ends_at } };
}

/**
 * « Proposer un rendez-vous »: the agent (or a manager) proposes an appointment to a client of
 * their caseload. In one transaction, under the agent's and the client's schedule lock (so two
 * proposals for one person never both pass the overlap check): the appointment, the answered
 * request and re-proposal tasks, the message with its e-mail, and the audit line.
 */
export async function proposeAppointment(db: Db, actor: Actor, input: SlotInput & { clientId: number }, deps: AppointmentDeps): Promise<ScheduleResult> {
  if (!mayManageSchedule(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const client = await getClient(trx, actor, input.clientId);
    const agentId = agentOfProposal(actor, client.agent_id);
    if (agentId === null) throw new NotFoundError('CLIENT.NOT_FOUND');
    return bookSlot(trx, { actor, client, agentId, input, audit: { action: 'appointment.proposed' } }, deps);
  });
}

/** Who books, and what the audit line says: the agent's proposal, or the client's own choice after a cancellation. */
export interface Booking {
  actor: Actor;
  client: ClientIdentity;
  agentId: number;
  input: SlotInput;
  audit: { action: 'appointment.proposed' } | { action: 'appointment.chosen_by_client'; cancelledId: number };
}

/**
 * Books a slot inside the caller's transaction, under the agent's and the client's schedule lock
 * (so two bookings for one person never both pass the overlap check): the appointment, the
 * answered request and re-proposal tasks, the message with its e-mail, and the audit line.
 */
export async function bookSlot(trx: Db, booking: Booking, deps: AppointmentDeps): Promise<ScheduleResult> {
  const { actor, client, agentId, input } = booking;
  const now = deps.clock();
  const checked = checkSlot(input, now, await scheduleOf(trx, agentId, input, deps));
  if ('errors' in checked) return { ok: false, code: 'INVALID', codes: checked.errors };

  await lockSchedulesOf(trx, [agentId, client.id]);
  const clashes = await overlapErrors(trx, { agentId, clientId: client.id, fields: checked.fields });
  if (clashes.codes.length > 0) return { ok: false, code: 'INVALID', ...clashes };

  const at = now.toISOString();
  const appointment = await insertAppointment(trx, {
    ...checked.fields,
    client_id: client.id,
    agent_id: agentId,
    cancelled_by: null,
    cancelled_at: null,
    cancel_reason_code: null,
    cancel_comment: null,
    created_at: at,
    updated_at: at,
  });
  await recordFirstProposal(trx, client.id, at);
  await closeReproposalTasks(trx, client.id, at);
  const agent = await agentContact(trx, agentId);
  await notifyClient(
    trx,
    {
      client,
      dedupeKey: appointmentMessageKey(appointment),
      content: newAppointmentMessage(appointment, agent?.display_name ?? ''),
      email: (links) => appointmentMail({ event: 'new', appointment, client, agent, publicUrl: deps.publicUrl, messageUrl: links.message, now }),
    },
    deps,
  );
  const slot = { kind: appointment.kind, startsAt: appointment.starts_at, endsAt: appointment.ends_at, mode: appointment.mode };
  const common = { at, actorId: actor.id, subjectType: 'appointment', subjectId: appointment.id, clientId: client.id, ip: actor.ip ?? null };
  if (booking.audit.action === 'appointment.proposed') await recordAudit(trx, { ...common, action: 'appointment.proposed', details: slot });
  else await recordAudit(trx, { ...common, action: 'appointment.chosen_by_client', details: { ...slot, cancelledId: booking.audit.cancelledId } });
  return { ok: true, appointment };
}

/**
 * « Modifier »: the agent changes a planned, future appointment (at the version they saw). The
 * same rules as a proposal; the iCalendar SEQUENCE goes up and the client is told what changed
 * and why.
 */
export async function rescheduleAppointment(db: Db, actor: Actor, input: SlotInput & { appointmentId: number; version: number; note: string | null }, deps: AppointmentDeps): Promise<ScheduleResult> {
  if (!mayManageSchedule(actor)) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  const scope = appointmentScope(actor);
  return inTransaction(db, async (trx) => {
    const before = await findAppointment(trx, scope, input.appointmentId);
    if (!before) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
    const now = deps.clock();
    if (before.status !== 'planifie' || Date.parse(before.starts_at) <= now.getTime()) return { ok: false, code: 'NOT_PLANNED' };
    if (before.version !== input.version) return { ok: false, code: 'SCHEDULE_CHANGED' };
    const checked = checkSlot(input, now, await scheduleOf(trx, before.agent_id, input, deps));
    if ('errors' in checked) return { ok: false, code: 'INVALID', codes: checked.errors };

    await lockSchedulesOf(trx, [before.agent_id, before.client_id]);
    const clashes = await overlapErrors(trx, { agentId: before.agent_id, clientId: before.client_id, fields: checked.fields, exceptId: before.id });
    if (clashes.codes.length > 0) return { ok: false, code: 'INVALID', ...clashes };

    const at = now.toISOString();
    const note = input.note?.trim() || null;
    if (!(await rescheduleIfVersion(trx, { id: before.id, scope, version: input.version }, { ...checked.fields, change_note: note, updated_at: at }))) return { ok: false, code: 'SCHEDULE_CHANGED' };
    await withdrawReminder(trx, before); // a pending reminder of the old time or details must not leave
    const after = (await findAppointment(trx, scope, before.id)) as Appointment;
    const client = await clientRecipient(trx, after.client_id);
    const agent = await agentContact(trx, after.agent_id);
    await notifyClient(
      trx,
      {
        client,
        dedupeKey: appointmentMessageKey(after),
        content: changedAppointmentMessage(after, note),
        email: (links) => appointmentMail({ event: 'changed', appointment: after, client, agent, hasNote: note !== null, publicUrl: deps.publicUrl, messageUrl: links.message, now }),
      },
      deps,
    );
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'appointment.changed',
      subjectType: 'appointment',
      subjectId: after.id,
      clientId: after.client_id,
      ip: actor.ip ?? null,
      details: {
        before: { startsAt: before.starts_at, endsAt: before.ends_at, mode: before.mode, kind: before.kind, version: before.version },
        after: { startsAt: after.starts_at, endsAt: after.ends_at, mode: after.mode, kind: after.kind, version: after.version },
      },
    });
    return { ok: true, appointment: after };
  });
}

export type AgentCancelResult = { ok: true; appointment: Appointment } | { ok: false; code: 'STAFF_REASON_INVALID' | 'NOT_PLANNED' | 'SCHEDULE_CHANGED' };

/** The agent's « Annuler », with a reason from the list and an optional comment; the client is told. */
export async function cancelAsAgent(db: Db, actor: Actor, input: { appointmentId: number; reasonCode: string; comment: string | null; version: number }, deps: AppointmentDeps): Promise<AgentCancelResult> {
  if (!mayManageSchedule(actor)) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  const scope = appointmentScope(actor);
  return inTransaction(db, async (trx) => {
    const before = await findAppointment(trx, scope, input.appointmentId);
    if (!before) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
    const reason = await findReason(trx, input.reasonCode);
    if (reason?.active !== 1) return { ok: false, code: 'STAFF_REASON_INVALID' };
    const now = deps.clock();
    const at = now.toISOString();
    if (before.status !== 'planifie' || Date.parse(before.starts_at) <= now.getTime()) return { ok: false, code: 'NOT_PLANNED' };
    const won = await cancelIfPlanned(trx, { id: before.id, scope, version: input.version, now: at }, { cancelledBy: actor.id, cancelledAt: at, reasonCode: reason.code, comment: input.comment?.trim() || null });
    if (!won) return { ok: false, code: 'SCHEDULE_CHANGED' };
    await withdrawReminder(trx, before); // a reminder queued a moment ago must not follow the cancellation
    const after = (await findAppointment(trx, scope, before.id)) as Appointment;
    const client = await clientRecipient(trx, after.client_id);
    const agent = await agentContact(trx, after.agent_id);
    await notifyClient(
      trx,
      {
        client,
        dedupeKey: appointmentMessageKey(after),
        content: cancelledByAgentMessage(after, reason),
        email: (links) => appointmentMail({ event: 'cancelled', appointment: after, client, agent, reason, publicUrl: deps.publicUrl, messageUrl: links.message, now }),
      },
      deps,
    );
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'appointment.cancelled_by_agent',
      subjectType: 'appointment',
      subjectId: after.id,
      clientId: after.client_id,
      ip: actor.ip ?? null,
      details: { before: { status: before.status, version: before.version }, after: { status: 'annule', version: after.version }, reason: reason.code, hasComment: Boolean(input.comment?.trim()) },
    });
    return { ok: true, appointment: after };
  });
}

export type OutcomeResult = { ok: true; appointment: Appointment } | { ok: false; code: 'NOT_STARTED' | 'NOT_PLANNED' | 'SCHEDULE_CHANGED' };

/** « Présent » or « Absent » for an appointment that has started; the client's « Terminé » tab shows it. */
export async function recordOutcome(db: Db, actor: Actor, input: { appointmentId: number; attended: boolean; version: number }, deps: AppointmentDeps): Promise<OutcomeResult> {
  if (!mayManageSchedule(actor)) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  const scope = appointmentScope(actor);
  return inTransaction(db, async (trx) => {
    const before = await findAppointment(trx, scope, input.appointmentId);
    if (!before) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
    const now = deps.clock();
    const at = now.toISOString();
    if (before.status !== 'planifie') return { ok: false, code: 'NOT_PLANNED' };
    if (Date.parse(before.starts_at) > now.getTime()) return { ok: false, code: 'NOT_STARTED' };
    const status = input.attended ? 'termine' : 'absent';
    if (!(await recordOutcomeIfVersion(trx, { id: before.id, scope, version: input.version, now: at }, { status, by: actor.id }))) return { ok: false, code: 'SCHEDULE_CHANGED' };
    const after = (await findAppointment(trx, scope, before.id)) as Appointment;
    await recordAudit(trx, { at, actorId: actor.id, action: 'appointment.outcome_recorded', subjectType: 'appointment', subjectId: after.id, clientId: after.client_id, ip: actor.ip ?? null, details: { status } });
    return { ok: true, appointment: after };
  });
}
