import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { NoteFieldCode } from './plan.errors';
import type { Locale } from '../../platform/i18n/locale';
import { type ClientIdentity, getClient } from '../accounts/directory.service';
import { findNotesOfClient, findRevisionsOfNotes, insertNoteRevision, type NoteWithAction, updateNoteBodyIfVersion } from './note.repository';
import { mayEditPlans, planAccess } from './plan.policy';
import { findAction, findNote, insertNote, insertNoteOnce } from './plan.repository';
import type { NewPlanNote, PlanNote, PlanNoteRevision } from './plan.tables';

export type { NoteWithAction };

export const NOTE_BODY_MAX = 5000;

export type NoteResult = { ok: true; note: PlanNote } | { ok: false; code: 'INVALID'; codes: NoteFieldCode[] } | { ok: false; code: 'NOTE_CHANGED' };

function refuseClients(actor: Actor): void {
  // Clients read notes through plan.service (their own, meant for them); they never write or list these.
  if (!mayEditPlans(actor)) throw new NotFoundError('PLAN.NOTE_NOT_FOUND');
}

const normalize = (text: string) => text.replace(/\r\n/g, '\n').trim();

function checkBody(body: string): NoteFieldCode[] {
  if (!body) return ['BODY_REQUIRED'];
  if (body.length > NOTE_BODY_MAX) return ['BODY_TOO_LONG'];
  return [];
}

/**
 * « Note au client » (`client`: the client reads it once the plan is published) or « Note
 * interne » (`interne`: staff only, never sent to a client by any route), on the file or on one
 * action of the client's plan. `formKey` (the form's hidden key) makes the same form sent twice,
 * even at once, write one note: the second answer is the first note.
 */
export async function addNote(db: Db, actor: Actor, input: { clientId: number; actionId?: number | null; visibility: string; body: string; lang: Locale; formKey?: string }, deps: { clock: Clock }): Promise<NoteResult> {
  refuseClients(actor);
  return inTransaction(db, async (trx) => {
    const client = await getClient(trx, actor, input.clientId);
    const body = normalize(input.body);
    const errors = checkBody(body);
    const visibility = input.visibility === 'client' || input.visibility === 'interne' ? input.visibility : null;
    if (!visibility) errors.push('VISIBILITY_INVALID');
    let actionId: number | null = null;
    if (input.actionId) {
      const action = await findAction(trx, planAccess(actor), input.actionId);
      if (!action || action.client_id !== client.id) errors.push('ACTION_INVALID');
      else actionId = action.id;
    }
    if (errors.length > 0 || !visibility) return { ok: false, code: 'INVALID', codes: errors };
    const at = deps.clock().toISOString();
    const row: NewPlanNote = { client_id: client.id, action_id: actionId, author_id: actor.id, visibility, body, lang: input.lang, created_at: at, updated_at: null };
    const { note, created } = input.formKey ? await insertNoteOnce(trx, { ...row, dedupe_key: formDedupeKey(actor, client.id, input.formKey) }) : { note: await insertNote(trx, row), created: true };
    // The same form sent again: the note it wrote, already audited.
    if (!created) return { ok: true, note };
    // The text is not copied into the audit log: the note and its revisions are its history.
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'plan.note_added',
      subjectType: 'plan_note',
      subjectId: note.id,
      clientId: client.id,
      ip: actor.ip ?? null,
      details: { after: { visibility, actionId, length: body.length, version: note.version } },
    });
    return { ok: true, note };
  });
}

/**
 * The stored key of a submitted form: whose form, for which client, and the form's own random key,
 * so that a key sent by one person for one file never finds another's row.
 */
export function formDedupeKey(actor: Actor, clientId: number, formKey: string): string {
  return `staff:${actor.id}:${clientId}:${formKey}`;
}

/** One note of the client's file, as staff see it; another client's note → not found. */
export async function noteOfClient(db: Db, actor: Actor, input: { clientId: number; noteId: number }): Promise<{ client: ClientIdentity; note: PlanNote }> {
  refuseClients(actor);
  const client = await getClient(db, actor, input.clientId);
  const note = await findNote(db, planAccess(actor), input.noteId);
  if (!note || note.client_id !== client.id) throw new NotFoundError('PLAN.NOTE_NOT_FOUND');
  return { client, note };
}

/**
 * « Modifier » a note at the version the agent saw: the earlier text goes into the note's history
 * (plan_note_revisions) in the same transaction, so nothing the client may have read is lost.
 */
export async function editNote(db: Db, actor: Actor, input: { clientId: number; noteId: number; version: number; body: string }, deps: { clock: Clock }): Promise<NoteResult> {
  refuseClients(actor);
  return inTransaction(db, async (trx) => {
    const { client, note: before } = await noteOfClient(trx, actor, input);
    const body = normalize(input.body);
    const errors = checkBody(body);
    if (errors.length > 0) return { ok: false, code: 'INVALID', codes: errors };
    if (before.version !== input.version) return { ok: false, code: 'NOTE_CHANGED' };
    const at = deps.clock().toISOString();
    if (!(await updateNoteBodyIfVersion(trx, before.id, input.version, body, at))) return { ok: false, code: 'NOTE_CHANGED' };
    await insertNoteRevision(trx, { note_id: before.id, body: before.body, edited_by: actor.id, edited_at: at });
    const { note: after } = await noteOfClient(trx, actor, input);
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'plan.note_edited',
      subjectType: 'plan_note',
      subjectId: after.id,
      clientId: client.id,
      ip: actor.ip ?? null,
      details: { visibility: after.visibility, before: { version: before.version, length: before.body.length }, after: { version: after.version, length: after.body.length } },
    });
    return { ok: true, note: after };
  });
}

/** A note's earlier texts, newest first. */
export async function noteHistory(db: Db, actor: Actor, input: { clientId: number; noteId: number }): Promise<{ note: PlanNote; revisions: PlanNoteRevision[] }> {
  const { note } = await noteOfClient(db, actor, input);
  return { note, revisions: await findRevisionsOfNotes(db, [note.id]) };
}

export interface StaffNoteView {
  note: NoteWithAction;
  revisions: PlanNoteRevision[];
}

/** Every note of the client's file (on the file and on actions, internal ones included), newest first, each with its history. */
export async function listNotes(db: Db, actor: Actor, input: { clientId: number }): Promise<{ client: ClientIdentity; notes: StaffNoteView[] }> {
  refuseClients(actor);
  const client = await getClient(db, actor, input.clientId);
  const notes = await findNotesOfClient(db, planAccess(actor), client.id);
  const revisions = await findRevisionsOfNotes(
    db,
    notes.map((note) => note.id),
  );
  return { client, notes: notes.map((note) => ({ note, revisions: revisions.filter((revision) => revision.note_id === note.id) })) };
}
