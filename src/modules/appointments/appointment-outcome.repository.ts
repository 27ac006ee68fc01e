import { clientInScope } from '../../db/scope';
import type { Db } from '../../db/types';
import type { ClientScope } from '../../platform/access/actor';
import type { Appointment } from './appointment.tables';

/**
 * Staff's « Planifié » of one client within the scope: every appointment still planned, by start,
 * so that those past and awaiting their outcome come first (the agent's next task), then the ones
 * to come, soonest first.
 */
export async function findStaffPlanned(db: Db, scope: ClientScope, clientId: number): Promise<Appointment[]> {
  return db.selectFrom('appointments').selectAll().where('client_id', '=', clientId).where(clientInScope('appointments.client_id', scope)).where('status', '=', 'planifie').orderBy('starts_at').orderBy('id').execute();
}

/** Staff's « Terminé » of one client within the scope: attended, no-show or cancelled; latest first. */
export async function findStaffFinished(db: Db, scope: ClientScope, clientId: number): Promise<Appointment[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('client_id', '=', clientId)
    .where(clientInScope('appointments.client_id', scope))
    .where('status', '!=', 'planifie')
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Changes a recorded outcome (« Présent » ↔ « Absent ») at the version seen; when it was first recorded stays. */
export async function correctOutcomeIfVersion(db: Db, where: { id: number; scope: ClientScope; version: number; now: string }, fields: { status: 'termine' | 'absent' }): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set((eb) => ({ status: fields.status, updated_at: where.now, version: eb('version', '+', 1) }))
    .where('id', '=', where.id)
    .where(clientInScope('appointments.client_id', where.scope))
    .where('status', 'in', ['termine', 'absent'])
    .where('version', '=', where.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Whether the client has a plan (draft or published). Read here in SQL, like the queue's « publier
 * le plan » (appointment.repository.ts): the plans module already imports the workspace, which
 * asks this of the appointment page, so the answer cannot come through the plans service.
 */
export async function clientHasPlan(db: Db, clientId: number): Promise<boolean> {
  const row = await db.selectFrom('plans').select('plans.client_id').where('plans.client_id', '=', clientId).limit(1).executeTakeFirst();
  return row !== undefined;
}
