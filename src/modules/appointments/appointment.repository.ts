import { sql } from 'kysely';
import { clientInScope } from '../../db/scope';
import type { Db } from '../../db/types';
import type { ClientScope } from '../../platform/access/actor';
import type { AgentTask, Appointment, CancellationReason, NewAppointment } from './appointment.tables';

export async function insertAppointment(db: Db, appointment: NewAppointment): Promise<Appointment> {
  return db.insertInto('appointments').values(appointment).returningAll().executeTakeFirstOrThrow();
}

/** « Planifié » of one client within the scope: scheduled and not yet ended, soonest first. */
export async function findPlanned(db: Db, scope: ClientScope, clientId: number, now: string): Promise<Appointment[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('client_id', '=', clientId)
    .where(clientInScope('appointments.client_id', scope))
    .where('status', '=', 'planifie')
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** « Terminé » of one client within the scope: attended, no-show, cancelled, or past; latest first. */
export async function findFinished(db: Db, scope: ClientScope, clientId: number, now: string): Promise<Appointment[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('client_id', '=', clientId)
    .where(clientInScope('appointments.client_id', scope))
    .where((eb) => eb.or([eb('status', '!=', 'planifie'), eb('ends_at', '<=', now)]))
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One appointment, only when its client is in the scope: anything else looks unknown. */
export async function findAppointment(db: Db, scope: ClientScope, id: number): Promise<Appointment | undefined> {
  return db.selectFrom('appointments').selectAll().where('id', '=', id).where(clientInScope('appointments.client_id', scope)).executeTakeFirst();
}

export interface CancellationFields {
  cancelledBy: number;
  cancelledAt: string;
  reasonCode: string;
  comment: string | null;
  /** « Vos disponibilités », when the client gave them. */
  availability?: string | null;
}

/**
 * The cancellation as one conditional UPDATE: only a planned appointment that has not started,
 * at the version the person saw. Parallel requests race on the row; exactly one wins.
 */
export async function cancelIfPlanned(db: Db, where: { id: number; scope: ClientScope; version?: number; now: string }, fields: CancellationFields): Promise<boolean> {
  let query = db
    .updateTable('appointments')
    .set((eb) => ({
      status: 'annule',
      cancelled_by: fields.cancelledBy,
      cancelled_at: fields.cancelledAt,
      cancel_reason_code: fields.reasonCode,
      cancel_comment: fields.comment,
      cancel_availability: fields.availability ?? null,
      version: eb('version', '+', 1),
      sequence: eb('sequence', '+', 1),
      updated_at: fields.cancelledAt,
    }))
    .where('id', '=', where.id)
    .where(clientInScope('appointments.client_id', where.scope))
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

/**
 * Planned appointments of the agent or of the client that overlap [startsAt, endsAt), other than
 * `exceptId`: what a proposal may not collide with.
 */
export async function findOverlapping(db: Db, where: { agentId: number; clientId: number; startsAt: string; endsAt: string; exceptId?: number }): Promise<Appointment[]> {
  let query = db
    .selectFrom('appointments')
    .selectAll()
    .where('status', '=', 'planifie')
    .where((eb) => eb.or([eb('agent_id', '=', where.agentId), eb('client_id', '=', where.clientId)]))
    .where('starts_at', '<', where.endsAt)
    .where('ends_at', '>', where.startsAt);
  if (where.exceptId !== undefined) query = query.where('id', '!=', where.exceptId);
  return query.execute();
}

export interface ScheduleFields {
  kind: Appointment['kind'];
  starts_at: string;
  ends_at: string;
  mode: Appointment['mode'];
  phone_number: string | null;
  video_link: string | null;
  address: string | null;
}

/** An agent's change to a planned appointment, at the version they saw; the SEQUENCE goes up. */
export async function rescheduleIfVersion(db: Db, where: { id: number; scope: ClientScope; version: number }, fields: ScheduleFields & { change_note: string | null; updated_at: string }): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set((eb) => ({ ...fields, version: eb('version', '+', 1), sequence: eb('sequence', '+', 1) }))
    .where('id', '=', where.id)
    .where(clientInScope('appointments.client_id', where.scope))
    .where('status', '=', 'planifie')
    .where('version', '=', where.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** « Présent » / « Absent » on a planned appointment that has started, at the version seen. */
export async function recordOutcomeIfVersion(db: Db, where: { id: number; scope: ClientScope; version: number; now: string }, fields: { status: 'termine' | 'absent'; by: number }): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set((eb) => ({ status: fields.status, outcome_recorded_at: where.now, outcome_recorded_by: fields.by, updated_at: where.now, version: eb('version', '+', 1) }))
    .where('id', '=', where.id)
    .where(clientInScope('appointments.client_id', where.scope))
    .where('status', '=', 'planifie')
    .where('starts_at', '<=', where.now)
    .where('version', '=', where.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Closes the client's open re-proposal tasks: a new appointment was proposed. */
export async function closeReproposalTasks(db: Db, clientId: number, at: string): Promise<void> {
  await db.updateTable('agent_tasks').set({ done_at: at }).where('client_id', '=', clientId).where('kind', '=', 'reproposer').where('done_at', 'is', null).execute();
}

/**
 * Open re-proposal tasks of the clients in scope (or of one of them), with the client's name and
 * the availability given with the cancellation, soonest due first.
 */
export async function findOpenReproposals(db: Db, scope: ClientScope, clientId?: number) {
  let query = db
    .selectFrom('agent_tasks')
    .innerJoin('accounts as client', 'client.id', 'agent_tasks.client_id')
    .leftJoin('appointments as cancelled', 'cancelled.id', 'agent_tasks.appointment_id')
    .select([
      'agent_tasks.id',
      'agent_tasks.client_id',
      'agent_tasks.appointment_id',
      'agent_tasks.due_at',
      'agent_tasks.created_at',
      'client.display_name as client_name',
      'cancelled.cancel_availability as availability',
    ])
    .where('agent_tasks.kind', '=', 'reproposer')
    .where('agent_tasks.done_at', 'is', null)
    .where(clientInScope('agent_tasks.client_id', scope));
  if (clientId !== undefined) query = query.where('agent_tasks.client_id', '=', clientId);
  return query.orderBy('agent_tasks.due_at').orderBy('agent_tasks.id').execute();
}

/** Planned appointments of the clients in scope that have ended without a recorded outcome. */
export async function findAwaitingOutcome(db: Db, scope: ClientScope, now: string) {
  return (
    db
      .selectFrom('appointments')
      .innerJoin('accounts as client', 'client.id', 'appointments.client_id')
      .select(['appointments.id', 'appointments.client_id', 'appointments.kind', 'appointments.starts_at', 'appointments.ends_at', 'client.display_name as client_name'])
      // Literal, so that the partial index of planned appointments (migration 0017) applies: past
      // and still planned are few, even when the manager's scope is everyone.
      .where(sql<boolean>`appointments.status = 'planifie'`)
      .where('appointments.ends_at', '<=', now)
      .where(clientInScope('appointments.client_id', scope))
      .orderBy('appointments.ends_at')
      .execute()
  );
}

/**
 * Past appointments still planned, counted per the client's agent and end time: the manager's
 * dashboard counts 20,000 of them when outcomes fall behind at national scale, read from the
 * index alone (migration 0018), each end time's deadline then worked out once.
 */
export async function countAwaitingOutcomeByAgent(db: Db, scope: ClientScope, now: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('accounts as client', 'client.id', 'appointments.client_id')
    .select((eb) => ['client.agent_id', 'appointments.ends_at', eb.fn.countAll<number>().as('count')])
    .where(sql<boolean>`appointments.status = 'planifie'`)
    .where('appointments.ends_at', '<=', now)
    .where(clientInScope('appointments.client_id', scope))
    .where('client.agent_id', 'is not', null)
    .groupBy(['client.agent_id', 'appointments.ends_at'])
    .execute();
}

/**
 * Attended needs assessments of the clients in scope whose plan is not published yet: no plan at
 * all, or a plan still in the making. Those clients are read from the counts kept per client as
 * assessments and plans change (migration 0028, ADR 0015), the few of them a partial index holds,
 * rather than by asking of every attended assessment (100,000 at scale) whether its client has a
 * published plan.
 */
export async function findAssessmentsAwaitingPlan(db: Db, scope: ClientScope) {
  return (
    db
      .selectFrom('appointments')
      .innerJoin('accounts as client', 'client.id', 'appointments.client_id')
      .select(['appointments.id', 'appointments.client_id', 'appointments.ends_at', 'appointments.outcome_recorded_at', 'client.display_name as client_name'])
      // Literal, so that the partial index of attended assessments (migration 0017) applies.
      .where(sql<boolean>`appointments.kind = 'evaluation' and appointments.status = 'termine'`)
      .where(clientInScope('appointments.client_id', scope))
      // Literal, as the partial index of clients owed a plan is written.
      .where('appointments.client_id', 'in', (eb) => eb.selectFrom('client_plan_counts').select('client_plan_counts.client_id').where(sql<boolean>`owed = 1`))
      .orderBy('appointments.ends_at')
      .execute()
  );
}

/** Whether a client within the scope has attended a needs assessment (a plan may then be made). */
export async function hasAttendedAssessmentOf(db: Db, scope: ClientScope, clientId: number): Promise<boolean> {
  const row = await db
    .selectFrom('appointments')
    .select('id')
    .where('client_id', '=', clientId)
    .where('kind', '=', 'evaluation')
    .where('status', '=', 'termine')
    .where(clientInScope('appointments.client_id', scope))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
