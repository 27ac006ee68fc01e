import { sql } from 'kysely';
import type { Db } from '../../db/types';

/** The longest appointment (minutes) the forms offer, with room: a lower bound for the index scans below. */
const LONGEST_MINUTES = 24 * 60;

/**
 * The planned appointments of an agent or of a client that overlap [from, to), with the client's
 * name (a clash with the agent's own appointment names it). Two index ranges, one per person,
 * bounded on both sides by `starts_at`: an agent with a year of appointments reads only the window.
 */
export async function findPlannedOf(db: Db, where: { agentId: number; clientId: number; from: string; to: string; exceptId?: number }) {
  const earliestStart = new Date(Date.parse(where.from) - LONGEST_MINUTES * 60_000).toISOString();
  let query = db
    .selectFrom('appointments')
    .innerJoin('accounts as client', 'client.id', 'appointments.client_id')
    .select(['appointments.id', 'appointments.agent_id', 'appointments.client_id', 'appointments.starts_at', 'appointments.ends_at', 'client.display_name as client_name'])
    .where((eb) =>
      eb.or([
        eb.and([eb('appointments.agent_id', '=', where.agentId), eb('appointments.starts_at', '>=', earliestStart), eb('appointments.starts_at', '<', where.to)]),
        eb.and([eb('appointments.client_id', '=', where.clientId), eb('appointments.starts_at', '>=', earliestStart), eb('appointments.starts_at', '<', where.to)]),
      ]),
    )
    .where(sql<boolean>`appointments.status = 'planifie'`)
    .where('appointments.ends_at', '>', where.from);
  if (where.exceptId !== undefined) query = query.where('appointments.id', '!=', where.exceptId);
  return query.orderBy('appointments.starts_at').execute();
}

/** The « Vos disponibilités » of the client's latest cancellation of their own (null when they gave none). */
export async function findLatestCancelAvailability(db: Db, clientId: number): Promise<string | null> {
  const row = await db
    .selectFrom('appointments')
    .select('cancel_availability')
    .where('client_id', '=', clientId)
    .where('status', '=', 'annule')
    .whereRef('cancelled_by', '=', 'client_id')
    .orderBy('cancelled_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.cancel_availability ?? null;
}

/** True when the client attended a needs assessment (« Évaluation des besoins », status « Terminé »). */
export async function hasAttendedAssessment(db: Db, clientId: number): Promise<boolean> {
  const row = await db.selectFrom('appointments').select('id').where('client_id', '=', clientId).where(sql<boolean>`kind = 'evaluation' and status = 'termine'`).limit(1).executeTakeFirst();
  return row !== undefined;
}
