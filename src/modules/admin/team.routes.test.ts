import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { up as migrateTeams } from '../../db/migrations/0031-teams';

// Tuesday 1 December 2026, 10:00 in Québec: the demo data is laid out around it.
const START = new Date('2026-12-01T15:00:00Z');
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe(`« Équipes » and the agents suggested by language (${dialectName})`, () => {
  test('the manager adds and edits a team (names FR/EN, region from the list); refusals name the field; audited; others get 404', async (t) => {
    const { client, database } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    const page = mainOf((await admin.get('/gestion/reference')).body);
    assert.match(page, /<h2 id="equipes">Équipes<\/h2>[\s\S]*Montréal Centre[\s\S]*Montréal[\s\S]*Québec – Capitale-Nationale/);
    const form = mainOf((await admin.get('/gestion/reference/equipes/nouvelle')).body);
    assert.match(form, /<select id="region" name="region"><option value selected>Choisir…<\/option><option value="Bas-Saint-Laurent">/);

    const empty = await admin.post('/gestion/reference/equipes/nouvelle', { labelFr: ' ', labelEn: '', region: 'Atlantide' });
    assert.equal(empty.statusCode, 400);
    const errors = mainOf(empty.body);
    assert.match(errors, /<a href="#labelFr">Nom de l'équipe en français\u202f: /);
    assert.match(errors, /<a href="#labelEn">Nom de l'équipe en anglais\u202f: /);
    assert.match(errors, /<a href="#region">Région\u202f: /);
    const duplicate = await admin.post('/gestion/reference/equipes/nouvelle', { labelFr: 'montréal centre', labelEn: 'Downtown', region: 'Montréal' });
    assert.equal(duplicate.statusCode, 400, 'the same French name as a team that exists');

    const added = await admin.post('/gestion/reference/equipes/nouvelle', { labelFr: 'Laval – Nord', labelEn: 'Laval North', region: 'Laval' });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, '/gestion/reference?ok=1#equipes');
    const team = await database.db.selectFrom('teams').selectAll().where('code', '=', 'laval-nord').executeTakeFirstOrThrow();
    assert.deepEqual(team, { code: 'laval-nord', name_fr: 'Laval – Nord', name_en: 'Laval North', region: 'Laval', active: 1 });
    const edited = await admin.post('/gestion/reference/equipes/laval-nord', { labelFr: 'Laval', labelEn: 'Laval', region: 'Laval' });
    assert.equal(edited.statusCode, 303);
    assert.equal((await database.db.selectFrom('teams').select('name_fr').where('code', '=', 'laval-nord').executeTakeFirstOrThrow()).name_fr, 'Laval', 'renamed, same code');
    const audit = await database.db.selectFrom('audit_log').select(['action', 'subject_type', 'subject_id', 'details']).where('action', 'like', 'reference.team.%').orderBy('id').execute();
    assert.deepEqual(
      audit.map((line) => [line.action, line.subject_type, line.subject_id]),
      [
        ['reference.team.added', 'team', 'laval-nord'],
        ['reference.team.edited', 'team', 'laval-nord'],
      ],
    );
    assert.deepEqual(JSON.parse(String(audit[1]?.details)).before, { labelFr: 'Laval – Nord', labelEn: 'Laval North', region: 'Laval' });
    assert.equal((await admin.get('/gestion/reference/equipes/inconnue')).statusCode, 404, 'an unknown team');

    // In English, the English names.
    await admin.post('/langue', { lang: 'en', retour: '/gestion/reference' });
    assert.match(mainOf((await admin.get('/gestion/reference')).body), /<h2 id="equipes">Teams<\/h2>[\s\S]*Québec City – Capitale-Nationale/);

    for (const email of ['marie.tremblay@example.com', 'john.doe@example.com']) {
      const person = await client(email);
      assert.equal((await person.get('/gestion/reference/equipes/nouvelle')).statusCode, 404);
      assert.equal((await person.post('/gestion/reference/equipes/nouvelle', { labelFr: 'X', labelEn: 'X', region: 'Laval' })).statusCode, 404);
      assert.equal((await person.post('/gestion/reference/equipes/montreal-centre/retirer')).statusCode, 404);
    }
    assert.equal((await database.db.selectFrom('teams').select('code').execute()).length, 3);
  });

  test('« Assigner »: Sam (Spanish interpreter) is offered Luc first, as a suggestion, then Marie, each with their caseload; in English too', async (t) => {
    const { client } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    const page = mainOf((await admin.get('/gestion/assignations')).body);
    assert.match(page, /Sam Nouveau<\/th><td[^>]*>[\s\S]*?<option value="montreal-centre" selected>Montréal Centre<\/option>[\s\S]*?<\/td><td[^>]*>Espagnol · interprète\u202f: Espagnol<\/td>/);
    assert.match(
      page,
      /<optgroup label="Suggestions \(langue\u202f: Espagnol\)"><option value="\d+">Luc Gagnon \(Montréal Centre\) — 2 clients<\/option><\/optgroup><optgroup label="Autres agentes et agents"><option value="\d+">Marie Tremblay \(Montréal Centre\) — 3 clients<\/option><\/optgroup>/,
    );
    await admin.post('/langue', { lang: 'en', retour: '/gestion/assignations' });
    const english = mainOf((await admin.get('/gestion/assignations')).body);
    assert.match(english, /Spanish · interpreter: Espagnol/);
    assert.match(
      english,
      /<optgroup label="Suggested \(language: Spanish\)"><option value="\d+">Luc Gagnon \(Montréal Centre\) — 2 clients<\/option><\/optgroup><optgroup label="Other agents"><option value="\d+">Marie Tremblay/,
    );
  });

  test('« Réassigner » one client: « Suggestions pour … » ticks them and ranks the agents for them; the preview warns when the new agent does not speak their language', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    // Carlos (Luc's) speaks English only, by his request.
    await database.db
      .updateTable('intake_requests')
      .set({ answers: JSON.stringify({ identification: { location: 'quebec', arrivalDate: '2026-10-15', status: 'resident_permanent', fileNumber: '', adults: 0, children: 0, languages: ['en'], otherLanguages: '' } }) })
      .where('client_id', '=', demo.carlos.id)
      .execute();
    const admin = await client('admin@example.com');
    const caseload = mainOf((await admin.get(`/gestion/assignations/agents/${demo.luc.id}`)).body);
    assert.match(
      caseload,
      /Carlos Pérez <span class="app-hint-inline">\(AQ-\d+, carlos\.perez@example\.com\) · Anglais<\/span><\/label> <a href="\/gestion\/assignations\/agents\/\d+\?client=\d+#agent">Suggestions pour Carlos Pérez<\/a>/,
    );
    const forCarlos = mainOf((await admin.get(`/gestion/assignations/agents/${demo.luc.id}?client=${demo.carlos.id}`)).body);
    assert.match(forCarlos, new RegExp(`name="clients" value="${demo.carlos.id}" checked`));
    assert.match(forCarlos, /<optgroup label="Suggestions \(langue\u202f: Anglais\)"><option value="\d+">Marie Tremblay \(Montréal Centre\) — 3 clients<\/option><\/optgroup>/);
    // To Marie (English): said so; to someone without English: a warning.
    const toMarie = mainOf((await admin.post('/gestion/assignations/reassigner', { from: String(demo.luc.id), clients: [String(demo.carlos.id)], agent: String(demo.marie.id), note: '' })).body);
    assert.match(toMarie, /Marie Tremblay parle la langue demandée \(Anglais\)\./);
    await database.db.updateTable('accounts').set({ languages: 'fr' }).where('id', '=', demo.marie.id).execute();
    const warned = mainOf((await admin.post('/gestion/assignations/reassigner', { from: String(demo.luc.id), clients: [String(demo.carlos.id)], agent: String(demo.marie.id), note: '' })).body);
    assert.match(warned, /class="app-notice[^"]*"[\s\S]*Marie Tremblay ne parle pas la langue demandée \(Anglais\)\./);
  });

  test('an unassigned request goes to another team, chosen from the list: its agents see it, the others no longer; an unknown team is refused with a message', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const request = await database.db.selectFrom('intake_requests').select('id').where('client_id', '=', demo.sam.id).executeTakeFirstOrThrow();
    const admin = await client('admin@example.com');
    const page = mainOf((await admin.get('/gestion/assignations')).body);
    assert.match(
      page,
      new RegExp(`<select id="team-${request.id}" name="team"><option value="montreal-centre" selected>Montréal Centre</option><option value="capitale-nationale">Québec – Capitale-Nationale</option></select>`),
    );

    const unknown = await admin.post(`/gestion/demandes/${request.id}/equipe`, { team: 'inconnue' });
    assert.equal(unknown.statusCode, 400);
    assert.match(mainOf(unknown.body), /Équipe\u202f: choisissez une équipe de la liste/);
    const marie = await client('marie.tremblay@example.com');
    assert.equal((await marie.post(`/gestion/demandes/${request.id}/equipe`, { team: 'capitale-nationale' })).statusCode, 404);
    assert.match((await marie.get('/espace')).body, /Sam Nouveau/, 'in Marie’s team queue before');
    assert.equal((await database.db.selectFrom('intake_requests').select('team').where('id', '=', request.id).executeTakeFirstOrThrow()).team, 'montreal-centre', 'unchanged');

    const sent = await admin.post(`/gestion/demandes/${request.id}/equipe`, { team: 'capitale-nationale' });
    assert.equal(sent.statusCode, 303);
    assert.match(mainOf((await admin.get(String(sent.headers.location))).body), /La demande de Sam Nouveau est transmise à l'équipe Québec – Capitale-Nationale\./);
    assert.equal((await database.db.selectFrom('intake_requests').select('team').where('id', '=', request.id).executeTakeFirstOrThrow()).team, 'capitale-nationale');
    const audit = await database.db.selectFrom('audit_log').select(['details', 'client_id']).where('action', '=', 'request.team_changed').execute();
    assert.deepEqual(
      audit.map((line) => [line.client_id, JSON.parse(String(line.details))]),
      [[demo.sam.id, { before: { team: 'montreal-centre' }, after: { team: 'capitale-nationale' } }]],
    );
    assert.doesNotMatch((await marie.get('/espace')).body, /Sam Nouveau/, 'no longer in Marie’s team queue');

    // A retired team is not offered, and refused.
    await admin.post('/gestion/reference/equipes/montreal-centre/retirer');
    assert.equal((await admin.post(`/gestion/demandes/${request.id}/equipe`, { team: 'montreal-centre' })).statusCode, 400);
  });

  test('migration 0031 makes a team of every code in use, named after it', async (t) => {
    const { database } = await buildTestApp(t, { start: START });
    const db = database.db;
    await db.schema.dropTable('teams').execute();
    if (dialectName === 'postgres') await sql`drop function aq_bump_teams()`.execute(db);
    await db.updateTable('accounts').set({ team: 'laval_nord' }).where('email', '=', 'luc.gagnon@example.com').execute();
    await db.insertInto('team_scheduling_settings').values({ team: 'rive-sud', clients_choose_moment: 1, updated_at: START.toISOString(), updated_by: 1 }).execute();
    await migrateTeams(db);
    assert.deepEqual(await db.selectFrom('teams').selectAll().orderBy('code').execute(), [
      { code: 'laval_nord', name_fr: 'Laval Nord', name_en: 'Laval Nord', region: null, active: 1 },
      { code: 'montreal-centre', name_fr: 'Montreal Centre', name_en: 'Montreal Centre', region: null, active: 1 },
      { code: 'rive-sud', name_fr: 'Rive Sud', name_en: 'Rive Sud', region: null, active: 1 },
    ]);
  });
});
