import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

// Tuesday 1 December 2026, 10:00 in Québec: the demo data is laid out around it.
const START = new Date('2026-12-01T15:00:00Z');

describe(`« Choisir un nouveau moment » in pages (${dialectName})`, () => {
  test('off by default; the manager turns it on for Marie’s team in « Données de référence »; John cancels, picks a slot and it is booked', async (t) => {
    const { client, demo, database } = await buildTestApp(t, { start: START });
    const upcoming = await database.db.selectFrom('appointments').select('id').where('client_id', '=', demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();
    const john = await client('john.doe@example.com');
    assert.equal((await john.post(`/rendez-vous/${upcoming.id}/annuler`, { reason: 'maladie', comment: '', availability: 'Les après-midi' })).statusCode, 303);
    assert.doesNotMatch((await john.get(`/rendez-vous/${upcoming.id}/annulation`)).body, /Choisir un nouveau moment/, 'off by default');
    assert.equal((await john.get(`/rendez-vous/${upcoming.id}/nouveau-moment`)).statusCode, 303);

    const marie = await client('marie.tremblay@example.com');
    assert.equal((await marie.get('/gestion/reference/choix-du-moment')).statusCode, 404);
    const admin = await client('admin@example.com');
    assert.match((await admin.get('/gestion/reference')).body, /href="\/gestion\/reference\/choix-du-moment"/);
    const settings = await admin.get('/gestion/reference/choix-du-moment');
    assert.match(settings.body, /<input type="checkbox" name="teams" value="montreal-centre"\/> Équipe Montréal Centre/, 'the team by its name');
    assert.equal((await admin.post('/gestion/reference/choix-du-moment', { teams: demo.marie.team ?? '' })).statusCode, 303);
    assert.match((await admin.get('/gestion/reference/choix-du-moment')).body, /value="montreal-centre" checked/);

    const confirmation = await john.get(`/rendez-vous/${upcoming.id}/annulation`);
    assert.match(confirmation.body, new RegExp(`href="/rendez-vous/${upcoming.id}/nouveau-moment">Choisir un nouveau moment`));
    const page = await john.get(`/rendez-vous/${upcoming.id}/nouveau-moment`);
    assert.equal(page.statusCode, 200);
    const moments = [...page.body.matchAll(/name="moment" value="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(moments.length > 0);
    // What John gave with this cancellation (« Les après-midi ») comes first.
    assert.match(moments[0], /T1[3-5]:/);
    const picked = await john.post(`/rendez-vous/${upcoming.id}/nouveau-moment`, { moment: moments[0] });
    assert.equal(picked.statusCode, 303);
    const booked = await database.db.selectFrom('appointments').selectAll().where('client_id', '=', demo.john.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(picked.headers.location, `/rendez-vous/${booked.id}`);
    assert.equal(booked.status, 'planifie');
    // Booked: the choice is closed, the page is gone, a second pick is refused.
    assert.equal((await john.get(`/rendez-vous/${upcoming.id}/nouveau-moment`)).statusCode, 303);
    assert.equal((await john.post(`/rendez-vous/${upcoming.id}/nouveau-moment`, { moment: moments[1] ?? moments[0] })).statusCode, 303);
    assert.equal((await database.db.selectFrom('appointments').select('id').where('client_id', '=', demo.john.id).where('status', '=', 'planifie').execute()).length, 2);
    const jane = await client('jane.roe@example.com');
    assert.equal((await jane.get(`/rendez-vous/${upcoming.id}/nouveau-moment`)).statusCode, 404, 'another client’s appointment');
  });
});
