import type { Selectable } from 'kysely';

/** A form posted after its session ended, kept for the account it was typed for (form-draft.service.ts). */
export interface FormDraftTable {
  /** sha256 of the random id in the person's cookie. */
  id: string;
  account_id: number;
  /** The page the form was on: where the person lands after signing in again. */
  return_path: string;
  /** The path the form posts to: the page pre-fills only the form with that action. */
  action: string;
  /** The posted fields as JSON (`Record<string, string | string[]>`), never a password or `_csrf`. */
  fields: string;
  created_at: string;
  expires_at: string;
}

export interface FormDraftTables {
  form_drafts: FormDraftTable;
}

export type FormDraft = Selectable<FormDraftTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends FormDraftTables {}
}
