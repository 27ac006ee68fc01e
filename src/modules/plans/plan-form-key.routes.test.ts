import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

function keyIn(body: string): string {
  const match = body.match(/name="cle" value="([\w-]+)"/);
  assert.ok(match, 'the form carries its key');
  return match[1];
}

/**
 * « Ajouter une note » and « Ajouter une action » sent twice at once (a double click, a retry, two
 * tabs of one page) add one row, and both submissions are answered as a success pointing at it.
 */
describe(`the same plan form sent twice adds one row (${dialectName})`, () => {
  test('« Ajouter une note »: two parallel posts of one form → one note, one audit line, two 303s to it', async (t) => {
    const app = await buildTestApp(t);
    const john = app.demo.john.id;
    const marie = await app.client('marie.tremblay@example.com');
    const form = await marie.get(`/espace/clients/${john}/notes/nouvelle`);
    assert.equal(form.statusCode, 200);
    const fields = { visibility: 'interne', actionId: '', body: 'Appel fait, rappeler lundi.', cle: keyIn(form.body) };
    const answers = await Promise.all([marie.post(`/espace/clients/${john}/notes/nouvelle`, fields), marie.post(`/espace/clients/${john}/notes/nouvelle`, fields)]);
    assert.deepEqual(
      answers.map((answer) => answer.statusCode),
      [303, 303],
    );
    const notes = await app.database.db.selectFrom('plan_notes').select('id').where('client_id', '=', john).where('body', '=', fields.body).execute();
    assert.equal(notes.length, 1, 'one note');
    assert.deepEqual(
      answers.map((answer) => answer.headers.location),
      [0, 1].map(() => `/espace/clients/${john}/notes?fait=ajoutee#note-${notes[0].id}`),
    );
    const audited = await app.database.db.selectFrom('audit_log').select('id').where('action', '=', 'plan.note_added').where('subject_id', '=', String(notes[0].id)).execute();
    assert.equal(audited.length, 1, 'one audit line');

    // Another form (another key) with the same text is another note: the key is the form, not its words.
    const again = await marie.get(`/espace/clients/${john}/notes/nouvelle`);
    assert.notEqual(keyIn(again.body), fields.cle);
    assert.equal((await marie.post(`/espace/clients/${john}/notes/nouvelle`, { ...fields, cle: keyIn(again.body) })).statusCode, 303);
    assert.equal((await app.database.db.selectFrom('plan_notes').select('id').where('body', '=', fields.body).execute()).length, 2);
  });

  test('« Ajouter une action »: two parallel posts of one form → one action, two 303s to it; a refused form keeps its key', async (t) => {
    const app = await buildTestApp(t);
    const john = app.demo.john.id;
    const marie = await app.client('marie.tremblay@example.com');
    const form = await marie.get(`/espace/clients/${john}/plan/actions/nouvelle`);
    assert.equal(form.statusCode, 200);
    const key = keyIn(form.body);
    // Refused first (no title): the page shown again carries the same key.
    const refused = await marie.post(`/espace/clients/${john}/plan/actions/nouvelle`, { domain: 'EMPLOI', title: '', description: '', dueOn: '', usefulInfo: '', cle: key });
    assert.equal(refused.statusCode, 400);
    assert.equal(keyIn(refused.body), key);
    const fields = { domain: 'EMPLOI', title: 'Rencontrer un conseiller en emploi', description: '', dueOn: '', usefulInfo: '', cle: key };
    const answers = await Promise.all([marie.post(`/espace/clients/${john}/plan/actions/nouvelle`, fields), marie.post(`/espace/clients/${john}/plan/actions/nouvelle`, fields)]);
    assert.deepEqual(
      answers.map((answer) => answer.statusCode),
      [303, 303],
    );
    const actions = await app.database.db.selectFrom('plan_actions').select('id').where('title', '=', fields.title).execute();
    assert.equal(actions.length, 1, 'one action');
    assert.equal(answers[0].headers.location, answers[1].headers.location);
    assert.match(String(answers[0].headers.location), new RegExp(`#action-${actions[0].id}$`));
    const audited = await app.database.db.selectFrom('audit_log').select('id').where('action', '=', 'plan.action_added').where('subject_id', '=', String(actions[0].id)).execute();
    assert.equal(audited.length, 1, 'one audit line');
  });
});
