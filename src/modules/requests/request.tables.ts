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
  /** What the person answered (JSON of `IntakeAnswers`); null for requests made before the forms. */
  answers: string | null;
  /** The moment promised for the first proposal (24 business hours after submission). */
  due_at: string | null;
}

/** The request a person is writing, saved at each step; gone once transmitted. */
export interface IntakeDraftTable {
  client_id: number;
  /** JSON of the steps answered so far. */
  answers: string;
  created_at: string;
  updated_at: string;
}

export interface RequestTables {
  intake_requests: IntakeRequestTable;
  intake_drafts: IntakeDraftTable;
}

export type IntakeRequest = Selectable<IntakeRequestTable>;
export type NewIntakeRequest = Insertable<IntakeRequestTable>;
export type IntakeDraft = Selectable<IntakeDraftTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends RequestTables {}
}
