import { agentContact } from '../accounts/account.service';
import type { Account } from '../../db/database';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit/audit.repository';
import { createBusinessCalendar } from '../../platform/business-time/business-calendar';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { MessageKey } from '../../platform/i18n/catalog';
import { notifyClient } from '../messages/message.service';
import { appointmentMessageKey, cancelledAppointmentMessage, newAppointmentMessage } from './appointment.notifications';
import {
  cancelIfPlanned,
  findActiveReasons,
  findAllReasons,
  findAppointmentOfClient,
  findClosureDays,
  findFinishedOfClient,
  findPlannedOfClient,
  findReason,
  insertAppointment,
  insertReproposalTask,
} from './appointment.repository';
import type { Appointment, CancellationReason, NewAppointment } from './appointment.tables';

export type Tab = 'planifie' | 'termine';

/** What the appointment rules need from the configuration and the platform. */
export interface AppointmentDeps {
  clock: Clock;
  publicUrl: string;
  reproposalBusinessDays: number;
  businessDayStartHour: number;
  businessDayEndHour: number;
}

export const COMMENT_MAX = 500;

export interface AppointmentListItem {
  appointment: Appointment;
  reason?: CancellationReason;
  canCancel: boolean;
}

/** One tab of the client's appointments, each with its cancellation reason and whether it may be cancelled. */
export async function listAppointments(db: Db, clientId: number, tab: Tab, clock: Clock): Promise<AppointmentListItem[]> {
  const now = clock();
  const iso = now.toISOString();
  const [appointments, reasons] = await Promise.all([
    tab === 'planifie' ? findPlannedOfClient(db, clientId, iso) : findFinishedOfClient(db, clientId, iso),
    findAllReasons(db),
  ]);
  return appointments.map((appointment) => ({
    appointment,
    reason: reasons.find((reason) => reason.code === appointment.cancel_reason_code),
    canCancel: cancelRefusal(appointment, now) === null,
  }));
}

/** The client's next planned needs-assessment appointment (guide 3.1 shows it until the plan exists). */
export async function nextNeedsAssessment(db: Db, clientId: number, clock: Clock): Promise<Appointment | undefined> {
  const planned = await findPlannedOfClient(db, clientId, clock().toISOString());
  return planned.find((appointment) => appointment.kind === 'evaluation');
}

/** Why an appointment can no longer be cancelled, or null when it can. */
export function cancelRefusal(appointment: Appointment, now: Date): MessageKey | null {
  if (appointment.status === 'annule') return 'appointments.cancel.error.alreadyCancelled';
  if (appointment.status === 'termine') return 'appointments.cancel.error.attended';
  if (appointment.status === 'absent' || Date.parse(appointment.starts_at) <= now.getTime()) return 'appointments.cancel.error.past';
  return null;
}

export interface AppointmentDetails {
  appointment: Appointment;
  agent: { display_name: string; email: string; phone: string | null } | undefined;
  reason: CancellationReason | undefined;
  canCancel: boolean;
  /** The tab the appointment shows under, for the way back. */
  tab: Tab;
}

/** One of the client's appointments with its agent's contact; another's or unknown → 404. */
export async function getAppointment(db: Db, clientId: number, id: number, clock: Clock): Promise<AppointmentDetails> {
  const appointment = await findAppointmentOfClient(db, clientId, id);
  if (!appointment) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  const [agent, reason] = await Promise.all([
    agentContact(db, appointment.agent_id),
    appointment.cancel_reason_code ? findReason(db, appointment.cancel_reason_code) : undefined,
  ]);
  const now = clock();
  const tab: Tab = appointment.status === 'planifie' && Date.parse(appointment.ends_at) > now.getTime() ? 'planifie' : 'termine';
  return { appointment, agent, reason, canCancel: cancelRefusal(appointment, now) === null, tab };
}

export function activeReasons(db: Db): Promise<CancellationReason[]> {
  return findActiveReasons(db);
}

export interface CancelInput {
  client: Pick<Account, 'id' | 'email' | 'locale'>;
  appointmentId: number;
  reasonCode: string;
  comment: string | null;
  /** The version the person saw; a different one means the appointment changed meanwhile. */
  version?: number;
  ip?: string | null;
}

export type CancelResult =
  | { ok: true; appointment: Appointment }
  | { ok: false; field: 'reason' | 'comment' | 'form'; status: 400 | 409; messageKey: MessageKey };

/**
 * The client cancels a planned, future appointment of theirs, with an active reason. In one
 * transaction: the conditional status change, the agent's task to propose another appointment
 * (due after the configured business days), the message and its e-mail, and the audit line.
 * Parallel or repeated requests give one cancellation: the losers see « already cancelled ».
 */
export async function cancelAppointment(db: Db, input: CancelInput, deps: AppointmentDeps): Promise<CancelResult> {
  if (input.comment && input.comment.length > COMMENT_MAX) return { ok: false, field: 'comment', status: 400, messageKey: 'appointments.cancel.error.commentTooLong' };
  const cancel = async (trx: Db): Promise<CancelResult> => {
    const now = deps.clock();
    const at = now.toISOString();
    const appointment = await findAppointmentOfClient(trx, input.client.id, input.appointmentId);
    if (!appointment) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
    const reason = await findReason(trx, input.reasonCode);
    if (!reason || reason.active !== 1) return { ok: false, field: 'reason', status: 400, messageKey: 'appointments.cancel.error.reasonInvalid' };

    const won = await cancelIfPlanned(
      trx,
      { id: appointment.id, clientId: input.client.id, version: input.version, now: at },
      { cancelledBy: input.client.id, cancelledAt: at, reasonCode: reason.code, comment: input.comment || null },
    );
    if (!won) {
      const current = (await findAppointmentOfClient(trx, input.client.id, input.appointmentId)) ?? appointment;
      const refusal = cancelRefusal(current, now);
      return { ok: false, field: 'form', status: 409, messageKey: refusal ?? 'appointments.cancel.error.changed' };
    }
    const cancelled = (await findAppointmentOfClient(trx, input.client.id, input.appointmentId)) as Appointment;

    const closureDays = (await findClosureDays(trx)).map((day) => day.date);
    const calendar = createBusinessCalendar({ closureDays, dayStartHour: deps.businessDayStartHour, dayEndHour: deps.businessDayEndHour });
    await insertReproposalTask(trx, {
      agent_id: cancelled.agent_id,
      client_id: cancelled.client_id,
      appointment_id: cancelled.id,
      due_at: calendar.addBusinessDays(now, deps.reproposalBusinessDays).toISOString(),
      created_at: at,
    });
    await notifyClient(trx, { client: input.client, dedupeKey: appointmentMessageKey(cancelled), content: cancelledAppointmentMessage(cancelled, reason) }, deps);
    await recordAudit(trx, {
      at,
      actorId: input.client.id,
      action: 'appointment.cancelled',
      subjectType: 'appointment',
      subjectId: cancelled.id,
      ip: input.ip ?? null,
      details: { before: { status: appointment.status, version: appointment.version }, after: { status: 'annule', version: cancelled.version }, reason: reason.code, hasComment: Boolean(input.comment) },
    });
    return { ok: true, appointment: cancelled };
  };
  return inTransaction(db, cancel);
}

/**
 * A new appointment for a client (the agents' scheduling calls this): stored, and announced
 * in the message centre with one e-mail, in the same transaction.
 */
export async function scheduleAppointment(
  db: Db,
  input: { client: Pick<Account, 'id' | 'email' | 'locale'>; appointment: Omit<NewAppointment, 'client_id' | 'created_at' | 'updated_at'>; actorId: number },
  deps: AppointmentDeps,
): Promise<Appointment> {
  const at = deps.clock().toISOString();
  const run = async (trx: Db) => {
    const appointment = await insertAppointment(trx, { ...input.appointment, client_id: input.client.id, created_at: at, updated_at: at });
    const agent = await agentContact(trx, appointment.agent_id);
    await notifyClient(trx, { client: input.client, dedupeKey: appointmentMessageKey(appointment), content: newAppointmentMessage(appointment, agent?.display_name ?? '') }, deps);
    await recordAudit(trx, { at, actorId: input.actorId, action: 'appointment.scheduled', subjectType: 'appointment', subjectId: appointment.id });
    return appointment;
  };
  return inTransaction(db, run);
}

/** Runs in the caller's transaction when there is one, else in a new one. */
function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
