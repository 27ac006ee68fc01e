import type { Db } from '../../db/types';
import type { Appointment } from './appointment.tables';

/** The planned appointments of these clients that have not started yet, soonest first. */
export async function findFuturePlannedOfClients(db: Db, clientIds: number[], now: string): Promise<Appointment[]> {
  if (clientIds.length === 0) return [];
  return db.selectFrom('appointments').selectAll().where('client_id', 'in', clientIds).where('status', '=', 'planifie').where('starts_at', '>', now).orderBy('starts_at').orderBy('id').execute();
}

/** The times of the agent's planned appointments that overlap [startsAt, endsAt) (served by the agent's index). */
export async function findAgentPlannedTimes(db: Db, agentId: number, startsAt: string, endsAt: string): Promise<Array<{ starts_at: string; ends_at: string }>> {
  return db.selectFrom('appointments').select(['starts_at', 'ends_at']).where('agent_id', '=', agentId).where('status', '=', 'planifie').where('starts_at', '<', endsAt).where('ends_at', '>', startsAt).execute();
}

/**
 * Gives a planned, future appointment to another agent at the version planned, with that agent's
 * video room for a video call; the iCalendar SEQUENCE goes up so calendars update the event.
 */
export async function moveToAgentIfVersion(db: Db, where: { id: number; version: number; now: string }, fields: { agentId: number; videoLink: string | null }): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set((eb) => ({ agent_id: fields.agentId, video_link: fields.videoLink, change_note: null, updated_at: where.now, version: eb('version', '+', 1), sequence: eb('sequence', '+', 1) }))
    .where('id', '=', where.id)
    .where('status', '=', 'planifie')
    .where('starts_at', '>', where.now)
    .where('version', '=', where.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Cancels a planned, future appointment because the client's agent changed, at the version
 * planned. It follows the file to the new agent (who re-proposes it), so the former agent's
 * agenda no longer holds a client they cannot reach.
 */
export async function cancelForNewAgentIfVersion(db: Db, where: { id: number; version: number; now: string }, fields: { agentId: number; cancelledBy: number; reasonCode: string }): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set((eb) => ({
      status: 'annule',
      agent_id: fields.agentId,
      cancelled_by: fields.cancelledBy,
      cancelled_at: where.now,
      cancel_reason_code: fields.reasonCode,
      cancel_comment: null,
      cancel_availability: null,
      updated_at: where.now,
      version: eb('version', '+', 1),
      sequence: eb('sequence', '+', 1),
    }))
    .where('id', '=', where.id)
    .where('status', '=', 'planifie')
    .where('starts_at', '>', where.now)
    .where('version', '=', where.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Appointments by id (after a change, to read what was written). */
export async function findAppointmentsByIds(db: Db, ids: number[]): Promise<Appointment[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('appointments').selectAll().where('id', 'in', ids).orderBy('starts_at').orderBy('id').execute();
}
