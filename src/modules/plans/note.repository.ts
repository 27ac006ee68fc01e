import { clientInScope } from '../../db/scope';
import type { Db } from '../../db/types';
import type { PlanAccess } from './plan.policy';
import type { PlanNote, PlanNoteRevision } from './plan.tables';

/** A note with the title of the action it is on (null for a note on the file). */
export type NoteWithAction = PlanNote & { action_title: string | null };

/**
 * Every note of a client's file within reach, on the file and on its actions, newest first; a
 * reader who does not see internal notes never gets one.
 */
export async function findNotesOfClient(db: Db, access: PlanAccess, clientId: number): Promise<NoteWithAction[]> {
  let query = db
    .selectFrom('plan_notes')
    .leftJoin('plan_actions', 'plan_actions.id', 'plan_notes.action_id')
    .selectAll('plan_notes')
    .select('plan_actions.title as action_title')
    .where('plan_notes.client_id', '=', clientId)
    .where(clientInScope('plan_notes.client_id', access.scope));
  if (!access.seesInternalNotes) query = query.where('plan_notes.visibility', '=', 'client');
  return query.orderBy('plan_notes.created_at', 'desc').orderBy('plan_notes.id', 'desc').execute();
}

/** The earlier texts of some notes, newest first. */
export async function findRevisionsOfNotes(db: Db, noteIds: number[]): Promise<PlanNoteRevision[]> {
  if (noteIds.length === 0) return [];
  return db.selectFrom('plan_note_revisions').selectAll().where('note_id', 'in', noteIds).orderBy('edited_at', 'desc').orderBy('id', 'desc').execute();
}

export async function insertNoteRevision(db: Db, revision: { note_id: number; body: string; edited_by: number; edited_at: string }): Promise<void> {
  await db.insertInto('plan_note_revisions').values(revision).execute();
}

/** Replaces a note's text only if nobody changed it since `expectedVersion` was read. */
export async function updateNoteBodyIfVersion(db: Db, noteId: number, expectedVersion: number, body: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('plan_notes')
    .set((eb) => ({ body, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', noteId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
