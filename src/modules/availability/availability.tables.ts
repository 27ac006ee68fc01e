import type { Generated, Insertable, Selectable } from 'kysely';

export type AbsenceKind = 'vacances' | 'formation' | 'autre';

/** An agent's hours on one ISO weekday (1 = Monday), minutes from midnight in Québec time. */
export interface AgentWeeklyHoursTable {
  agent_id: number;
  weekday: number;
  start_minute: number;
  end_minute: number;
}

/** An absence of whole Québec days, `starts_on` to `ends_on` inclusive ('YYYY-MM-DD'). */
export interface AgentAbsenceTable {
  id: Generated<number>;
  agent_id: number;
  kind: AbsenceKind;
  label: string | null;
  starts_on: string;
  ends_on: string;
  created_at: string;
  created_by: number;
}

/** Per team: may a client who cancelled choose their new moment (1) or not (0, the default). */
export interface TeamSchedulingSettingsTable {
  team: string;
  clients_choose_moment: number;
  updated_at: string;
  updated_by: number;
}

/** Tables of the availability module. */
export interface AvailabilityTables {
  agent_weekly_hours: AgentWeeklyHoursTable;
  agent_absences: AgentAbsenceTable;
  team_scheduling_settings: TeamSchedulingSettingsTable;
}

export type AgentWeeklyHours = Selectable<AgentWeeklyHoursTable>;
export type AgentAbsence = Selectable<AgentAbsenceTable>;
export type NewAgentAbsence = Insertable<AgentAbsenceTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends AvailabilityTables {}
}
