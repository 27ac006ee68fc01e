import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

// Tuesday 1 December 2026, 10:00 in Québec: the demo data is laid out around it.
const START = new Date('2026-12-01T15:00:00Z');
const OWN = '/espace/disponibilites';
const week = (over: Record<string, string> = {}) => ({
  ...Object.fromEntries(
    [1, 2, 3, 4, 5].flatMap((d) => [
      [`works${d}`, '1'],
      [`start${d}`, '08:00'],
      [`end${d}`, '16:00'],
    ]),
  ),
  ...over,
});

describe(`« Mes disponibilités » (${dialectName})`, () => {
  test('an agent sets her week and an absence; both are audited and the proposal form follows them', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const page = await marie.get(OWN);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Mes disponibilités<\/h1>/);
    assert.match(page.body, /Heures ouvrables du service \(de 8 h à 16 h/);
    assert.match(page.body, /href="\/espace\/disponibilites"[^>]*>Mes disponibilités</, 'in the workspace navigation');
    assert.match(page.body, /<input type="date" id="startsOn"/);

    // Wednesday off, Thursday 9:00 to 12:00.
    const saved = await marie.post(`${OWN}/heures`, week({ works3: '', start4: '09:00', end4: '12:00' }));
    assert.equal(saved.statusCode, 303);
    const rows = await database.db.selectFrom('agent_weekly_hours').selectAll().where('agent_id', '=', demo.marie.id).orderBy('weekday').execute();
    assert.deepEqual(
      rows.map((r) => [r.weekday, r.start_minute, r.end_minute]),
      [
        [1, 480, 960],
        [2, 480, 960],
        [4, 540, 720],
        [5, 480, 960],
      ],
    );
    const after = await marie.get(String(saved.headers.location));
    assert.match(after.body, /Les heures sont enregistrées/);
    assert.match(after.body, /Heures personnalisées/);

    const added = await marie.post(`${OWN}/absences`, { kind: 'vacances', label: '', startsOn: '2026-12-21', endsOn: '2027-01-04' });
    assert.equal(added.statusCode, 303);
    assert.match((await marie.get(String(added.headers.location))).body, /Vacances<\/strong> — Du lundi 21 décembre 2026 au lundi 4 janvier 2027/);

    const audit = await database.db.selectFrom('audit_log').select(['action', 'subject_id', 'actor_id']).where('action', 'like', 'availability.%').orderBy('id').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['availability.hours_changed', 'availability.absence_added'],
    );
    assert.ok(audit.every((a) => a.subject_id === String(demo.marie.id) && a.actor_id === demo.marie.id));

    // The proposal refuses Wednesday (a day off) and a day of the absence, and says why.
    const form = { kind: 'suivi', duration: '60', mode: 'telephone', phoneNumber: '514 555-0101' };
    const wednesday = await marie.post(`/espace/clients/${demo.john.id}/rendez-vous/nouveau`, { ...form, date: '2026-12-02', time: '10:00' });
    assert.equal(wednesday.statusCode, 409);
    assert.match(wednesday.body, /en dehors des heures de disponibilité de l&#39;agente ou de l&#39;agent|en dehors des heures de disponibilité de l'agente ou de l'agent/);
    const holiday = await marie.post(`/espace/clients/${demo.john.id}/rendez-vous/nouveau`, { ...form, date: '2026-12-22', time: '10:00' });
    assert.equal(holiday.statusCode, 409);
    assert.match(holiday.body, /n&#39;est pas au travail ce jour-là|n'est pas au travail ce jour-là/);
    // And the free slots skip them: Thursday's first is at 9:00.
    const offered = await marie.get(`/espace/clients/${demo.john.id}/rendez-vous/nouveau`);
    assert.doesNotMatch(offered.body, /mercredi 2 décembre 2026 à/);
  });

  test('validation in the person’s language: hours in the wrong order, an « Autre » without its label, dates reversed or past', async (t) => {
    const { client, database } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const hours = await marie.post(`${OWN}/heures`, week({ start2: '15:00', end2: '09:00', start5: 'abc' }));
    assert.equal(hours.statusCode, 400);
    assert.match(hours.body, /L&#39;heure de fin doit suivre l&#39;heure de début pour\s:\smardi|L'heure de fin doit suivre l'heure de début pour\s:\smardi/);
    assert.match(hours.body, /value="15:00"/, 'what was typed is shown again');
    const absence = await marie.post(`${OWN}/absences`, { kind: 'autre', label: ' ', startsOn: '2026-12-10', endsOn: '2026-12-09' });
    assert.equal(absence.statusCode, 400);
    assert.match(absence.body, /Précisez la raison de cette absence/);
    assert.match(absence.body, /Le dernier jour doit être le premier jour ou un jour après/);
    const past = await marie.post(`${OWN}/absences`, { kind: 'formation', label: '', startsOn: '2026-11-02', endsOn: '2026-11-03' });
    assert.match(past.body, /Cette absence est déjà passée/);
    assert.equal((await marie.post('/langue', { lang: 'en', retour: OWN })).statusCode, 303);
    const en = await marie.post(`${OWN}/absences`, { kind: '', label: '', startsOn: 'x', endsOn: '' });
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /Choose the type of absence/);
    assert.match(en.body, /Enter a valid first day \(YYYY-MM-DD\)/);
    assert.equal(await database.db.selectFrom('agent_absences').select('id').executeTakeFirst(), undefined);
  });

  test('a manager sets any agent’s; an agent never reaches another’s (404), nor the manager’s path; a form without its token is refused', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const admin = await client('admin@example.com');
    const lucPath = `/gestion/personnel/${demo.luc.id}/disponibilites`;
    assert.match((await admin.get(`/gestion/assignations/agents/${demo.luc.id}`)).body, new RegExp(`href="${lucPath}">Disponibilités de Luc Gagnon<`), 'linked from his caseload page');
    const page = await admin.get(lucPath);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Disponibilités de Luc Gagnon<\/h1>/);
    const added = await admin.post(`${lucPath}/absences`, { kind: 'formation', label: '', startsOn: '2026-12-08', endsOn: '2026-12-08' });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, `${lucPath}?enregistre=ajoutee#absences`);
    const absence = await database.db.selectFrom('agent_absences').selectAll().executeTakeFirstOrThrow();
    assert.equal(absence.agent_id, demo.luc.id);
    assert.equal(absence.created_by, demo.admin.id);
    assert.equal((await admin.get(`/gestion/personnel/${demo.john.id}/disponibilites`)).statusCode, 404, 'a client has no availability');
    assert.equal((await admin.get(OWN)).statusCode, 404, 'a manager has none of their own');

    const marie = await client('marie.tremblay@example.com');
    assert.equal((await marie.get(lucPath)).statusCode, 404);
    assert.equal((await marie.post(`${lucPath}/absences`, { kind: 'vacances', label: '', startsOn: '2026-12-09', endsOn: '2026-12-09' })).statusCode, 404);
    assert.equal((await marie.post(`${OWN}/absences/${absence.id}/retirer`)).statusCode, 404, 'Luc’s absence through her own path');
    assert.equal((await database.db.selectFrom('agent_absences').select('id').execute()).length, 1);
    assert.equal((await marie.post(`${OWN}/absences`, { _csrf: null, kind: 'vacances', label: '', startsOn: '2026-12-09', endsOn: '2026-12-09' })).statusCode, 403);
    const john = await client('john.doe@example.com');
    assert.equal((await john.get(OWN)).statusCode, 404);

    const removed = await admin.post(`${lucPath}/absences/${absence.id}/retirer`);
    assert.equal(removed.statusCode, 303);
    assert.equal((await database.db.selectFrom('agent_absences').select('id').execute()).length, 0);
    const audit = await database.db.selectFrom('audit_log').select('action').where('action', 'like', 'availability.%').orderBy('id').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['availability.absence_added', 'availability.absence_removed'],
    );
  });
});
