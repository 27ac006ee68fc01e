import type { Generated, Insertable, Selectable } from 'kysely';

export type AppointmentKind = 'evaluation' | 'suivi';
export type AppointmentMode = 'telephone' | 'visioconference' | 'en_personne';
export type AppointmentStatus = 'planifie' | 'termine' | 'absent' | 'annule';

export interface AppointmentTable {
  id: Generated<number>;
  client_id: number;
  agent_id: number;
  kind: AppointmentKind;
  /** ISO-8601 UTC. */
  starts_at: string;
  ends_at: string;
  mode: AppointmentMode;
  phone_number: string | null;
  video_link: string | null;
  address: string | null;
  status: Generated<AppointmentStatus>;
  cancelled_by: number | null;
  cancelled_at: string | null;
  cancel_reason_code: string | null;
  cancel_comment: string | null;
  /** « Vos disponibilités »: when the client could meet instead, given with the cancellation. */
  cancel_availability: string | null;
  version: Generated<number>;
  /** iCalendar SEQUENCE: bumped on every change the client's calendar must pick up. */
  sequence: Generated<number>;
  created_at: string;
  updated_at: string;
  /** When and by whom « Présent » / « Absent » was recorded. */
  outcome_recorded_at: string | null;
  outcome_recorded_by: number | null;
  /** Why the agent last changed it, shown to the client with the change. */
  change_note: string | null;
}

export interface CancellationReasonTable {
  code: string;
  label_fr: string;
  label_en: string;
  active: number;
  sort_order: number;
}

/** The agents' follow-up tasks (for now: propose a new appointment after a cancellation). */
export interface AgentTaskTable {
  id: Generated<number>;
  agent_id: number;
  client_id: number;
  appointment_id: number | null;
  kind: 'reproposer';
  due_at: string;
  done_at: string | null;
  created_at: string;
}

/** Tables of the appointments module. */
export interface AppointmentTables {
  appointments: AppointmentTable;
  cancellation_reasons: CancellationReasonTable;
  agent_tasks: AgentTaskTable;
}

export type Appointment = Selectable<AppointmentTable>;
export type NewAppointment = Insertable<AppointmentTable>;
export type CancellationReason = Selectable<CancellationReasonTable>;
export type AgentTask = Selectable<AgentTaskTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends AppointmentTables {}
}
