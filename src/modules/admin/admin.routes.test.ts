import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

// Tuesday 1 December 2026, 10:00 in Québec: the demo data is laid out around it.
const START = new Date('2026-12-01T15:00:00Z');
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

/** Every manager page and form, as GET or POST (ids of the demo: agent 1+ exist; 999999 does not matter, 404 comes first). */
const MANAGER_PAGES = [
  '/gestion/journal',
  '/gestion/journal.csv',
  '/gestion',
  '/gestion?debut=2026-11-02&semaines=4',
  '/gestion/assignations',
  '/gestion/assignations/agents/1',
  '/gestion/reference',
  '/gestion/reference/raisons/nouvelle',
  '/gestion/reference/raisons/maladie',
  '/gestion/reference/catalogue/nouvelle',
  '/gestion/reference/catalogue/1',
  '/gestion/reference/fermetures/nouveau',
  '/gestion/reference/fermetures/2026-12-24',
];
const MANAGER_FORMS = [
  '/gestion/assignations/reassigner',
  '/gestion/assignations/reassigner/confirmer',
  '/gestion/demandes/1/assigner',
  '/gestion/reference/raisons/nouvelle',
  '/gestion/reference/raisons/maladie',
  '/gestion/reference/raisons/maladie/retirer',
  '/gestion/reference/raisons/maladie/retablir',
  '/gestion/reference/catalogue/nouvelle',
  '/gestion/reference/catalogue/1',
  '/gestion/reference/catalogue/1/retirer',
  '/gestion/reference/fermetures/nouveau',
  '/gestion/reference/fermetures/2026-12-24',
  '/gestion/reference/fermetures/2026-12-24/retirer',
];

describe(`the manager's side (${dialectName})`, () => {
  test('an agent and a client get 404 on every manager page and form, and change nothing; a visitor is sent to sign in', async (t) => {
    const { client, database } = await buildTestApp(t, { start: START });
    const before = await database.db.selectFrom('cancellation_reasons').select(['code', 'active']).orderBy('code').execute();
    for (const email of ['marie.tremblay@example.com', 'john.doe@example.com']) {
      const person = await client(email);
      for (const url of MANAGER_PAGES) assert.equal((await person.get(url)).statusCode, 404, `${email} GET ${url}`);
      for (const url of MANAGER_FORMS) assert.equal((await person.post(url, { labelFr: 'x', labelEn: 'x', sortOrder: '1', agent: '1', clients: '1', from: '1' })).statusCode, 404, `${email} POST ${url}`);
    }
    assert.deepEqual(await database.db.selectFrom('cancellation_reasons').select(['code', 'active']).orderBy('code').execute(), before);
    const visitor = await client();
    const anonymous = await visitor.get('/gestion/reference');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/connexion\?suivant=/);
    const admin = await client('admin@example.com');
    for (const url of MANAGER_PAGES) assert.equal((await admin.get(url)).statusCode, 200, `admin GET ${url}`);
    assert.match((await admin.get('/gestion')).body, /href="\/gestion"[^>]*aria-current="page"[^>]*>Tableau de bord<[\s\S]*Journal d(&#39;|')audit</);
  });

  test('the staff menu shows the manager’s entries to the manager only', async (t) => {
    const { client } = await buildTestApp(t, { start: START });
    const admin = await (await client('admin@example.com')).get('/gestion/reference');
    assert.match(admin.body, /href="\/gestion\/assignations"[^>]*>Réassigner</);
    assert.match(admin.body, /href="\/gestion\/reference"[^>]*aria-current="page"[^>]*>Données de référence</);
    const marie = await (await client('marie.tremblay@example.com')).get('/espace');
    assert.doesNotMatch(marie.body, /\/gestion/);
  });

  test('reassigning John from Marie to Luc: Luc lists John and his open work, Marie gets 404, the note is on John’s timeline', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    // John cancels an appointment: Marie owes him a new proposal (open work that must follow him).
    const john = await client('john.doe@example.com');
    const upcoming = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();
    assert.equal((await john.post(`/rendez-vous/${upcoming.id}/annuler`, { reason: 'maladie', version: String(upcoming.version) })).statusCode, 303);
    const marie = await client('marie.tremblay@example.com');
    assert.match((await marie.get('/espace')).body, /John Doe[\s\S]*proposer un nouveau rendez-vous/);

    const admin = await client('admin@example.com');
    const overview = await admin.get('/gestion/assignations');
    assert.match(overview.body, /Marie Tremblay[\s\S]*?<td[^>]*>3<\/td>/, 'Marie follows John, Jane and Ana');
    const caseload = await admin.get(`/gestion/assignations/agents/${demo.marie.id}`);
    assert.match(caseload.body, /Portefeuille de Marie Tremblay/);
    assert.match(caseload.body, /Ana Silva[\s\S]*Jane Roe[\s\S]*John Doe/);

    const fields = { from: String(demo.marie.id), clients: String(demo.john.id), agent: String(demo.luc.id), note: 'Congé de Marie : Luc reprend le dossier.' };
    // First post: the preview of what happens to John's upcoming appointment (the other one he cancelled; Luc is free then).
    const preview = await admin.post('/gestion/assignations/reassigner', fields);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Réassigner à Luc Gagnon\u202f: vérifier[\s\S]*John Doe[\s\S]*Visioconférence[\s\S]*Confié à Luc Gagnon/);
    assert.equal((await database.db.selectFrom('accounts').select('agent_id').where('id', '=', demo.john.id).executeTakeFirstOrThrow()).agent_id, demo.marie.id, 'nothing moved yet');
    const apercu = /name="apercu" value="([^"]*)"/.exec(preview.body)?.[1] ?? '';
    const moved = await admin.post('/gestion/assignations/reassigner/confirmer', { ...fields, apercu });
    assert.equal(moved.statusCode, 303);
    assert.match((await admin.get(String(moved.headers.location))).body, /1 client réassigné à Luc Gagnon\. Rendez-vous à venir confiés à Luc Gagnon\u202f: 1\u202f; annulés, à reproposer\u202f: 0\./);

    const luc = await client('luc.gagnon@example.com');
    assert.match((await luc.get('/espace/clients')).body, /John Doe/);
    assert.match((await luc.get('/espace')).body, /John Doe[\s\S]*proposer un nouveau rendez-vous/);
    const file = await luc.get(`/espace/clients/${demo.john.id}`);
    assert.equal(file.statusCode, 200);
    assert.match(file.body, /Dossier réassigné par la gestion[\s\S]*Note : Congé de Marie : Luc reprend le dossier\./);
    assert.equal((await marie.get(`/espace/clients/${demo.john.id}`)).statusCode, 404);
    assert.doesNotMatch((await marie.get('/espace')).body, /John Doe/);
    assert.doesNotMatch((await marie.get('/espace/clients')).body, /John Doe/);

    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'client.reassigned').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.client_id, demo.john.id);
    assert.equal(audit[0]?.actor_id, demo.admin.id);
    assert.deepEqual(JSON.parse(audit[0]?.details ?? '{}'), { from: demo.marie.id, to: demo.luc.id, note: 'Congé de Marie : Luc reprend le dossier.' });
  });

  test('« Réassigner » several clients at once; nothing ticked or no agent → 400 with the error summary', async (t) => {
    const { app, client, demo, database } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    const empty = await admin.post('/gestion/assignations/reassigner', { from: String(demo.marie.id), note: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /app-error-summary[\s\S]*Cochez au moins une personne\.[\s\S]*Choisissez la nouvelle agente ou le nouvel agent\./);
    const both = new URLSearchParams([
      ['_csrf', admin.csrf],
      ['from', String(demo.marie.id)],
      ['clients', String(demo.jane.id)],
      ['clients', String(demo.ana.id)],
      ['agent', String(demo.luc.id)],
      ['note', ''],
    ]);
    // Two ticked boxes send the same field twice, which the test client's record cannot express.
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const preview = await app.inject({ method: 'POST', url: '/gestion/assignations/reassigner', payload: both.toString(), headers });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<h2[^>]*>Jane Roe<\/h2>[\s\S]*Confié à Luc Gagnon[\s\S]*<h2[^>]*>Ana Silva<\/h2>[\s\S]*Aucun rendez-vous à venir\./);
    both.append('apercu', /name="apercu" value="([^"]*)"/.exec(preview.body)?.[1] ?? '');
    const stale = new URLSearchParams(both);
    stale.set('apercu', 'autre');
    const changed = await app.inject({ method: 'POST', url: '/gestion/assignations/reassigner/confirmer', payload: stale.toString(), headers });
    assert.equal(changed.statusCode, 409, 'a preview that no longer holds is shown again');
    assert.match(changed.body, /Les rendez-vous ont changé depuis l'aperçu/);
    const response = await app.inject({ method: 'POST', url: '/gestion/assignations/reassigner/confirmer', payload: both.toString(), headers });
    assert.equal(response.statusCode, 303);
    const agents = await database.db.selectFrom('accounts').select(['id', 'agent_id']).where('id', 'in', [demo.jane.id, demo.ana.id, demo.john.id]).orderBy('id').execute();
    assert.deepEqual(Object.fromEntries(agents.map((a) => [a.id, a.agent_id])), { [demo.john.id]: demo.marie.id, [demo.jane.id]: demo.luc.id, [demo.ana.id]: demo.luc.id });
    assert.equal((await database.db.selectFrom('audit_log').select('id').where('action', '=', 'client.reassigned').execute()).length, 2);
  });

  test('Jane reassigned to Luc: her assessment names Luc and his video room, she has one message and one e-mail; Marie’s agenda, queue and file drop her, Luc’s agenda holds it', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    // Jane's assessment is on Friday 4 December: in Marie's week before, in Luc's after.
    const week = '/espace/agenda?vue=semaine&date=2026-12-04';
    assert.match(mainOf((await marie.get(week)).body), /Jane Roe/);
    const admin = await client('admin@example.com');
    const fields = { from: String(demo.marie.id), clients: String(demo.jane.id), agent: String(demo.luc.id), note: '' };
    const preview = await admin.post('/gestion/assignations/reassigner', fields);
    assert.match(preview.body, /Jane Roe[\s\S]*Évaluation des besoins[\s\S]*Visioconférence[\s\S]*Confié à Luc Gagnon/);
    const apercu = /name="apercu" value="([^"]*)"/.exec(preview.body)?.[1] ?? '';
    assert.equal((await admin.post('/gestion/assignations/reassigner/confirmer', { ...fields, apercu })).statusCode, 303);

    const jane = await client('jane.roe@example.com');
    const assessment = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.jane.id).executeTakeFirstOrThrow();
    const page = await jane.get(`/rendez-vous/${assessment.id}`);
    assert.match(page.body, /Luc Gagnon/);
    assert.doesNotMatch(page.body, /Marie Tremblay|marie-tremblay/);
    assert.match(page.body, /rencontre\.example\.org\/aq\/luc-gagnon/);
    assert.equal(assessment.sequence, 1, 'calendars update the event');
    const messages = await database.db.selectFrom('messages').selectAll().where('client_id', '=', demo.jane.id).orderBy('id', 'desc').execute();
    assert.match(messages[0].body_fr, /suivi par Luc Gagnon[\s\S]*maintenu, avec Luc Gagnon/);
    assert.equal(messages.filter((m) => m.created_at === messages[0].created_at).length, 1, 'one message');
    const mails = await database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'jane.roe@example.com').where('created_at', '=', messages[0].created_at).execute();
    assert.equal(mails.length, 1, 'one e-mail');
    // The e-mail says what the message says, and its invitation updates the event (one appointment changed).
    assert.match(mails[0].body_text, /suivi par Luc Gagnon[\s\S]*maintenu, avec Luc Gagnon[\s\S]*rencontre\.example\.org\/aq\/luc-gagnon/);
    assert.equal(mails[0].calendar_method, 'REQUEST');
    assert.match(String(mails[0].calendar_ics), new RegExp(`UID:appointment-${assessment.id}@[\\s\\S]*SEQUENCE:1\r\n`));
    assert.match(String(mails[0].calendar_ics), /ORGANIZER[^\r]*luc\.gagnon@example\.com/);

    assert.doesNotMatch(mainOf((await marie.get(week)).body), /Jane Roe/);
    assert.match(mainOf((await (await client('luc.gagnon@example.com')).get(week)).body), /Jane Roe/);
    assert.equal((await marie.get(`/espace/clients/${demo.jane.id}`)).statusCode, 404);
    assert.equal((await marie.get(`/espace/rendez-vous/${assessment.id}`)).statusCode, 404);
    assert.doesNotMatch((await marie.get('/espace')).body, /Jane Roe/);
  });

  test('assigning Sam’s unassigned request to Luc: Sam becomes Luc’s client; a second assignment is refused', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const request = await database.db.selectFrom('intake_requests').select('id').where('client_id', '=', demo.sam.id).executeTakeFirstOrThrow();
    const admin = await client('admin@example.com');
    assert.match((await admin.get('/gestion/assignations')).body, /Demandes non assignées[\s\S]*Sam Nouveau/);
    const noAgent = await admin.post(`/gestion/demandes/${request.id}/assigner`, { agent: '' });
    assert.equal(noAgent.headers.location, '/gestion/assignations?ok=agent');
    const assigned = await admin.post(`/gestion/demandes/${request.id}/assigner`, { agent: String(demo.luc.id) });
    assert.equal(assigned.statusCode, 303);
    assert.match((await admin.get(String(assigned.headers.location))).body, /La demande de Sam Nouveau est assignée à Luc Gagnon/);
    const luc = await client('luc.gagnon@example.com');
    assert.match((await luc.get('/espace/clients')).body, /Sam Nouveau/);
    assert.match((await luc.get('/espace')).body, /Sam Nouveau[\s\S]*Nouvelle demande/);
    const again = await admin.post(`/gestion/demandes/${request.id}/assigner`, { agent: String(demo.marie.id) });
    assert.equal(again.headers.location, '/gestion/assignations?ok=deja');
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'request.assigned').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.client_id, demo.sam.id);
  });

  test('a retired cancellation reason leaves the client’s cancel form; John’s old cancellation still shows it', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    const upcoming = await database.db.selectFrom('appointments').select('id').where('client_id', '=', demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();
    assert.match((await john.get(`/rendez-vous/${upcoming.id}/annuler`)).body, /Conflit d(&#39;|')horaire/);

    const admin = await client('admin@example.com');
    const retired = await admin.post('/gestion/reference/raisons/conflit_horaire/retirer');
    assert.equal(retired.statusCode, 303);
    assert.match((await admin.get('/gestion/reference')).body, /Conflit d(&#39;|')horaire[\s\S]*?Retiré[\s\S]*?Rétablir/);

    assert.doesNotMatch((await john.get(`/rendez-vous/${upcoming.id}/annuler`)).body, /Conflit d(&#39;|')horaire/);
    assert.match((await john.get('/rendez-vous?onglet=termine')).body, /Conflit d(&#39;|')horaire/, 'the old cancellation keeps its reason');
    const refused = await john.post(`/rendez-vous/${upcoming.id}/annuler`, { reason: 'conflit_horaire' });
    assert.equal(refused.statusCode, 400);
    assert.equal((await database.db.selectFrom('audit_log').select('id').where('action', '=', 'reference.reason.retired').execute()).length, 1);
  });

  test('reasons: add (then offered to clients), edit, and a clear 400 on empty labels', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    const bad = await admin.post('/gestion/reference/raisons/nouvelle', { labelFr: '  ', labelEn: '', sortOrder: 'dix' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Libellé en français : ce renseignement est obligatoire\.[\s\S]*Ordre d'affichage : la valeur n'est pas valide\./);
    assert.equal((await admin.post('/gestion/reference/raisons/nouvelle', { labelFr: 'Déménagement', labelEn: 'Moving', sortOrder: '50' })).statusCode, 303);
    assert.equal((await admin.post('/gestion/reference/raisons/demenagement', { labelFr: 'Déménagement récent', labelEn: 'Recent move', sortOrder: '55' })).statusCode, 303);
    const row = await database.db.selectFrom('cancellation_reasons').selectAll().where('code', '=', 'demenagement').executeTakeFirstOrThrow();
    assert.deepEqual({ ...row }, { code: 'demenagement', label_fr: 'Déménagement récent', label_en: 'Recent move', active: 1, sort_order: 55 });
    const john = await client('john.doe@example.com');
    const upcoming = await database.db.selectFrom('appointments').select('id').where('client_id', '=', demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();
    assert.match((await john.get(`/rendez-vous/${upcoming.id}/annuler`)).body, /Déménagement récent/);
    const edits = await database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_type', '=', 'cancellation_reason').orderBy('id').execute();
    assert.deepEqual(
      edits.map((e) => e.action),
      ['reference.reason.added', 'reference.reason.edited'],
    );
  });

  test('catalogue: add an action, retire it; holidays are listed, not editable', async (t) => {
    const { client, database } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    const added = await admin.post('/gestion/reference/catalogue/nouvelle', {
      domain: 'EMPLOI',
      titleFr: 'Préparer son CV québécois',
      titleEn: 'Prepare a Québec-style résumé',
      descriptionFr: '',
      descriptionEn: '',
      durationDays: '21',
      sortOrder: '5',
    });
    assert.equal(added.statusCode, 303);
    const entry = await database.db.selectFrom('action_catalogue').selectAll().where('title_fr', '=', 'Préparer son CV québécois').executeTakeFirstOrThrow();
    assert.equal(entry.default_duration_days, 21);
    assert.equal((await admin.post(`/gestion/reference/catalogue/${entry.id}/retirer`)).statusCode, 303);
    assert.equal((await database.db.selectFrom('action_catalogue').select('active').where('id', '=', entry.id).executeTakeFirstOrThrow()).active, 0);
    const bad = await admin.post('/gestion/reference/catalogue/nouvelle', { domain: 'NOPE', titleFr: '', titleEn: 'x', durationDays: '0', sortOrder: '1' });
    assert.equal(bad.statusCode, 400);
    const page = await admin.get('/gestion/reference');
    assert.match(page.body, /Jours fériés[\s\S]*2026-12-25[\s\S]*Noël/);
    assert.doesNotMatch(page.body, /fermetures\/2026-12-25/, 'a holiday has no edit link');
  });

  test('a closure day added by the manager moves the due date in an agent’s queue; retiring it moves it back', async (t) => {
    const { client } = await buildTestApp(t, { start: START });
    const luc = await client('luc.gagnon@example.com');
    // Sam's request came Tuesday at 8:00: 24 business hours (8 h a day) → Thursday 16:00.
    assert.match((await luc.get('/espace')).body, /Sam Nouveau[\s\S]*Dû le jeudi 3 décembre 2026 à 16\sh\s00/);
    const admin = await client('admin@example.com');
    const taken = await admin.post('/gestion/reference/fermetures/nouveau', { date: '2026-12-02', labelFr: 'Formation du personnel', labelEn: 'Staff training' });
    assert.equal(taken.statusCode, 303);
    assert.match((await luc.get('/espace')).body, /Sam Nouveau[\s\S]*Dû le vendredi 4 décembre 2026 à 16\sh\s00/);
    const duplicate = await admin.post('/gestion/reference/fermetures/nouveau', { date: '2026-12-02', labelFr: 'x', labelEn: 'x' });
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /Date : cette valeur existe déjà\./);
    const invalid = await admin.post('/gestion/reference/fermetures/nouveau', { date: '2026-02-30', labelFr: 'x', labelEn: 'x' });
    assert.equal(invalid.statusCode, 400);
    assert.equal((await admin.post('/gestion/reference/fermetures/2026-12-02/retirer')).statusCode, 303);
    assert.match((await luc.get('/espace')).body, /Sam Nouveau[\s\S]*Dû le jeudi 3 décembre 2026 à 16\sh\s00/);
    assert.match((await admin.get('/gestion/reference')).body, /2026-12-02[\s\S]*?Formation du personnel[\s\S]*?Retiré/);
  });
});
