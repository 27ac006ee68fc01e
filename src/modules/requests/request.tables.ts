import type { Generated, Insertable, Selectable } from 'kysely';

/** A person's Accompagnement Québec request: what puts them in an agents' queue. */
export interface IntakeRequestTable {
  id: Generated<number>;
  client_id: number;
  /** The team whose agents see it while it is unassigned. */
  team: string;
  submitted_at: string;
  /** The agent who took it (« Prendre en charge »), and when. */
  taken_by: number | null;
  taken_at: string | null;
  /** When the first appointment was proposed: the request then leaves the queue. */
  first_proposed_at: string | null;
}

export interface RequestTables {
  intake_requests: IntakeRequestTable;
}

export type IntakeRequest = Selectable<IntakeRequestTable>;
export type NewIntakeRequest = Insertable<IntakeRequestTable>;
