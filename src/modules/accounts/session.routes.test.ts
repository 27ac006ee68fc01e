import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

const START = new Date('2026-12-01T15:00:00Z');
const MINUTE = 60_000;

describe(`the timeout warning's calls (${dialectName})`, () => {
  test('pages carry the closed dialog; /session/etat reads the time left without extending it; « Continuer la session » extends it', async (t) => {
    const app = await buildTestApp(t, { start: START, env: { SESSION_IDLE_SECONDS: '600' } });
    const john = await app.client('john.doe@example.com');
    const page = await john.get('/rendez-vous');
    assert.match(page.body, /<dialog class="app-session-timeout" data-module="app-session-timeout" data-idle-seconds="600" data-warning-seconds="120"/);
    assert.match(page.body, /<h2 id="app-session-timeout-title"[^>]*>Votre session va se fermer<\/h2>/);
    assert.match(page.body, /Continuer la session/);
    assert.doesNotMatch((await (await app.client()).get('/connexion')).body, /app-session-timeout/, 'not for a visitor');

    app.clock.advance(8 * MINUTE);
    const state = JSON.parse((await john.get('/session/etat')).body);
    assert.equal(state.remainingSeconds, 120);
    app.clock.advance(MINUTE);
    assert.equal(JSON.parse((await john.get('/session/etat')).body).remainingSeconds, 60, 'asking did not extend it');

    const extended = await john.post('/session/prolonger', {}, { accept: 'application/json' });
    assert.equal(extended.statusCode, 200);
    assert.equal(JSON.parse(extended.body).remainingSeconds, 600);
    app.clock.advance(9 * MINUTE);
    assert.equal((await john.get('/rendez-vous')).statusCode, 200, 'still signed in 18 minutes after the page');

    // Without script the button is a form: back to the page it was on.
    const posted = await john.post('/session/prolonger', { retour: '/rendez-vous' });
    assert.equal(posted.headers.location, '/rendez-vous');
  });

  test('once the idle time has passed, the session is over: 0 left, and « Continuer la session » cannot bring it back', async (t) => {
    const app = await buildTestApp(t, { start: START, env: { SESSION_IDLE_SECONDS: '300' } });
    const john = await app.client('john.doe@example.com');
    app.clock.advance(5 * MINUTE + 1000);
    // Asking changes nothing: 0 left, and the ended session's row and cookie stay for a form sent next.
    assert.equal(JSON.parse((await john.get('/session/etat')).body).remainingSeconds, 0);
    const rows = () => app.database.db.selectFrom('sessions').select('id').where('account_id', '=', app.demo.john.id).execute();
    assert.equal((await rows()).length, 1);
    assert.ok(john.cookies.get('aq_session'));
    const extended = await john.post('/session/prolonger', {}, { accept: 'application/json' });
    assert.equal(JSON.parse(extended.body).remainingSeconds, 0);
    assert.equal((await rows()).length, 1, '« Continuer la session » too leaves it');
    await john.get('/rendez-vous');
    assert.equal((await rows()).length, 0, 'a page, which is activity, ends it');
    const page = await john.get('/rendez-vous');
    assert.equal(page.statusCode, 303);
    assert.match(String(page.headers.location), /^\/connexion/);
  });
});
