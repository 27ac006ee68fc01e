import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { OutcomeChangeCode } from './appointment.errors';
import { appointmentScope, hasScheduleWork, mayCorrectOutcome, mayManageSchedule } from './appointment.policy';
import { clientHasPlan, correctOutcomeIfVersion, findStaffFinished, findStaffPlanned } from './appointment-outcome.repository';
import { findAllReasons, findAppointment } from './appointment.repository';
import { recordOutcome, type OutcomeResult } from './appointment-scheduling.service';
import { type AppointmentDeps, type AppointmentListItem, cancelRefusal, type Tab } from './appointment.service';
import type { Appointment } from './appointment.tables';

/** Business days during which a recorded outcome may still be corrected (from when it was recorded). */
export const OUTCOME_CORRECTION_BUSINESS_DAYS = 5;

/**
 * Whether staff read this appointment as awaiting its outcome: still planned once it has started
 * (« Présent » / « Absent » can then be recorded). Staff pages say « Résultat à inscrire » for it,
 * never « Planifié ».
 */
export function awaitsOutcome(appointment: Pick<Appointment, 'status' | 'starts_at'>, now: Date): boolean {
  return appointment.status === 'planifie' && Date.parse(appointment.starts_at) <= now.getTime();
}

export interface StaffAppointmentItem extends AppointmentListItem {
  awaitingOutcome: boolean;
}

/**
 * One tab of a client's appointments as staff work them: « Planifié » holds every planned one,
 * those awaiting their outcome first (where the agent looks for what to do), « Terminé » those
 * attended, missed or cancelled. The client's own tabs keep the guide's rule (a past appointment
 * is under « Terminé »).
 */
export async function listStaffAppointments(db: Db, actor: Actor, input: { clientId: number; tab: Tab }, clock: Clock): Promise<StaffAppointmentItem[]> {
  if (!hasScheduleWork(actor)) return [];
  const now = clock();
  const scope = appointmentScope(actor);
  const [appointments, reasons] = await Promise.all([input.tab === 'planifie' ? findStaffPlanned(db, scope, input.clientId) : findStaffFinished(db, scope, input.clientId), findAllReasons(db)]);
  return appointments.map((appointment) => ({
    appointment,
    reason: reasons.find((reason) => reason.code === appointment.cancel_reason_code),
    canCancel: cancelRefusal(appointment, now) === null,
    awaitingOutcome: awaitsOutcome(appointment, now),
  }));
}

export type AttendanceResult = OutcomeResult | { ok: false; code: 'CONFIRMATION_REQUIRED' };

/**
 * « Présent » / « Absent » as staff record it: « Absent » (which the client sees in « Terminé »,
 * and which has no undo after the correction window) takes an explicit confirmation; without it
 * nothing is written and CONFIRMATION_REQUIRED asks for it.
 */
export async function recordAttendance(db: Db, actor: Actor, input: { appointmentId: number; attended: boolean; version: number; confirmed: boolean }, deps: AppointmentDeps): Promise<AttendanceResult> {
  const appointment = mayManageSchedule(actor) ? await findAppointment(db, appointmentScope(actor), input.appointmentId) : undefined;
  if (!appointment) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  // Nothing to confirm for an outcome that cannot be recorded (already recorded, not started): recordOutcome refuses it.
  if (!input.attended && !input.confirmed && awaitsOutcome(appointment, deps.clock())) return { ok: false, code: 'CONFIRMATION_REQUIRED' };
  return recordOutcome(db, actor, input, deps);
}

/**
 * After « Présent » on a needs assessment, « Créer le plan » is the agent's next step: offered
 * while the client has no plan yet (the plans service makes the same check when it creates one).
 */
export async function offersPlanCreation(db: Db, actor: Actor, appointment: Appointment): Promise<boolean> {
  if (!hasScheduleWork(actor) || appointment.kind !== 'evaluation' || appointment.status !== 'termine') return false;
  return !(await clientHasPlan(db, appointment.client_id));
}

/** Until when the outcome may be corrected: OUTCOME_CORRECTION_BUSINESS_DAYS business days after it was recorded. */
async function correctionDeadline(db: Db, appointment: Appointment, deps: AppointmentDeps): Promise<Date | null> {
  if ((appointment.status !== 'termine' && appointment.status !== 'absent') || !appointment.outcome_recorded_at) return null;
  const calendar = await loadBusinessCalendar(db, deps);
  return calendar.addBusinessDays(new Date(appointment.outcome_recorded_at), OUTCOME_CORRECTION_BUSINESS_DAYS);
}

/** Whether the actor may correct this appointment's outcome now, and until when (ISO), or null. */
export async function outcomeCorrectionWindow(db: Db, actor: Actor, appointment: Appointment, deps: AppointmentDeps): Promise<{ until: string } | null> {
  if (!mayCorrectOutcome(actor, appointment)) return null;
  const until = await correctionDeadline(db, appointment, deps);
  return until && deps.clock().getTime() < until.getTime() ? { until: until.toISOString() } : null;
}

export type CorrectionResult = { ok: true; appointment: Appointment } | { ok: false; code: OutcomeChangeCode | 'CONFIRMATION_REQUIRED' | 'SCHEDULE_CHANGED' };

/**
 * « Corriger le résultat »: the appointment's agent or a manager turns « Présent » into « Absent »
 * or back, within OUTCOME_CORRECTION_BUSINESS_DAYS business days of the first recording, at the
 * version they saw; « Absent » takes the same confirmation. Audited; the client's « Terminé » tab
 * reads the status, so it follows.
 */
export async function correctOutcome(db: Db, actor: Actor, input: { appointmentId: number; attended: boolean; version: number; confirmed: boolean }, deps: AppointmentDeps): Promise<CorrectionResult> {
  if (!mayManageSchedule(actor)) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  const scope = appointmentScope(actor);
  return inTransaction(db, async (trx) => {
    const before = await findAppointment(trx, scope, input.appointmentId);
    if (!before) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
    if (before.status !== 'termine' && before.status !== 'absent') return { ok: false, code: 'OUTCOME_NOT_RECORDED' };
    if (!mayCorrectOutcome(actor, before)) return { ok: false, code: 'CORRECTION_NOT_ALLOWED' };
    const until = await correctionDeadline(trx, before, deps);
    const now = deps.clock();
    if (!until || now.getTime() >= until.getTime()) return { ok: false, code: 'CORRECTION_CLOSED' };
    const status = input.attended ? 'termine' : 'absent';
    if (status === before.status) return { ok: false, code: 'OUTCOME_UNCHANGED' };
    if (!input.attended && !input.confirmed) return { ok: false, code: 'CONFIRMATION_REQUIRED' };
    const at = now.toISOString();
    if (!(await correctOutcomeIfVersion(trx, { id: before.id, scope, version: input.version, now: at }, { status }))) return { ok: false, code: 'SCHEDULE_CHANGED' };
    const after = (await findAppointment(trx, scope, before.id)) as Appointment;
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'appointment.outcome_corrected',
      subjectType: 'appointment',
      subjectId: after.id,
      clientId: after.client_id,
      ip: actor.ip ?? null,
      details: { before: { status: before.status, version: before.version }, after: { status, version: after.version } },
    });
    return { ok: true, appointment: after };
  });
}
