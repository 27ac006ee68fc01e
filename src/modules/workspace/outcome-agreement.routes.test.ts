import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

// Tuesday 1 December 2026, 10:00 in Québec: Ana's needs assessment was yesterday, its outcome not recorded.
const START = new Date('2026-12-01T15:00:00Z');
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const button = (value: string, label: string) => new RegExp(`name="resultat" value="${value}"[^>]*>${label}<`);

/** Issue 20, item 6: what the service writes about a client agrees with their « Accord en français ». */
describe(`the outcome agrees with the client (${dialectName})`, () => {
  test('Ana says « Féminin »: Marie is asked « La personne était-elle présente ? » with « Présente » / « Absente »; Ana reads « Absente »; « Masculin » gives « Présent »', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const assessment = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.ana.id).executeTakeFirstOrThrow();
    const ana = await client('ana.silva@example.com');
    const marie = await client('marie.tremblay@example.com');
    const fields = { name: 'Ana Silva', phone: '', locale: 'fr', timeZone: 'America/Toronto', emailNotifications: '1' };
    const path = `/espace/rendez-vous/${assessment.id}`;

    const unsaid = mainOf((await marie.get(path)).body);
    assert.match(unsaid, /<legend>La personne était-elle présente\u202f\?<\/legend>/);
    assert.match(unsaid, button('present', 'Présence'));
    assert.match(unsaid, button('absent', 'Absence'));

    assert.equal((await ana.post('/profil/informations', { ...fields, gender: 'feminine' })).statusCode, 303);
    const page = mainOf((await marie.get(path)).body);
    assert.match(page, button('present', 'Présente'));
    assert.match(page, button('absent', 'Absente'));
    const ask = mainOf((await marie.post(`${path}/resultat`, { resultat: 'absent', version: String(assessment.version) })).body);
    assert.match(ask, /La personne n'est pas venue au rendez-vous\u202f\? Elle verra «\u202fAbsente\u202f»/);
    assert.match(ask, />Oui, la personne était absente</);
    assert.equal((await marie.post(`${path}/resultat`, { resultat: 'absent', confirme: '1', version: String(assessment.version) })).statusCode, 303);
    assert.match(mainOf((await ana.get('/rendez-vous?onglet=termine')).body), />Absente</);
    assert.match(mainOf((await marie.get(`/espace/clients/${demo.ana.id}?onglet=termine`)).body), />Absente</);

    assert.equal((await ana.post('/profil/informations', { ...fields, gender: 'masculine' })).statusCode, 303);
    assert.match(mainOf((await marie.get(path)).body), button('present', 'Présent'), 'the correction offers « Présent »');
    assert.match(mainOf((await ana.get('/rendez-vous?onglet=termine')).body), />Absent</);
    await ana.post('/langue', { lang: 'en', retour: '/' });
    assert.match(mainOf((await ana.get('/rendez-vous?onglet=termine')).body), />Missed</, 'English does not agree');
  });
});
