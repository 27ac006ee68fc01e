import type { Db } from '../../db/types';
import { findAgentAppointmentsBetween } from './agent-calendar.repository';
import type { Appointment } from './appointment.tables';

/** An appointment as an agent's agenda and calendar feed show it. */
export interface AgentCalendarEntry {
  appointment: Appointment;
  clientName: string;
  /** The client's agent now (null: unassigned): another one means the client was reassigned. */
  clientAgentId: number | null;
}

/**
 * The appointments the agent holds that start in [from, to) (ISO instants), cancelled ones
 * included. Who may read them is the caller's policy (the agenda's, or the feed's secret).
 */
export async function agentAppointmentsBetween(db: Db, agentId: number, from: string, to: string): Promise<AgentCalendarEntry[]> {
  const rows = await findAgentAppointmentsBetween(db, agentId, from, to);
  return rows.map(({ client_name, client_agent_id, ...appointment }) => ({ appointment, clientName: client_name, clientAgentId: client_agent_id }));
}
