import type { Db } from '../../db/types';
import type { Appointment } from './appointment.tables';

export type AgentCalendarRow = Appointment & { client_name: string; client_agent_id: number | null };

/**
 * The appointments an agent holds (appointments.agent_id, whatever the client's current agent)
 * that start in [from, to), with the client's name and current agent, earliest first. The
 * (agent_id, starts_at) index serves it.
 */
export async function findAgentAppointmentsBetween(db: Db, agentId: number, from: string, to: string): Promise<AgentCalendarRow[]> {
  return db
    .selectFrom('appointments')
    .innerJoin('accounts as client', 'client.id', 'appointments.client_id')
    .selectAll('appointments')
    .select(['client.display_name as client_name', 'client.agent_id as client_agent_id'])
    .where('appointments.agent_id', '=', agentId)
    .where('appointments.starts_at', '>=', from)
    .where('appointments.starts_at', '<', to)
    .orderBy('appointments.starts_at')
    .orderBy('appointments.id')
    .execute();
}
