import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { buildTestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { DEMO_PASSWORD } from '../../seed/factories';

const START = new Date('2026-12-01T15:00:00Z');
const MARIE = 'marie.tremblay@example.com';

const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() });
const secretOf = (body: string) => {
  const match = /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(body);
  assert.ok(match, 'the secret is shown as text');
  return match[1].replace(/ /g, '');
};
const recoveryCodesOf = (body: string) => [...body.matchAll(/<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]);

/** Marie enrols from « Double authentification » (signed in with her password alone, outside production). */
async function enrolMarie(browser: TestClient, clock: () => Date) {
  const page = await browser.get('/compte/double-authentification/configurer');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<img class="app-qr" src="data:image\/svg\+xml;base64,/, 'the QR code is an SVG image, drawn on the server');
  const secret = secretOf(page.body);
  const enrolled = await browser.post('/compte/double-authentification/configurer', { code: codeAt(secret, clock()) });
  assert.equal(enrolled.statusCode, 200);
  const codes = recoveryCodesOf(enrolled.body);
  assert.equal(codes.length, 10);
  return { secret, codes };
}

describe(`the staff's second factor (${dialectName})`, () => {
  test('outside production, a staff member not enrolled signs in with the password alone and is offered enrolment with « Plus tard »; a client is never asked', async (t) => {
    const { client } = await buildTestApp(t, { start: START });
    const marie = await client();
    const login = await marie.post('/connexion', { email: MARIE, password: DEMO_PASSWORD });
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/connexion/double-authentification?suivant=%2Fespace');
    const offer = await marie.get(String(login.headers.location));
    assert.equal(offer.statusCode, 200);
    assert.match(offer.body, /href="\/compte\/double-authentification\/configurer\?suivant=%2Fespace"[^>]*>Configurer maintenant</);
    assert.match(offer.body, /href="\/espace"[^>]*>Plus tard</);
    assert.equal((await marie.get('/espace')).statusCode, 200, 'the session is open: « Plus tard » leads on');

    const john = await client();
    const johnLogin = await john.post('/connexion', { email: 'john.doe@example.com', password: DEMO_PASSWORD });
    assert.equal(johnLogin.headers.location, '/accompagnement-quebec');
    assert.equal((await john.get('/compte/double-authentification')).statusCode, 404, 'clients have no second factor page');
    assert.equal((await john.get('/connexion/double-authentification')).statusCode, 404);
  });

  test('enrolment: a wrong first code is refused; then each sign-in asks for a code before any session, a wrong code is refused and audited, and a code is never accepted twice', async (t) => {
    const { client, clock, database } = await buildTestApp(t, { start: START });
    const marie = await client(MARIE);
    const page = await marie.get('/compte/double-authentification/configurer');
    const secret = secretOf(page.body);
    const wrong = await marie.post('/compte/double-authentification/configurer', { code: '000000' === codeAt(secret, clock()) ? '111111' : '000000' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Ce code ne correspond pas/);
    assert.equal((await marie.post('/compte/double-authentification/configurer', { code: '' })).statusCode, 400);
    const enrolled = await marie.post('/compte/double-authentification/configurer', { code: codeAt(secret, clock()) });
    assert.equal(enrolled.statusCode, 200);
    assert.equal(recoveryCodesOf(enrolled.body).length, 10);
    const stored = await database.db.selectFrom('recovery_codes').select('code_hash').execute();
    assert.equal(stored.length, 10);
    for (const code of recoveryCodesOf(enrolled.body)) assert.ok(!stored.some((row) => row.code_hash.includes(code)), 'only hashes are stored');
    assert.match((await marie.get('/compte/double-authentification')).body, /Activée depuis le/);

    clock.advance(60_000);
    const next = await client();
    const login = await next.post('/connexion', { email: MARIE, password: DEMO_PASSWORD });
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/connexion/code');
    assert.ok(!next.cookies.has('aq_session'), 'no session before the code');
    assert.equal((await next.get('/espace')).statusCode, 303, 'no page before the code');
    const codePage = await next.get('/connexion/code');
    assert.equal(codePage.statusCode, 200);
    assert.match(codePage.body, /autocomplete="one-time-code"/);

    const right = codeAt(secret, clock());
    const bad = await next.post('/connexion/code', { code: right === '123456' ? '654321' : '123456' });
    assert.equal(bad.statusCode, 401);
    assert.match(bad.body, /Ce code n.est pas valide/);
    assert.ok(!next.cookies.has('aq_session'));
    const failures = await database.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.second_factor_failed').execute();
    assert.equal(failures.length, 1);

    const ok = await next.post('/connexion/code', { code: right });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/espace');
    assert.equal((await next.get('/espace')).statusCode, 200);
    const signIn = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.sign_in').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(String(signIn.details)), { secondFactor: 'totp' });

    // The same code, seen over a shoulder, does not open a second session.
    const replay = await client();
    await replay.post('/connexion', { email: MARIE, password: DEMO_PASSWORD });
    assert.equal((await replay.post('/connexion/code', { code: right })).statusCode, 401);
    // The step expires: after 10 minutes the code page sends back to sign in.
    clock.advance(11 * 60_000);
    const late = await replay.post('/connexion/code', { code: codeAt(secret, clock()) });
    assert.equal(late.statusCode, 303);
    assert.equal(late.headers.location, '/connexion?expiree=1');
  });

  test('wrong codes are throttled like passwords: after five, even the right code waits', async (t) => {
    const { client, clock } = await buildTestApp(t, { start: START });
    const { secret } = await enrolMarie(await client(MARIE), clock);
    clock.advance(60_000);
    const browser = await client();
    await browser.post('/connexion', { email: MARIE, password: DEMO_PASSWORD });
    const right = codeAt(secret, clock());
    const wrong = right === '000000' ? '999999' : '000000';
    for (let i = 0; i < 5; i++) assert.equal((await browser.post('/connexion/code', { code: wrong })).statusCode, 401, `attempt ${i + 1}`);
    const throttled = await browser.post('/connexion/code', { code: right });
    assert.equal(throttled.statusCode, 429);
    assert.ok(Number(throttled.headers['retry-after']) > 0);
    assert.ok(!browser.cookies.has('aq_session'));
  });

  test('a recovery code works once', async (t) => {
    const { client, clock, database } = await buildTestApp(t, { start: START });
    const { codes } = await enrolMarie(await client(MARIE), clock);
    const first = await client();
    await first.post('/connexion', { email: MARIE, password: DEMO_PASSWORD });
    const used = await first.post('/connexion/code', { code: codes[3].toLowerCase().replace('-', ' ') });
    assert.equal(used.statusCode, 303, 'spaces and case do not matter');
    assert.equal(used.headers.location, '/compte/double-authentification?recuperation=9');
    assert.match((await first.get(String(used.headers.location))).body, /Il vous en reste 9/);
    const second = await client();
    await second.post('/connexion', { email: MARIE, password: DEMO_PASSWORD });
    assert.equal((await second.post('/connexion/code', { code: codes[3] })).statusCode, 401, 'the same recovery code again');
    assert.equal((await second.post('/connexion/code', { code: codes[4] })).statusCode, 303, 'another one works');
    const left = await database.db.selectFrom('recovery_codes').select('id').where('used_at', 'is', null).execute();
    assert.equal(left.length, 8);
  });

  test('in production, a staff member not enrolled must enrol before reaching any page', async (t) => {
    const { client, clock, database } = await buildTestApp(t, { start: START, env: { NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' } });
    const luc = await client();
    const login = await luc.post('/connexion', { email: 'luc.gagnon@example.com', password: DEMO_PASSWORD, suivant: '/espace/clients' });
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/connexion/configurer?suivant=%2Fespace%2Fclients');
    assert.ok(!luc.cookies.has('aq_session'));
    assert.equal((await luc.get('/espace')).statusCode, 303);
    const page = await luc.get(String(login.headers.location));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Plus tard/);
    const secret = secretOf(page.body);
    assert.equal((await luc.post('/connexion/configurer', { code: 'abcdef', suivant: '/espace/clients' })).statusCode, 400);
    const done = await luc.post('/connexion/configurer', { code: codeAt(secret, clock()), suivant: '/espace/clients' });
    assert.equal(done.statusCode, 200);
    assert.equal(recoveryCodesOf(done.body).length, 10);
    assert.match(done.body, /href="\/espace\/clients"/);
    assert.equal((await luc.get('/espace/clients')).statusCode, 200, 'the session opens with the enrolment');
    const lucRow = await database.db.selectFrom('accounts').select(['totp_secret', 'totp_enrolled_at']).where('email', '=', 'luc.gagnon@example.com').executeTakeFirstOrThrow();
    assert.equal(lucRow.totp_secret, secret);
    // A client still signs in with the password alone.
    const john = await client();
    assert.equal((await john.post('/connexion', { email: 'john.doe@example.com', password: DEMO_PASSWORD })).headers.location, '/accompagnement-quebec');
  });

  test('a manager resets a staff member’s second factor: audited, their sessions end, and they enrol again', async (t) => {
    const { client, clock, database, demo } = await buildTestApp(t, { start: START });
    const marie = await client(MARIE);
    await enrolMarie(marie, clock);
    const admin = await client('admin@example.com');
    const marieId = demo.marie.id;
    assert.match((await admin.get(`/gestion/personnel/${marieId}`)).body, /Réinitialiser la double authentification/);
    const reset = await admin.post(`/gestion/personnel/${marieId}/reinitialiser-double-authentification`);
    assert.equal(reset.statusCode, 303);
    assert.match((await admin.get(String(reset.headers.location))).body, /La double authentification de Marie Tremblay est réinitialisée/);
    const line = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'staff.second_factor_reset').executeTakeFirstOrThrow();
    assert.equal(line.actor_id, demo.admin.id);
    assert.equal(line.subject_id, String(marieId));
    assert.equal((await marie.get('/espace')).statusCode, 303, 'her session ended');
    assert.equal((await database.db.selectFrom('recovery_codes').select('id').execute()).length, 0);
    const again = await client();
    const login = await again.post('/connexion', { email: MARIE, password: DEMO_PASSWORD });
    assert.equal(login.headers.location, '/connexion/double-authentification?suivant=%2Fespace', 'not enrolled any more: offered again');
    // Agents cannot reset anyone's.
    assert.equal((await marie.post(`/gestion/personnel/${demo.luc.id}/reinitialiser-double-authentification`)).statusCode, 303, 'signed out: sent to sign in');
    const luc = await client('luc.gagnon@example.com');
    assert.equal((await luc.post(`/gestion/personnel/${marieId}/reinitialiser-double-authentification`)).statusCode, 404);
  });
});
