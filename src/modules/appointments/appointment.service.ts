import type { Config } from '../../config';
import type { Db } from '../../db/types';
import { inTransaction } from '../../db/transaction';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { agentContact } from '../accounts/account.service';
import { clientRecipient } from '../accounts/directory.service';
import { notifyClient } from '../messages/message.service';
import { withdrawReminder } from './appointment-reminder.service';
import { appointmentMessageKey, cancelledAppointmentMessage } from './appointment.notifications';
import { appointmentMail } from './appointment.mail';
import type { CancelRefusal, CancelRefusalCode } from './appointment.errors';
import { appointmentScope, appointmentsClientId, hasOwnAppointments, hasScheduleWork, mayCancelAsClient } from './appointment.policy';
import {
  cancelIfPlanned,
  findActiveReasons,
  findAllReasons,
  findAppointment,
  findAssessmentsAwaitingPlan,
  countAwaitingOutcomeByAgent,
  findAwaitingOutcome,
  findOpenReproposals,
  findFinished,
  findPlanned,
  findReason,
  hasAttendedAssessmentOf,
  insertReproposalTask,
} from './appointment.repository';
import type { Appointment, CancellationReason } from './appointment.tables';

export type Tab = 'planifie' | 'termine';

/** What the appointment rules need from the configuration and the platform. */
export interface AppointmentDeps {
  clock: Clock;
  publicUrl: string;
  reproposalBusinessDays: number;
  businessDayStartHour: number;
  businessDayEndHour: number;
}

/** The appointment rules' settings, read once from the configuration by each edge (pages, API). */
export function appointmentDeps(config: Pick<Config, 'PUBLIC_URL' | 'REPROPOSAL_BUSINESS_DAYS' | 'BUSINESS_DAY_START_HOUR' | 'BUSINESS_DAY_END_HOUR'>, clock: Clock): AppointmentDeps {
  return {
    clock,
    publicUrl: config.PUBLIC_URL,
    reproposalBusinessDays: config.REPROPOSAL_BUSINESS_DAYS,
    businessDayStartHour: config.BUSINESS_DAY_START_HOUR,
    businessDayEndHour: config.BUSINESS_DAY_END_HOUR,
  };
}

export const COMMENT_MAX = 500;
/** « Vos disponibilités »: at most this many characters. */
export const AVAILABILITY_MAX = 500;

export interface AppointmentListItem {
  appointment: Appointment;
  reason?: CancellationReason;
  canCancel: boolean;
}

/**
 * One tab of a client's appointments, each with its cancellation reason and whether it may be
 * cancelled. A client sees their own (`clientId` is ignored); staff name the client.
 */
export async function listAppointments(db: Db, actor: Actor, input: { clientId?: number; tab: Tab }, clock: Clock): Promise<AppointmentListItem[]> {
  const now = clock();
  const iso = now.toISOString();
  const scope = appointmentScope(actor);
  const clientId = appointmentsClientId(actor, input.clientId);
  const [appointments, reasons] = await Promise.all([input.tab === 'planifie' ? findPlanned(db, scope, clientId, iso) : findFinished(db, scope, clientId, iso), findAllReasons(db)]);
  return appointments.map((appointment) => ({
    appointment,
    reason: reasons.find((reason) => reason.code === appointment.cancel_reason_code),
    canCancel: cancelRefusal(appointment, now) === null,
  }));
}

/** The client's next planned needs-assessment appointment (guide 3.1 shows it until the plan exists). */
export async function nextNeedsAssessment(db: Db, actor: Actor, input: { clientId?: number }, clock: Clock): Promise<Appointment | undefined> {
  const clientId = appointmentsClientId(actor, input.clientId);
  const planned = await findPlanned(db, appointmentScope(actor), clientId, clock().toISOString());
  return planned.find((appointment) => appointment.kind === 'evaluation');
}

/**
 * Whether the client has attended a needs assessment (status `termine`): the plan rules ask this
 * before « Créer le plan ». A client out of the actor's reach gives false.
 */
export async function hasAttendedAssessment(db: Db, actor: Actor, clientId: number): Promise<boolean> {
  return hasAttendedAssessmentOf(db, appointmentScope(actor), clientId);
}

/** Why an appointment can no longer be cancelled, or null when it can. */
export function cancelRefusal(appointment: Appointment, now: Date): CancelRefusal | null {
  if (appointment.status === 'annule') return 'ALREADY_CANCELLED';
  if (appointment.status === 'termine') return 'ATTENDED';
  if (appointment.status === 'absent' || Date.parse(appointment.starts_at) <= now.getTime()) return 'PAST';
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

/** One appointment within the actor's reach, with its agent's contact; anything else → not found. */
export async function getAppointment(db: Db, actor: Actor, id: number, clock: Clock): Promise<AppointmentDetails> {
  const appointment = await findAppointment(db, appointmentScope(actor), id);
  if (!appointment) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  const [agent, reason] = await Promise.all([agentContact(db, appointment.agent_id), appointment.cancel_reason_code ? findReason(db, appointment.cancel_reason_code) : undefined]);
  const now = clock();
  const tab: Tab = appointment.status === 'planifie' && Date.parse(appointment.ends_at) > now.getTime() ? 'planifie' : 'termine';
  return { appointment, agent, reason, canCancel: cancelRefusal(appointment, now) === null, tab };
}

export function activeReasons(db: Db): Promise<CancellationReason[]> {
  return findActiveReasons(db);
}

export interface CancelInput {
  appointmentId: number;
  reasonCode: string;
  comment: string | null;
  /** « Vos disponibilités » (optional): when the client could meet instead, for the agent's re-proposal. */
  availability?: string | null;
  /** The version the person saw; a different one means the appointment changed meanwhile. */
  version?: number;
}

export type CancelResult = { ok: true; appointment: Appointment } | { ok: false; code: CancelRefusalCode };

/**
 * The client cancels a planned, future appointment of theirs, with an active reason. In one
 * transaction: the conditional status change, the agent's task to propose another appointment
 * (due after the configured business days), the message and its e-mail, and the audit line.
 * Parallel or repeated requests give one cancellation: the losers see « already cancelled ».
 */
export async function cancelAppointment(db: Db, actor: Actor, input: CancelInput, deps: AppointmentDeps): Promise<CancelResult> {
  if (!mayCancelAsClient(actor)) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  if (input.comment && input.comment.length > COMMENT_MAX) return { ok: false, code: 'COMMENT_TOO_LONG' };
  if (input.availability && input.availability.length > AVAILABILITY_MAX) return { ok: false, code: 'AVAILABILITY_TOO_LONG' };
  const scope = appointmentScope(actor);
  const cancel = async (trx: Db): Promise<CancelResult> => {
    const now = deps.clock();
    const at = now.toISOString();
    const appointment = await findAppointment(trx, scope, input.appointmentId);
    if (!appointment) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
    const reason = await findReason(trx, input.reasonCode);
    if (reason?.active !== 1) return { ok: false, code: 'REASON_INVALID' };

    const won = await cancelIfPlanned(
      trx,
      { id: appointment.id, scope, version: input.version, now: at },
      { cancelledBy: actor.id, cancelledAt: at, reasonCode: reason.code, comment: input.comment || null, availability: input.availability || null },
    );
    if (!won) {
      const current = (await findAppointment(trx, scope, input.appointmentId)) ?? appointment;
      return { ok: false, code: cancelRefusal(current, now) ?? 'CHANGED' };
    }
    const cancelled = (await findAppointment(trx, scope, input.appointmentId)) as Appointment;
    await withdrawReminder(trx, cancelled); // a reminder queued a moment ago must not follow the cancellation

    const calendar = await loadBusinessCalendar(trx, deps);
    const reproposalDueAt = calendar.addBusinessDays(now, deps.reproposalBusinessDays).toISOString();
    await insertReproposalTask(trx, {
      agent_id: cancelled.agent_id,
      client_id: cancelled.client_id,
      appointment_id: cancelled.id,
      due_at: reproposalDueAt,
      created_at: at,
    });
    const client = await clientRecipient(trx, cancelled.client_id);
    const agent = await agentContact(trx, cancelled.agent_id);
    await notifyClient(
      trx,
      {
        client,
        dedupeKey: appointmentMessageKey(cancelled),
        content: cancelledAppointmentMessage(cancelled, reason, reproposalDueAt),
        email: (links) => appointmentMail({ event: 'cancelled', appointment: cancelled, client, agent, reason, reproposalDueAt, publicUrl: deps.publicUrl, messageUrl: links.message, now }),
      },
      deps,
    );
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'appointment.cancelled',
      subjectType: 'appointment',
      subjectId: cancelled.id,
      clientId: cancelled.client_id,
      ip: actor.ip ?? null,
      details: {
        before: { status: appointment.status, version: appointment.version },
        after: { status: 'annule', version: cancelled.version },
        reason: reason.code,
        hasComment: Boolean(input.comment),
        hasAvailability: Boolean(input.availability),
      },
    });
    return { ok: true, appointment: cancelled };
  };
  return inTransaction(db, cancel);
}

export interface OpenReproposal {
  taskId: number;
  clientId: number;
  clientName: string;
  appointmentId: number | null;
  dueAt: string;
  /** « Vos disponibilités » as the client gave them with the cancellation, if they did. */
  availability: string | null;
}

/** Cancellations still waiting for a new proposal, for the clients in the actor's reach (or one of them). */
export async function openReproposals(db: Db, actor: Actor, input: { clientId?: number } = {}): Promise<OpenReproposal[]> {
  if (!hasScheduleWork(actor)) return [];
  const rows = await findOpenReproposals(db, appointmentScope(actor), input.clientId);
  return rows.map((row) => ({ taskId: row.id, clientId: row.client_id, clientName: row.client_name, appointmentId: row.appointment_id, dueAt: row.due_at, availability: row.availability }));
}

/**
 * The client's own wait after a cancellation: the moment by which a new appointment will be
 * proposed (the soonest open re-proposal task's due date), or undefined when none is awaited.
 */
export async function reproposalDueFor(db: Db, actor: Actor): Promise<string | undefined> {
  if (!hasOwnAppointments(actor)) return undefined;
  const [first] = await findOpenReproposals(db, appointmentScope(actor), actor.id);
  return first?.due_at;
}

/**
 * After the client cancelled this appointment: the moment by which a new one will be proposed (its
 * re-proposal task's due date, as the business calendar wrote it), while it is still awaited.
 */
export async function reproposalDueAfter(db: Db, actor: Actor, appointmentId: number): Promise<string | undefined> {
  if (!hasOwnAppointments(actor)) return undefined;
  const open = await findOpenReproposals(db, appointmentScope(actor), actor.id);
  return open.find((task) => task.appointment_id === appointmentId)?.due_at;
}

/** The client's next planned appointment that has not ended (soonest first), if any. */
export async function nextPlannedAppointment(db: Db, actor: Actor, clock: Clock): Promise<Appointment | undefined> {
  if (!hasOwnAppointments(actor)) return undefined;
  const [first] = await findPlanned(db, appointmentScope(actor), actor.id, clock().toISOString());
  return first;
}

export interface AppointmentToClose {
  appointmentId: number;
  clientId: number;
  clientName: string;
  kind: Appointment['kind'];
  startsAt: string;
  endsAt: string;
}

/** Past appointments whose outcome (« Présent » / « Absent ») is not recorded yet. */
export async function appointmentsAwaitingOutcome(db: Db, actor: Actor, clock: Clock): Promise<AppointmentToClose[]> {
  if (!hasScheduleWork(actor)) return [];
  const rows = await findAwaitingOutcome(db, appointmentScope(actor), clock().toISOString());
  return rows.map((row) => ({ appointmentId: row.id, clientId: row.client_id, clientName: row.client_name, kind: row.kind, startsAt: row.starts_at, endsAt: row.ends_at }));
}

/** How many past appointments await their outcome, per the client's agent and end time. */
export async function awaitingOutcomeCounts(db: Db, actor: Actor, clock: Clock): Promise<Array<{ agentId: number; endsAt: string; count: number }>> {
  if (!hasScheduleWork(actor)) return [];
  const rows = await countAwaitingOutcomeByAgent(db, appointmentScope(actor), clock().toISOString());
  return rows.map((row) => ({ agentId: row.agent_id as number, endsAt: row.ends_at, count: Number(row.count) }));
}

/** Attended needs assessments whose plan is not published yet (« publier le plan » in the queue). */
export async function assessmentsAwaitingPlan(db: Db, actor: Actor): Promise<Array<{ appointmentId: number; clientId: number; clientName: string; heldAt: string }>> {
  if (!hasScheduleWork(actor)) return [];
  const rows = await findAssessmentsAwaitingPlan(db, appointmentScope(actor));
  return rows.map((row) => ({ appointmentId: row.id, clientId: row.client_id, clientName: row.client_name, heldAt: row.outcome_recorded_at ?? row.ends_at }));
}
