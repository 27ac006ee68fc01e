import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { DomainCode } from './domains';

/** Tables of the individualized action plan (PAI). */
export interface PlanTable {
  id: Generated<number>;
  /** One plan per client. */
  client_id: number;
  /** The agent who builds it. */
  agent_id: number;
  /** `brouillon` is seen by agents only; `publie` is what the client sees. */
  status: 'brouillon' | 'publie';
  published_at: string | null;
  published_by: number | null;
  created_at: string;
  updated_at: string | null;
}

export interface PlanActionTable {
  id: Generated<number>;
  plan_id: number;
  domain: DomainCode;
  /** Written by the agent, in the language they wrote it in. */
  title: string;
  description: string;
  /** « Informations utiles »: plain text; URLs in it are shown as links. Empty when none. */
  useful_info: string;
  /** The language the agent wrote in, so pages in the other language mark it (WCAG 3.1.2). */
  lang: ColumnType<'fr' | 'en', 'fr' | 'en' | undefined, 'fr' | 'en'>;
  status: 'a_faire' | 'completee';
  /** « Date de fin »: the Québec date (YYYY-MM-DD) the client marked it done; null while to do. */
  completed_on: string | null;
  /** « À terminer d'ici le »: the date the agent set for it (YYYY-MM-DD), shown to the client; null when none. Not the guide's « Date de fin ». */
  due_on: string | null;
  /** The catalogue entry it was made from, if any. */
  catalogue_id: number | null;
  /** Order within its domain. */
  position: number;
  /** Bumped by every change, so a stale form is detected instead of silently overwriting. */
  version: number;
  created_at: string;
  updated_at: string;
  /** The key of the « Ajouter une action » form it came from: the same form sent twice adds one action. */
  dedupe_key: ColumnType<string | null, string | null | undefined, never>;
}

export interface PlanNoteTable {
  id: Generated<number>;
  /** The client whose file the note is on. */
  client_id: number;
  /** Set when the note is about one action; null for a note on the file. */
  action_id: number | null;
  author_id: number;
  /** `interne` notes are for agents only and never reach a client by any route. */
  visibility: 'client' | 'interne';
  body: string;
  /** The language the agent wrote in (WCAG 3.1.2, language of parts). */
  lang: ColumnType<'fr' | 'en', 'fr' | 'en' | undefined, 'fr' | 'en'>;
  created_at: string;
  updated_at: string | null;
  version: Generated<number>;
  /** The key of the « Ajouter une note » form it came from: the same form sent twice adds one note. */
  dedupe_key: ColumnType<string | null, string | null | undefined, never>;
}

/** The earlier texts of an edited note, so an edit never loses what the client may have read. */
export interface PlanNoteRevisionTable {
  id: Generated<number>;
  note_id: number;
  body: string;
  edited_by: number;
  edited_at: string;
}

/** Common plan actions an agent picks from, in both languages. */
export interface ActionCatalogueTable {
  id: Generated<number>;
  domain: DomainCode;
  title_fr: string;
  title_en: string;
  description_fr: string;
  description_en: string;
  default_duration_days: number;
  active: number;
  sort_order: number;
}

export interface PlanTables {
  plans: PlanTable;
  plan_actions: PlanActionTable;
  plan_notes: PlanNoteTable;
  plan_note_revisions: PlanNoteRevisionTable;
  action_catalogue: ActionCatalogueTable;
}

export type Plan = Selectable<PlanTable>;
export type NewPlan = Insertable<PlanTable>;
export type PlanAction = Selectable<PlanActionTable>;
export type NewPlanAction = Insertable<PlanActionTable>;
export type PlanNote = Selectable<PlanNoteTable>;
export type NewPlanNote = Insertable<PlanNoteTable>;
export type PlanNoteRevision = Selectable<PlanNoteRevisionTable>;
export type CatalogueEntry = Selectable<ActionCatalogueTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends PlanTables {}
}
