import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

// Tuesday 1 December 2026, 10:00 in Québec: the demo data is laid out around it. Marie's week
// (30 November – 4 December): Ana's assessment on Monday (held, outcome not recorded) and Jane's
// on Friday at 9:00; John's follow-up on Tuesday 8 December at 10:00.
const START = new Date('2026-12-01T15:00:00Z');

/** The text of one day's section of the agenda (its heading to the next section). */
function daySection(body: string, date: string): string {
  const start = body.indexOf(`<section class="app-agenda__day`, body.indexOf(`id="jour-${date}"`) - 200);
  assert.ok(start >= 0 && body.includes(`id="jour-${date}"`), `no section for ${date}`);
  return body.slice(start, body.indexOf('</section>', start));
}

describe(`« Mon agenda » (${dialectName})`, () => {
  test('this week, Monday to Friday: Ana’s past assessment reads « Résultat à inscrire », Jane’s links to its page; next week and back', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const page = await marie.get('/espace/agenda');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Mon agenda<\/h1>/);
    assert.match(page.body, /Semaine du lundi 30 novembre 2026 au vendredi 4 décembre 2026/);
    assert.match(page.body, /<a href="\/espace\/agenda" class="app-sidenav__link" aria-current="page">Mon agenda<\/a>/, 'linked from the workspace menu');
    assert.doesNotMatch(page.body, /id="jour-2026-12-05"|id="jour-2026-12-06"/, 'an empty weekend is not shown');

    const monday = daySection(page.body, '2026-11-30');
    assert.match(monday, /Ana Silva/);
    assert.match(monday, /Résultat à inscrire/);
    assert.doesNotMatch(monday, /Planifié/);
    const jane = await database.db.selectFrom('appointments').select('id').where('client_id', '=', demo.jane.id).executeTakeFirstOrThrow();
    const friday = daySection(page.body, '2026-12-04');
    assert.match(friday, /<time dateTime="2026-12-04T14:00:00.000Z">9\sh\s00<\/time> à <time dateTime="2026-12-04T15:30:00.000Z">10\sh\s30<\/time>/i);
    assert.match(friday, new RegExp(`<a href="/espace/rendez-vous/${jane.id}">Jane Roe</a>`));
    assert.match(friday, /Évaluation des besoins, visioconférence/);
    assert.match(friday, /Planifié/);
    assert.match(daySection(page.body, '2026-12-01'), /Aujourd'hui[\s\S]*Aucun rendez-vous\./);

    assert.match(page.body, /href="\/espace\/agenda\?vue=semaine&amp;date=2026-12-07">Semaine suivante/);
    assert.match(page.body, /href="\/espace\/agenda\?vue=semaine&amp;date=2026-11-23">Semaine précédente/);
    const next = await marie.get('/espace/agenda?vue=semaine&date=2026-12-07');
    assert.match(daySection(next.body, '2026-12-08'), /10\sh\s00<\/time> à <time[^>]*>11\sh\s00<\/time>[\s\S]*John Doe[\s\S]*Suivi, téléphone/);
    assert.match(next.body, /href="\/espace\/agenda\?vue=semaine&amp;date=2026-11-30">Semaine précédente/);
  });

  test('the day view, its previous and next days; English times', async (t) => {
    const { client } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const day = await marie.get('/espace/agenda?vue=jour&date=2026-12-04');
    assert.equal(day.statusCode, 200);
    assert.match(day.body, /<p class="app-agenda__period">vendredi 4 décembre 2026<\/p>/);
    assert.match(day.body, /Jane Roe/);
    assert.doesNotMatch(day.body, /Ana Silva/);
    assert.match(day.body, /href="\/espace\/agenda\?vue=jour&amp;date=2026-12-03">Jour précédent/);
    assert.match(day.body, /href="\/espace\/agenda\?vue=jour&amp;date=2026-12-05">Jour suivant/);
    assert.match(day.body, /href="\/espace\/agenda\?vue=jour&amp;date=2026-12-04" aria-current="true">Jour/);
    // A Saturday opened as a day is shown, empty.
    assert.match((await marie.get('/espace/agenda?vue=jour&date=2026-12-05')).body, /samedi 5 décembre 2026[\s\S]*Aucun rendez-vous/);

    await marie.post('/langue', { lang: 'en', retour: '/espace/agenda' });
    const english = await marie.get('/espace/agenda?vue=jour&date=2026-12-04');
    assert.match(english.body, /<h1>My calendar<\/h1>/);
    assert.match(english.body, /9:00\sa\.m\.<\/time> to <time[^>]*>10:30\sa\.m\.<\/time>/);
    assert.match(english.body, /Needs assessment, video conference/);
  });

  test('a malformed address is a 400 page that says what to write, never a 500', async (t) => {
    const { client } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    for (const query of ['date=2026-02-30', 'date=abc', 'date=2026-1-5', 'date=1850-01-01', 'date=2026-12-01&date=2026-12-02', 'date=', 'date=2026-12-01T10:00']) {
      const page = await marie.get(`/espace/agenda?${query}`);
      assert.equal(page.statusCode, 400, query);
      assert.match(page.body, /Écrivez une date réelle au format AAAA-MM-JJ/, query);
      assert.match(page.body, /<a href="\/espace\/agenda">Ouvrir la semaine en cours<\/a>/);
    }
    const view = await marie.get('/espace/agenda?vue=mois');
    assert.equal(view.statusCode, 400);
    assert.match(view.body, /choisissez «\sjour\s» ou «\ssemaine\s»/);
  });

  test('an agent reaches only their own agenda (404 for another’s, bad date or not); a manager opens any agent’s', async (t) => {
    const { client, demo } = await buildTestApp(t, { start: START });
    const luc = await client('luc.gagnon@example.com');
    assert.equal((await luc.get(`/espace/agenda/${demo.marie.id}`)).statusCode, 404);
    assert.equal((await luc.get(`/espace/agenda/${demo.marie.id}?date=nope`)).statusCode, 404);
    assert.doesNotMatch((await luc.get('/espace/agenda')).body, /Jane Roe|Ana Silva/);
    assert.equal((await luc.get(`/espace/agenda/${demo.luc.id}`)).statusCode, 200, 'their own, by id');
    const john = await client('john.doe@example.com');
    assert.equal((await john.get('/espace/agenda')).statusCode, 404);

    const admin = await client('admin@example.com');
    // Reached from the staff list and from the agent's caseload.
    const agendaLink = `href="/espace/agenda/${demo.marie.id}"`;
    assert.match((await admin.get('/gestion/personnel')).body, new RegExp(`<a ${agendaLink} aria-label="Agenda de Marie Tremblay">Agenda</a>`));
    assert.match((await admin.get(`/gestion/assignations/agents/${demo.marie.id}`)).body, new RegExp(`<a ${agendaLink}>Agenda de Marie Tremblay</a>`));
    const marieAgenda = await admin.get(`/espace/agenda/${demo.marie.id}?vue=semaine&date=2026-12-01`);
    assert.equal(marieAgenda.statusCode, 200);
    assert.match(marieAgenda.body, /<h1>Agenda de Marie Tremblay<\/h1>/);
    assert.doesNotMatch(marieAgenda.body, /aria-current="page"/, 'not under « Ma file de travail »');
    assert.match(marieAgenda.body, /Ana Silva[\s\S]*Jane Roe/);
    assert.match(marieAgenda.body, /href="\/espace\/agenda\/\d+\?vue=semaine&amp;date=2026-12-07">Semaine suivante/);
    assert.doesNotMatch(marieAgenda.body, /S'abonner à mon agenda/, 'the secret address is the agent’s own');
    for (const other of [demo.admin.id, demo.john.id, 999_999]) assert.equal((await admin.get(`/espace/agenda/${other}`)).statusCode, 404, String(other));
    assert.equal((await admin.get('/espace/agenda')).statusCode, 404, 'a manager holds no appointments');
  });

  test('closure days, public holidays and the agent’s absences mark their days', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    await database.db
      .insertInto('agent_absences')
      .values({ agent_id: demo.marie.id, kind: 'vacances', label: 'Voyage', starts_on: '2026-12-22', ends_on: '2027-01-05', created_at: START.toISOString(), created_by: demo.marie.id })
      .execute();
    await database.db
      .insertInto('agent_absences')
      .values({ agent_id: demo.luc.id, kind: 'formation', label: null, starts_on: '2026-12-21', ends_on: '2026-12-21', created_at: START.toISOString(), created_by: demo.luc.id })
      .execute();
    const marie = await client('marie.tremblay@example.com');
    const week = await marie.get('/espace/agenda?date=2026-12-23');
    assert.doesNotMatch(daySection(week.body, '2026-12-21'), /Absence/, 'Luc’s training is not Marie’s');
    assert.match(daySection(week.body, '2026-12-22'), /Absence\s: Vacances \(Voyage\), du mardi 22 décembre 2026 au mardi 5 janvier 2027/);
    assert.match(daySection(week.body, '2026-12-24'), /Service fermé\s: Veille de Noël/);
    assert.match(daySection(week.body, '2026-12-25'), /Jour férié\s: <span>Noël<\/span>/);
    await marie.post('/langue', { lang: 'en', retour: '/espace/agenda' });
    const english = await marie.get('/espace/agenda?date=2026-12-23');
    assert.match(daySection(english.body, '2026-12-24'), /Service closed: Christmas Eve/);
    assert.match(daySection(english.body, '2026-12-25'), /Public holiday: <span lang="fr">Noël<\/span>/);
    assert.match(daySection(english.body, '2026-12-22'), /Absence: Vacation \(Voyage\)/);
  });

  test('kept in the page cache until one of the agent’s appointments or absences changes', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const first = await marie.get('/espace/agenda');
    const again = await marie.get('/espace/agenda', { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.statusCode, 304, 'unchanged: answered from memory');

    await database.db
      .insertInto('agent_absences')
      .values({ agent_id: demo.marie.id, kind: 'formation', label: 'Premiers soins', starts_on: '2026-12-03', ends_on: '2026-12-03', created_at: START.toISOString(), created_by: demo.marie.id })
      .execute();
    const withAbsence = await marie.get('/espace/agenda', { 'if-none-match': String(first.headers.etag) });
    assert.equal(withAbsence.statusCode, 200);
    assert.match(withAbsence.body, /Absence\s: Formation \(Premiers soins\)/);

    // Jane is reassigned to Luc, then her appointment (still Marie's) is cancelled: Marie's page
    // moves although Jane is no longer her client, and the cancelled appointment leaves it.
    await database.db.updateTable('accounts').set({ agent_id: demo.luc.id }).where('id', '=', demo.jane.id).execute();
    const reassigned = await marie.get('/espace/agenda');
    assert.match(reassigned.body, /Jane Roe/, 'a planned appointment she still holds stays, not linked');
    assert.doesNotMatch(reassigned.body, /href="\/espace\/rendez-vous\/\d+">Jane Roe/);
    await database.db.updateTable('appointments').set({ status: 'annule' }).where('client_id', '=', demo.jane.id).execute();
    const after = await marie.get('/espace/agenda', { 'if-none-match': String(reassigned.headers.etag) });
    assert.equal(after.statusCode, 200);
    assert.doesNotMatch(after.body, /Jane Roe/);
  });

  test('a weekend day appears in the week only when an appointment falls on it', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const saturday = {
      client_id: demo.john.id,
      agent_id: demo.marie.id,
      kind: 'suivi' as const,
      mode: 'telephone' as const,
      phone_number: '514 555-0101',
      created_at: START.toISOString(),
      updated_at: START.toISOString(),
    };
    await database.db
      .insertInto('appointments')
      .values({ ...saturday, starts_at: '2026-12-05T15:00:00.000Z', ends_at: '2026-12-05T16:00:00.000Z' })
      .execute();
    const marie = await client('marie.tremblay@example.com');
    const week = await marie.get('/espace/agenda');
    assert.match(daySection(week.body, '2026-12-05'), /samedi 5 décembre 2026[\s\S]*10\sh\s00[\s\S]*John Doe/);
    assert.doesNotMatch(week.body, /id="jour-2026-12-06"/);
    assert.match(week.body, /Semaine du lundi 30 novembre 2026 au samedi 5 décembre 2026/);
  });
});
