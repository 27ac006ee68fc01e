import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { FILE_VIEW_WINDOW_MS } from '../../platform/audit/file-view';

// Tuesday 1 December 2026, 10:00 in Québec: the demo data is laid out around it.
const START = new Date('2026-12-01T15:00:00Z');
const slot = (date: string, time: string, extra: Record<string, string> = {}) => ({ kind: 'suivi', date, time, duration: '60', mode: 'telephone', phoneNumber: '514 555-0101', ...extra });

async function proposeFor(marie: TestClient, clientId: number, form: Record<string, string>) {
  return marie.post(`/espace/clients/${clientId}/rendez-vous/nouveau`, form);
}

describe(`the agents' workspace (${dialectName})`, () => {
  test('« Ma file de travail »: Sam’s unassigned request for the team, Ana’s outcome to record, overdue first', async (t) => {
    const { client } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const queue = await marie.get('/espace');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /<h1>Ma file de travail<\/h1>/);
    assert.match(queue.body, /Sam Nouveau[\s\S]*Nouvelle demande : proposer le premier rendez-vous[\s\S]*Prendre en charge/);
    assert.match(queue.body, /Ana Silva[\s\S]*Résultat à inscrire/);
    assert.match(queue.body, /Dû dans \d h ouvrables|Dû le/);
    const luc = await client('luc.gagnon@example.com');
    assert.match((await luc.get('/espace')).body, /Sam Nouveau/, 'the same team sees the unassigned request');
    assert.doesNotMatch((await luc.get('/espace')).body, /Ana Silva/);
  });

  test('« Prendre en charge »: Sam becomes Marie’s client; Luc is then told it is taken', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const request = await database.db.selectFrom('intake_requests').select('id').where('client_id', '=', demo.sam.id).executeTakeFirstOrThrow();
    const marie = await client('marie.tremblay@example.com');
    const taken = await marie.post(`/espace/demandes/${request.id}/prendre`);
    assert.equal(taken.statusCode, 303);
    assert.equal(taken.headers.location, `/espace/clients/${demo.sam.id}?prise=1`);
    const file = await marie.get(String(taken.headers.location));
    assert.match(file.body, /Sam Nouveau fait maintenant partie de vos clients/);
    const luc = await client('luc.gagnon@example.com');
    const late = await luc.post(`/espace/demandes/${request.id}/prendre`);
    assert.equal(late.headers.location, '/espace?deja=1');
    assert.match((await luc.get('/espace?deja=1')).body, /déjà été prise en charge/);
    assert.equal((await luc.get(`/espace/clients/${demo.sam.id}`)).statusCode, 404);
  });

  test('Marie proposes Sam’s needs assessment: he sees it under « Planifié », with a message and an e-mail; the request leaves the queue', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const request = await database.db.selectFrom('intake_requests').select('id').where('client_id', '=', demo.sam.id).executeTakeFirstOrThrow();
    const marie = await client('marie.tremblay@example.com');
    await marie.post(`/espace/demandes/${request.id}/prendre`);
    const proposed = await proposeFor(marie, demo.sam.id, slot('2026-12-03', '10:00', { kind: 'evaluation', duration: '90' }));
    assert.equal(proposed.statusCode, 303, proposed.body.slice(0, 300));
    const details = await marie.get(String(proposed.headers.location));
    assert.match(details.body, /Le rendez-vous est enregistré/);
    assert.doesNotMatch((await marie.get('/espace')).body, /Sam Nouveau/);

    const sam = await client('sam.nouveau@example.com');
    const planned = await sam.get('/rendez-vous?onglet=planifie');
    assert.match(planned.body, /Évaluation des besoins/);
    const messages = await database.db.selectFrom('messages').selectAll().where('client_id', '=', demo.sam.id).execute();
    assert.equal(messages.length, 1);
    const mails = await database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'sam.nouveau@example.com').execute();
    assert.equal(mails.length, 1);
  });

  test('John cancels → Marie’s queue shows it due 2 business days later → she proposes another and the item closes', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    const upcoming = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();
    const cancelled = await john.post(`/rendez-vous/${upcoming.id}/annuler`, { reason: 'maladie', version: String(upcoming.version) });
    assert.equal(cancelled.statusCode, 303);
    const marie = await client('marie.tremblay@example.com');
    const queue = await marie.get('/espace');
    assert.match(queue.body, /John Doe[\s\S]*Rendez-vous annulé par la personne : proposer un nouveau rendez-vous[\s\S]*Dû le jeudi 3 décembre 2026 à 10\sh\s00/);
    const proposed = await proposeFor(marie, demo.john.id, slot('2026-12-02', '13:00'));
    assert.equal(proposed.statusCode, 303);
    assert.doesNotMatch((await marie.get('/espace')).body, /John Doe/);
  });

  test('Ana’s assessment « Présent » closes the outcome item and opens « publier le plan »', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const assessment = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.ana.id).executeTakeFirstOrThrow();
    const marie = await client('marie.tremblay@example.com');
    const page = await marie.get(`/espace/rendez-vous/${assessment.id}`);
    assert.match(page.body, /La personne était-elle présente/);
    const recorded = await marie.post(`/espace/rendez-vous/${assessment.id}/resultat`, { resultat: 'present', version: String(assessment.version) });
    assert.equal(recorded.statusCode, 303);
    const queue = await marie.get('/espace');
    assert.doesNotMatch(queue.body, /Résultat à inscrire/);
    assert.match(queue.body, /Ana Silva[\s\S]*Évaluation des besoins faite : publier le plan/);
    const again = await marie.post(`/espace/rendez-vous/${assessment.id}/resultat`, { resultat: 'absent', version: String(assessment.version) });
    assert.equal(again.statusCode, 409, 'a second outcome on a stale page changes nothing');
    const ana = await client('ana.silva@example.com');
    assert.match((await ana.get('/rendez-vous?onglet=termine')).body, /Terminé/);
  });

  test('a proposal with bad input or on a holiday is refused with the reason, and nothing is stored', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const before = (await database.db.selectFrom('appointments').select('id').execute()).length;
    const empty = await proposeFor(marie, demo.jane.id, {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Choisissez le type de rendez-vous\./);
    assert.match(empty.body, /Entrez une date valide/);
    const holiday = await proposeFor(marie, demo.jane.id, slot('2026-12-25', '10:00'));
    assert.equal(holiday.statusCode, 409);
    assert.match(holiday.body, /pas un jour ouvrable/);
    const late = await proposeFor(marie, demo.jane.id, slot('2026-12-03', '15:30'));
    assert.match(late.body, /heures ouvrables/);
    const noLink = await proposeFor(marie, demo.jane.id, slot('2026-12-03', '10:00', { mode: 'visioconference', videoLink: 'javascript:alert(1)' }));
    assert.equal(noLink.statusCode, 400);
    assert.match(noLink.body, /https:\/\//);
    assert.match(noLink.body, /fuseau horaire/, 'Jane is in Europe/Paris');
    assert.equal((await database.db.selectFrom('appointments').select('id').execute()).length, before);
  });

  test('« Mes clients »: Marie’s caseload only, searchable by name, e-mail and file number', async (t) => {
    const { client, demo } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const all = await marie.get('/espace/clients');
    for (const name of ['John Doe', 'Jane Roe', 'Ana Silva']) assert.match(all.body, new RegExp(name));
    for (const name of ['Amina Diallo', 'Carlos Pérez', 'Sam Nouveau']) assert.doesNotMatch(all.body, new RegExp(name));
    assert.match((await marie.get('/espace/clients?q=silva')).body, /Ana Silva/);
    assert.doesNotMatch((await marie.get('/espace/clients?q=silva')).body, /John Doe/);
    assert.match((await marie.get('/espace/clients?q=JANE.ROE%40')).body, /Jane Roe/);
    assert.match((await marie.get(`/espace/clients?q=AQ-${String(demo.john.id).padStart(6, '0')}`)).body, /John Doe/);
    assert.match((await marie.get('/espace/clients?q=%25')).body, /Aucun client ne correspond/, 'a % is searched for, not a wildcard');
    const admin = await client('admin@example.com');
    assert.match((await admin.get('/espace/clients')).body, /Amina Diallo/, 'a manager sees everyone');
  });

  test('the file shows identity, appointments, messages and the timeline; a message to the client reaches their centre once', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const file = await marie.get(`/espace/clients/${demo.john.id}`);
    assert.match(file.body, /Dossier de John Doe/);
    assert.match(file.body, /john\.doe@example\.com/);
    assert.match(file.body, /href="tel:\+15145550101"/);
    assert.match((await marie.get(`/espace/clients/${demo.john.id}?onglet=termine`)).body, /Annulé/);
    const form = await marie.get(`/espace/clients/${demo.john.id}/messages/nouveau`);
    const key = /name="cle" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const sent = await marie.post(`/espace/clients/${demo.john.id}/messages/nouveau`, { cle: key, subject: 'Documents à apporter', body: 'Apportez votre passeport.' });
    assert.equal(sent.statusCode, 303);
    await marie.post(`/espace/clients/${demo.john.id}/messages/nouveau`, { cle: key, subject: 'Documents à apporter', body: 'Apportez votre passeport.' });
    const rows = await database.db.selectFrom('messages').selectAll().where('client_id', '=', demo.john.id).where('subject_fr', '=', 'Documents à apporter').execute();
    assert.equal(rows.length, 1, 'a double submission writes one message');
    const john = await client('john.doe@example.com');
    assert.match((await john.get(`/messages/${rows[0].id}`)).body, /Apportez votre passeport\./);
    const after = await marie.get(`/espace/clients/${demo.john.id}`);
    assert.match(after.body, /Historique du dossier[\s\S]*Message envoyé à la personne par Marie Tremblay/);
    const invalid = await marie.post(`/espace/clients/${demo.john.id}/messages/nouveau`, { cle: key, subject: '', body: '' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /Entrez l'objet du message\./);
  });

  test('Luc gets 404 on John’s file and on every agent URL of John’s objects; a client gets 404 on the workspace', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const appointment = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.john.id).where('status', '=', 'planifie').executeTakeFirstOrThrow();
    const luc = await client('luc.gagnon@example.com');
    const john = `/espace/clients/${demo.john.id}`;
    for (const url of [
      john,
      `${john}/rendez-vous/nouveau`,
      `${john}/messages/nouveau`,
      `/espace/rendez-vous/${appointment.id}`,
      `/espace/rendez-vous/${appointment.id}/modifier`,
      `/espace/rendez-vous/${appointment.id}/annuler`,
    ]) {
      assert.equal((await luc.get(url)).statusCode, 404, url);
    }
    for (const [url, form] of [
      [`${john}/rendez-vous/nouveau`, slot('2026-12-03', '10:00')],
      [`${john}/messages/nouveau`, { subject: 'x', body: 'y' }],
      [`/espace/rendez-vous/${appointment.id}/modifier`, { ...slot('2026-12-03', '10:00'), version: String(appointment.version) }],
      [`/espace/rendez-vous/${appointment.id}/annuler`, { reason: 'maladie', version: String(appointment.version) }],
      [`/espace/rendez-vous/${appointment.id}/resultat`, { resultat: 'present', version: String(appointment.version) }],
    ] as const) {
      assert.equal((await luc.post(url, form)).statusCode, 404, url);
    }
    const unchanged = await database.db.selectFrom('appointments').selectAll().where('id', '=', appointment.id).executeTakeFirstOrThrow();
    assert.equal(unchanged.version, appointment.version);
    const johnClient = await client('john.doe@example.com');
    for (const url of ['/espace', '/espace/clients', john, `/espace/rendez-vous/${appointment.id}`]) assert.equal((await johnClient.get(url)).statusCode, 404, url);
  });

  test('Luc’s tries at John’s file, pages and appointment are audited: one line per minute with the count, as role denials are', async (t) => {
    const { client, demo, database, clock } = await buildTestApp(t, { start: START });
    const appointment = await database.db.selectFrom('appointments').select(['id', 'version']).where('client_id', '=', demo.john.id).where('status', '=', 'planifie').executeTakeFirstOrThrow();
    const luc = await client('luc.gagnon@example.com');
    const john = `/espace/clients/${demo.john.id}`;
    const tries = [john, `${john}/plan`, `${john}/notes`, `/espace/rendez-vous/${appointment.id}`, `${john}/messages/nouveau`];
    for (const url of tries) assert.equal((await luc.get(url)).statusCode, 404, url);
    assert.equal((await luc.post(`/espace/rendez-vous/${appointment.id}/annuler`, { reason: 'maladie', version: String(appointment.version) })).statusCode, 404);
    const lines = async () =>
      (await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'access.denied').where('actor_id', '=', demo.luc.id).orderBy('id').execute()).map((line) => ({
        ip: line.ip,
        ...JSON.parse(line.details ?? '{}'),
      }));
    assert.deepEqual(await lines(), [{ ip: '127.0.0.1', method: 'GET', url: john, role: 'agent', count: tries.length + 1, lastUrl: `/espace/rendez-vous/${appointment.id}/annuler` }]);
    clock.advance(61_000);
    await luc.get(`${john}/plan`);
    assert.deepEqual(
      (await lines()).map((line) => line.count),
      [tries.length + 1, 1],
      'a new minute, a new line',
    );
    // Luc's own client's pages are no refusal.
    const own = await database.db.selectFrom('accounts').select('id').where('agent_id', '=', demo.luc.id).where('role', '=', 'client').executeTakeFirstOrThrow();
    assert.equal((await luc.get(`/espace/clients/${own.id}/notes`)).statusCode, 200);
    assert.equal((await lines()).at(-1)?.count, 1);
  });

  test('opening John’s plan, notes, an appointment or a conversation directly is a file view: John’s « Consultations de mon dossier » shows it', async (t) => {
    const { client, demo, database, clock } = await buildTestApp(t, { start: START });
    const appointment = await database.db.selectFrom('appointments').select('id').where('client_id', '=', demo.john.id).executeTakeFirstOrThrow();
    const message = await database.db.selectFrom('messages').select('id').where('client_id', '=', demo.john.id).orderBy('id').executeTakeFirstOrThrow();
    const marie = await client('marie.tremblay@example.com');
    const views = async () =>
      (await database.db.selectFrom('audit_log').select(['actor_id', 'subject_id']).where('action', '=', 'client.file_viewed').execute()).filter((line) => line.subject_id === String(demo.john.id));
    const john = `/espace/clients/${demo.john.id}`;
    const pages = [`${john}/plan`, `${john}/notes`, `/espace/rendez-vous/${appointment.id}`, `${john}/messages/${message.id}`];
    for (const [i, url] of pages.entries()) {
      clock.advance(FILE_VIEW_WINDOW_MS + 1000);
      assert.equal((await marie.get(url)).statusCode, 200, url);
      assert.equal((await views()).length, i + 1, `${url} records a view`);
      await marie.get(url);
      assert.equal((await views()).length, i + 1, `${url} again within the quarter hour: the same line`);
    }
    assert.ok((await views()).every((line) => line.actor_id === demo.marie.id));
    const documents = await (await client('john.doe@example.com')).get('/mes-documents');
    assert.match(documents.body, /Consultations de mon dossier par le personnel[\s\S]*Marie Tremblay/);
  });

  test('« Modifier » and « Annuler » by the agent: the client sees the change and why', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const appointment = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.jane.id).executeTakeFirstOrThrow();
    const form = await marie.get(`/espace/rendez-vous/${appointment.id}/modifier`);
    assert.match(form.body, /name="version" value="1"/);
    const changed = await marie.post(`/espace/rendez-vous/${appointment.id}/modifier`, {
      ...slot('2026-12-07', '09:00', { kind: 'evaluation', mode: 'visioconference', videoLink: 'https://rencontre.example.org/aq/marie', duration: '90' }),
      note: 'Je serai en formation.',
      version: '1',
    });
    assert.equal(changed.statusCode, 303, changed.body.slice(0, 500));
    const stale = await marie.post(`/espace/rendez-vous/${appointment.id}/modifier`, { ...slot('2026-12-08', '09:00'), version: '1' });
    assert.equal(stale.statusCode, 409);
    const jane = await client('jane.roe@example.com');
    const messages = await jane.get('/messages');
    assert.match(messages.body, /Rendez-vous modifié/);
    const ics = await jane.get(`/rendez-vous/${appointment.id}/agenda.ics`);
    assert.match(ics.body, /SEQUENCE:1/);
    const cancel = await marie.post(`/espace/rendez-vous/${appointment.id}/annuler`, { reason: 'autre', comment: 'Un imprévu.', version: '2' });
    assert.equal(cancel.statusCode, 303);
    assert.match((await jane.get('/rendez-vous?onglet=termine')).body, /Annulé/);
    assert.match((await jane.get(`/rendez-vous/${appointment.id}/agenda.ics`)).body, /STATUS:CANCELLED/);
  });
});
