import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

// Tuesday 1 December 2026, 10:00 in Québec: Ana's needs assessment was yesterday, its outcome not recorded.
const START = new Date('2026-12-01T15:00:00Z');
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe(`outcomes in the workspace (${dialectName})`, () => {
  test('the queue item « Résultat à inscrire » opens the appointment; « Présent » is the second click, then « Créer le plan » is offered', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const assessment = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.ana.id).executeTakeFirstOrThrow();
    const marie = await client('marie.tremblay@example.com');
    const queue = mainOf((await marie.get('/espace')).body);
    assert.match(queue, new RegExp(`Ana Silva[\\s\\S]*Résultat à inscrire[\\s\\S]*href="/espace/rendez-vous/${assessment.id}"[^>]*>Inscrire le résultat<`));

    const page = mainOf((await marie.get(`/espace/rendez-vous/${assessment.id}`)).body);
    assert.match(page, /Résultat à inscrire/);
    assert.doesNotMatch(page, />Planifié</, 'never « Planifié » once it has started');
    assert.match(page, /<button type="submit" name="resultat" value="present"[^>]*>Présence</, 'épicène: Ana has not given her agreement');
    const recorded = await marie.post(`/espace/rendez-vous/${assessment.id}/resultat`, { resultat: 'present', version: String(assessment.version) });
    assert.equal(recorded.statusCode, 303);
    const after = mainOf((await marie.get(String(recorded.headers.location))).body);
    assert.match(after, /Le résultat est inscrit\./);
    assert.match(after, new RegExp(`action="/espace/clients/${demo.ana.id}/plan/creer"[\\s\\S]*>Créer le plan<`));
    assert.match(after, /Corriger le résultat[\s\S]*jusqu'au mardi 8 décembre 2026 à 10\sh\s00/);
    const created = await marie.post(`/espace/clients/${demo.ana.id}/plan/creer`, {});
    assert.equal(created.statusCode, 303);
    assert.doesNotMatch(mainOf((await marie.get(`/espace/rendez-vous/${assessment.id}`)).body), /Créer le plan/, 'once the plan exists');
  });

  test('the file’s « Planifié » tab lists the past appointment first as « Résultat à inscrire »; « Terminé » does not', async (t) => {
    const { client, demo } = await buildTestApp(t, { start: START });
    const marie = await client('marie.tremblay@example.com');
    const planned = mainOf((await marie.get(`/espace/clients/${demo.ana.id}`)).body);
    assert.match(planned, /id="rendez-vous"[\s\S]*Résultat à inscrire/);
    const finished = mainOf((await marie.get(`/espace/clients/${demo.ana.id}?onglet=termine`)).body);
    assert.doesNotMatch(finished, /Résultat à inscrire/);
  });

  test('« Absent » asks for confirmation (a page, no JavaScript); confirmed, then corrected to « Présent »; Ana’s « Terminé » follows; Luc gets 404', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const assessment = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.ana.id).executeTakeFirstOrThrow();
    const marie = await client('marie.tremblay@example.com');
    const ask = await marie.post(`/espace/rendez-vous/${assessment.id}/resultat`, { resultat: 'absent', version: String(assessment.version) });
    assert.equal(ask.statusCode, 200);
    const form = mainOf(ask.body);
    assert.match(form, /<h1>Confirmer l'absence<\/h1>/);
    assert.match(form, /name="confirme" value="1"[\s\S]*>Oui, la personne était absente</);
    assert.equal((await database.db.selectFrom('appointments').select('status').where('id', '=', assessment.id).executeTakeFirstOrThrow()).status, 'planifie', 'nothing recorded yet');
    const confirmed = await marie.post(`/espace/rendez-vous/${assessment.id}/resultat`, { resultat: 'absent', confirme: '1', version: String(assessment.version) });
    assert.equal(confirmed.statusCode, 303);

    const ana = await client('ana.silva@example.com');
    assert.match(mainOf((await ana.get('/rendez-vous?onglet=termine')).body), />Absence</);
    const absent = await database.db.selectFrom('appointments').selectAll().where('id', '=', assessment.id).executeTakeFirstOrThrow();
    const luc = await client('luc.gagnon@example.com');
    assert.equal((await luc.post(`/espace/rendez-vous/${assessment.id}/correction`, { resultat: 'present', version: String(absent.version) })).statusCode, 404);

    const corrected = await marie.post(`/espace/rendez-vous/${assessment.id}/correction`, { resultat: 'present', version: String(absent.version) });
    assert.equal(corrected.statusCode, 303);
    assert.match(mainOf((await marie.get(String(corrected.headers.location))).body), /Le résultat est corrigé\.[\s\S]*Créer le plan/);
    const finished = mainOf((await ana.get('/rendez-vous?onglet=termine')).body);
    assert.doesNotMatch(finished, />Absence</);
    const stale = await marie.post(`/espace/rendez-vous/${assessment.id}/correction`, { resultat: 'absent', confirme: '1', version: String(absent.version) });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Ce rendez-vous a été modifié par quelqu'un d'autre/);
  });
});
