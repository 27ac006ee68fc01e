import type { Db } from '../../db/types';
import type { AgentTask, Appointment, CancellationReason, ClosureDay, NewAppointment } from './appointment.tables';

export async function insertAppointment(db: Db, appointment: NewAppointment): Promise<Appointment> {
  return db.insertInto('appointments').values(appointment).returningAll().executeTakeFirstOrThrow();
}

/** « Planifié »: scheduled and not yet ended, soonest first. */
export async function findPlannedOfClient(db: Db, clientId: number, now: string): Promise<Appointment[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('status', '=', 'planifie')
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** « Terminé »: attended, no-show, cancelled, or past; latest first. */
export async function findFinishedOfClient(db: Db, clientId: number, now: string): Promise<Appointment[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('client_id', '=', clientId)
    .where((eb) => eb.or([eb('status', '!=', 'planifie'), eb('ends_at', '<=', now)]))
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One appointment, only when it belongs to this client: someone else's looks unknown. */
export async function findAppointmentOfClient(db: Db, clientId: number, id: number): Promise<Appointment | undefined> {
  return db.selectFrom('appointments').selectAll().where('id', '=', id).where('client_id', '=', clientId).executeTakeFirst();
}

export interface CancellationFields {
  cancelledBy: number;
  cancelledAt: string;
  reasonCode: string;
  comment: string | null;
}

/**
 * The cancellation as one conditional UPDATE: only a planned appointment that has not started,
 * at the version the person saw. Parallel requests race on the row; exactly one wins.
 */
export async function cancelIfPlanned(db: Db, where: { id: number; clientId: number; version?: number; now: string }, fields: CancellationFields): Promise<boolean> {
  let query = db
    .updateTable('appointments')
    .set((eb) => ({
      status: 'annule',
      cancelled_by: fields.cancelledBy,
      cancelled_at: fields.cancelledAt,
      cancel_reason_code: fields.reasonCode,
      cancel_comment: fields.comment,
      version: eb('version', '+', 1),
      sequence: eb('sequence', '+', 1),
      updated_at: fields.cancelledAt,
    }))
    .where('id', '=', where.id)
    .where('client_id', '=', where.clientId)
    .where('status', '=', 'planifie')
    .where('starts_at', '>', where.now);
  if (where.version !== undefined) query = query.where('version', '=', where.version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findActiveReasons(db: Db): Promise<CancellationReason[]> {
  return db.selectFrom('cancellation_reasons').selectAll().where('active', '=', 1).orderBy('sort_order').orderBy('code').execute();
}

export async function findAllReasons(db: Db): Promise<CancellationReason[]> {
  return db.selectFrom('cancellation_reasons').selectAll().orderBy('sort_order').execute();
}

export async function findReason(db: Db, code: string): Promise<CancellationReason | undefined> {
  return db.selectFrom('cancellation_reasons').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertReason(db: Db, reason: CancellationReason): Promise<void> {
  await db.insertInto('cancellation_reasons').values(reason).execute();
}

/** The agent's task to propose another appointment; a second one for the same appointment is dropped. */
export async function insertReproposalTask(db: Db, task: Omit<AgentTask, 'id' | 'kind' | 'done_at'> & { done_at?: string | null }): Promise<void> {
  await db
    .insertInto('agent_tasks')
    .values({ ...task, kind: 'reproposer', done_at: task.done_at ?? null })
    .onConflict((oc) => oc.columns(['appointment_id', 'kind']).doNothing())
    .execute();
}

export async function findTasksOfAppointment(db: Db, appointmentId: number): Promise<AgentTask[]> {
  return db.selectFrom('agent_tasks').selectAll().where('appointment_id', '=', appointmentId).execute();
}

export async function findClosureDays(db: Db): Promise<ClosureDay[]> {
  return db.selectFrom('closure_days').selectAll().orderBy('date').execute();
}

export async function insertClosureDays(db: Db, days: ClosureDay[]): Promise<void> {
  if (days.length === 0) return;
  await db.insertInto('closure_days').values(days).onConflict((oc) => oc.column('date').doNothing()).execute();
}
