import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../../../test/helpers/database';
import { NotFoundError } from '../../platform/errors';
import { addNote, editNote, listNotes, noteHistory, noteOfClient } from './note.service';
import { addAction, createPlan, publishPlan } from './plan-editing.service';
import { planSetUp } from '../../../test/helpers/plan-editing';
import { actionsByDomain, getAction, getNote, planHomeFor } from './plan.service';

const action = { domain: 'FRANCISATION', title: 'Cours de français', description: '', dueOn: '', usefulInfo: '', lang: 'fr' as const };

describe(`an agent writes notes (${dialectName})`, () => {
  test('« Note au client » and « Note interne », on the file or on an action; the fields are checked', async (t) => {
    const { db, demo, marie, deps } = await planSetUp(t);
    const johnAction = await db.selectFrom('plan_actions').innerJoin('plans', 'plans.id', 'plan_actions.plan_id').select('plan_actions.id').where('plans.client_id', '=', demo.john.id).executeTakeFirstOrThrow();
    const onFile = await addNote(db, marie, { clientId: demo.john.id, visibility: 'client', body: '  Bonjour John.\r\n\r\nÀ bientôt. ', lang: 'fr' }, deps);
    assert.ok(onFile.ok);
    assert.equal(onFile.note.body, 'Bonjour John.\n\nÀ bientôt.');
    assert.equal(onFile.note.action_id, null);
    assert.equal(onFile.note.author_id, demo.marie.id);
    const onAction = await addNote(db, marie, { clientId: demo.john.id, actionId: johnAction.id, visibility: 'interne', body: 'Suivi serré.', lang: 'fr' }, deps);
    assert.ok(onAction.ok && onAction.note.action_id === johnAction.id);

    assert.deepEqual(await addNote(db, marie, { clientId: demo.john.id, visibility: 'client', body: '  ', lang: 'fr' }, deps), { ok: false, code: 'INVALID', codes: ['BODY_REQUIRED'] });
    assert.deepEqual(await addNote(db, marie, { clientId: demo.john.id, visibility: 'client', body: 'x'.repeat(5001), lang: 'fr' }, deps), { ok: false, code: 'INVALID', codes: ['BODY_TOO_LONG'] });
    assert.deepEqual(await addNote(db, marie, { clientId: demo.john.id, visibility: 'public', body: 'x', lang: 'fr' }, deps), { ok: false, code: 'INVALID', codes: ['VISIBILITY_INVALID'] });
    // An action of another client (Amina's draft, Luc's) is refused as a field, never written.
    const aminaAction = await db.selectFrom('plan_actions').innerJoin('plans', 'plans.id', 'plan_actions.plan_id').select('plan_actions.id').where('plans.client_id', '=', demo.amina.id).executeTakeFirstOrThrow();
    assert.deepEqual(await addNote(db, marie, { clientId: demo.john.id, actionId: aminaAction.id, visibility: 'client', body: 'x', lang: 'fr' }, deps), { ok: false, code: 'INVALID', codes: ['ACTION_INVALID'] });

    const lines = await db.selectFrom('audit_log').selectAll().where('action', '=', 'plan.note_added').execute();
    assert.equal(lines.length, 2);
    assert.ok(lines.every((line) => line.client_id === demo.john.id));
    assert.ok(
      lines.every((line) => !(line.details ?? '').includes('Suivi serré')),
      'the audit log does not copy note texts',
    );
  });

  test('« Modifier » keeps the earlier text in the history, bumps the version, and refuses a stale form', async (t) => {
    const { db, clock, demo, marie, deps } = await planSetUp(t);
    const added = await addNote(db, marie, { clientId: demo.john.id, visibility: 'client', body: 'Premier texte', lang: 'fr' }, deps);
    assert.ok(added.ok);
    clock.advance(60_000);
    const edited = await editNote(db, marie, { clientId: demo.john.id, noteId: added.note.id, version: 1, body: 'Deuxième texte' }, deps);
    assert.ok(edited.ok);
    assert.equal(edited.note.version, 2);
    assert.equal(edited.note.body, 'Deuxième texte');
    assert.equal(edited.note.updated_at, clock().toISOString());
    assert.deepEqual(await editNote(db, marie, { clientId: demo.john.id, noteId: added.note.id, version: 1, body: 'Perdu?' }, deps), { ok: false, code: 'NOTE_CHANGED' });
    assert.deepEqual(await editNote(db, marie, { clientId: demo.john.id, noteId: added.note.id, version: 2, body: '' }, deps), { ok: false, code: 'INVALID', codes: ['BODY_REQUIRED'] });
    await editNote(db, marie, { clientId: demo.john.id, noteId: added.note.id, version: 2, body: 'Troisième texte' }, deps);
    const { revisions } = await noteHistory(db, marie, { clientId: demo.john.id, noteId: added.note.id });
    assert.deepEqual(
      revisions.map((r) => r.body),
      ['Deuxième texte', 'Premier texte'],
      'newest first',
    );
    const listed = (await listNotes(db, marie, { clientId: demo.john.id })).notes.find((n) => n.note.id === added.note.id);
    assert.equal(listed?.revisions.length, 2);
    assert.equal((await db.selectFrom('audit_log').selectAll().where('action', '=', 'plan.note_edited').execute()).length, 2);
  });

  test('scope: Luc and clients reach none of it; a note named under another client’s file is not found', async (t) => {
    const { db, demo, marie, luc, ana, deps } = await planSetUp(t);
    const note = await addNote(db, marie, { clientId: demo.john.id, visibility: 'interne', body: 'Interne', lang: 'fr' }, deps);
    assert.ok(note.ok);
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['Luc adds', () => addNote(db, luc, { clientId: demo.john.id, visibility: 'client', body: 'x', lang: 'fr' }, deps)],
      ['Luc edits', () => editNote(db, luc, { clientId: demo.john.id, noteId: note.note.id, version: 1, body: 'x' }, deps)],
      ['Luc lists', () => listNotes(db, luc, { clientId: demo.john.id })],
      ['Luc history', () => noteHistory(db, luc, { clientId: demo.john.id, noteId: note.note.id })],
      ['Marie, wrong file', () => noteOfClient(db, marie, { clientId: demo.ana.id, noteId: note.note.id })],
      ['a client adds', () => addNote(db, ana, { clientId: demo.ana.id, visibility: 'client', body: 'x', lang: 'fr' }, deps)],
      ['a client lists', () => listNotes(db, ana, { clientId: demo.ana.id })],
    ];
    for (const [name, call] of calls) await assert.rejects(call, NotFoundError, name);
  });

  test('an internal note never reaches the client: not on the home page, the actions, the action page, nor by id', async (t) => {
    const { db, demo, marie, ana, deps, attendAnaAssessment } = await planSetUp(t);
    await attendAnaAssessment();
    await createPlan(db, marie, { clientId: demo.ana.id }, deps);
    const added = await addAction(db, marie, { clientId: demo.ana.id, ...action }, deps);
    assert.ok(added.ok);
    const internalOnFile = await addNote(db, marie, { clientId: demo.ana.id, visibility: 'interne', body: 'Interne dossier', lang: 'fr' }, deps);
    const internalOnAction = await addNote(db, marie, { clientId: demo.ana.id, actionId: added.action.id, visibility: 'interne', body: 'Interne action', lang: 'fr' }, deps);
    const forClient = await addNote(db, marie, { clientId: demo.ana.id, actionId: added.action.id, visibility: 'client', body: 'Pour Ana', lang: 'fr' }, deps);
    assert.ok(internalOnFile.ok && internalOnAction.ok && forClient.ok);
    assert.ok((await publishPlan(db, marie, { clientId: demo.ana.id }, deps)).ok);

    const home = await planHomeFor(db, ana);
    assert.ok(home.state === 'published');
    assert.deepEqual(home.notes, [], 'no internal file note');
    const { notes } = await getAction(db, ana, added.action.id);
    assert.deepEqual(
      notes.map((n) => n.body),
      ['Pour Ana'],
    );
    await assert.rejects(() => getNote(db, ana, internalOnFile.note.id), NotFoundError);
    await assert.rejects(() => getNote(db, ana, internalOnAction.note.id), NotFoundError);
    assert.equal((await getNote(db, ana, forClient.note.id)).note.body, 'Pour Ana');
    assert.ok(await actionsByDomain(db, ana, { tab: 'a-faire' }));
    // Staff see all three.
    assert.equal((await listNotes(db, marie, { clientId: demo.ana.id })).notes.length, 3);
  });
});
