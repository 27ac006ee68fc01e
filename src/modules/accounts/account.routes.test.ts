import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAuditByAction } from '../../platform/audit/audit.repository';
import { hashToken } from '../../platform/session/session.service';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

const DEMO = ['john.doe@example.com', 'jane.roe@example.com', 'sam.nouveau@example.com', 'marie.tremblay@example.com', 'luc.gagnon@example.com', 'admin@example.com'];

describe(`sign-in and sign-out (${dialectName})`, () => {
  test('the login page has email, password and a hidden _csrf', async (t) => {
    const { client } = await buildTestApp(t);
    const response = await (await client()).get('/connexion');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /name="email"/);
    assert.match(response.body, /name="password"/);
    assert.match(response.body, /type="hidden" name="_csrf" value="[\w-]{43}"/);
    assert.match(response.body, /<html lang="fr-CA"/);
  });

  test('each demo account signs in, sees its name, and signs out', async (t) => {
    const { client } = await buildTestApp(t);
    for (const email of DEMO) {
      const browser = await client();
      const login = await browser.post('/connexion', { email, password: 'Demo-Accompagnement-2026' });
      assert.equal(login.statusCode, 303, email);
      const home = await browser.get(String(login.headers.location));
      assert.equal(home.statusCode, 200, email);
      const confirm = await browser.get('/deconnexion');
      assert.match(confirm.body, /Voulez-vous vraiment vous déconnecter \?/);
      assert.match(confirm.body, />Oui</);
      const logout = await browser.post('/deconnexion');
      assert.equal(logout.statusCode, 303);
      assert.equal((await browser.get(String(login.headers.location))).statusCode, 303, `${email} still signed in`);
    }
  });

  test('a wrong password and an unknown e-mail get the same generic message, and both are audited', async (t) => {
    const { client, database } = await buildTestApp(t);
    const browser = await client();
    const wrongPassword = await browser.post('/connexion', { email: 'john.doe@example.com', password: 'nope' });
    const unknownEmail = await browser.post('/connexion', { email: 'nobody@example.com', password: 'nope' });
    assert.equal(wrongPassword.statusCode, 401);
    assert.equal(unknownEmail.statusCode, 401);
    for (const response of [wrongPassword, unknownEmail]) assert.match(response.body, /Adresse courriel ou mot de passe incorrect\./);
    assert.equal((await findAuditByAction(database.db, 'auth.sign_in_failed')).length, 2);
    // The form as a whole is wrong, not the e-mail: the summary points at the form, no field is marked.
    assert.match(wrongPassword.body, /<a href="#credentials">Adresse courriel ou mot de passe incorrect\.<\/a>/);
    assert.match(wrongPassword.body, /<form [^>]*id="credentials"/);
    assert.doesNotMatch(wrongPassword.body, /aria-invalid|app-field--error/);
  });

  test('the browser never pre-empts the error summary: forms are novalidate, fields not required', async (t) => {
    const { client } = await buildTestApp(t);
    const anonymous = await client();
    const john = await client('john.doe@example.com');
    const list = await john.get('/rendez-vous');
    const appointment = /href="(\/rendez-vous\/[^"/]+)"/.exec(list.body)?.[1];
    assert.ok(appointment);
    for (const [who, url] of [
      [anonymous, '/connexion'],
      [anonymous, '/compte/creer'],
      [anonymous, '/mot-de-passe-oublie'],
      [john, `${appointment}/annuler`],
    ] as const) {
      const body = (await who.get(url)).body;
      assert.match(body, /<form method="post"[^>]* novalidate/, url);
      assert.doesNotMatch(body, /<(input|select|textarea)[^>]* required/, url);
    }
  });

  test('empty fields are named in the error summary, with a 400', async (t) => {
    const { client } = await buildTestApp(t);
    const response = await (await client()).post('/connexion', { email: '', password: '' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Entrez votre adresse courriel\./);
    assert.match(response.body, /Entrez votre mot de passe\./);
  });

  test('sign-in is throttled per account and address after 5 failures, in the person’s language, and lifts after 15 minutes', async (t) => {
    const { client, clock } = await buildTestApp(t);
    const browser = await client();
    for (let i = 0; i < 5; i++) await browser.post('/connexion', { email: 'john.doe@example.com', password: `bad-${i}` });
    const blocked = await browser.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Trop de tentatives de connexion à ce compte depuis ce réseau\. Réessayez dans 15 min\./);
    await browser.post('/langue', { lang: 'en', retour: '/connexion' });
    const blockedEn = await browser.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' });
    assert.match(blockedEn.body, /Too many sign-in attempts to this account from this network/);
    const elsewhere = await client();
    elsewhere.remoteAddress = '198.51.100.7';
    assert.equal((await elsewhere.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' })).statusCode, 303, 'not locked out from elsewhere');
    clock.advance(15 * 60 * 1000);
    assert.equal((await browser.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' })).statusCode, 303);
  });

  test('sign-in is throttled per IP address across accounts, generously (an office shares one address)', async (t) => {
    const { client } = await buildTestApp(t);
    const browser = await client();
    for (let i = 0; i < 30; i++) await browser.post('/connexion', { email: `someone${i}@example.com`, password: 'bad' });
    assert.equal((await browser.post('/connexion', { email: 'jane.roe@example.com', password: 'Demo-Accompagnement-2026' })).statusCode, 303);
    await browser.post('/deconnexion');
    for (let i = 30; i < 100; i++) await browser.post('/connexion', { email: `someone${i}@example.com`, password: 'bad' });
    const blocked = await browser.post('/connexion', { email: 'sam.nouveau@example.com', password: 'Demo-Accompagnement-2026' });
    assert.equal(blocked.statusCode, 429);
  });

  test('the session cookie is HttpOnly and SameSite=Lax, its token is stored hashed and rotated at each sign-in', async (t) => {
    const { app, client, database } = await buildTestApp(t);
    const browser = await client();
    const first = await browser.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' });
    const setCookie = String([first.headers['set-cookie']].flat().find((c) => String(c).startsWith('aq_session=')));
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const token = browser.cookies.get('aq_session') ?? '';
    assert.ok(Buffer.from(token, 'base64url').length >= 16, 'at least 128 bits');
    const stored = await database.db.selectFrom('sessions').select('id').execute();
    assert.ok(stored.every((s) => s.id !== token));
    assert.ok(stored.some((s) => s.id === hashToken(token)));
    await browser.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' });
    await browser.signIn('john.doe@example.com');
    assert.notEqual(browser.cookies.get('aq_session'), token);
    assert.ok(app);
  });

  test('signing in over an existing session ends the older session', async (t) => {
    const { client } = await buildTestApp(t);
    const browser = await client('jane.roe@example.com');
    const older = browser.cookies.get('aq_session') ?? '';
    await browser.signIn('john.doe@example.com');
    assert.notEqual(browser.cookies.get('aq_session'), older);
    const replay = await (await client()).get('/mes-dossiers', { cookie: `aq_session=${older}` });
    assert.equal(replay.statusCode, 303, 'the older token no longer works');
    assert.equal((await browser.get('/mes-dossiers')).statusCode, 200);
  });

  test('over https the cookies take the __Host- prefix and Secure', async (t) => {
    const { app } = await buildTestApp(t, { env: { PUBLIC_URL: 'https://aq.example.org' } });
    const page = await app.inject({ url: '/connexion' });
    const csrf = page.cookies.find((c) => c.name === '__Host-aq_csrf');
    assert.ok(csrf?.secure && csrf.httpOnly && csrf.path === '/');
    const login = await app.inject({
      method: 'POST',
      url: '/connexion',
      headers: { cookie: `__Host-aq_csrf=${csrf.value}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf.value, email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' }).toString(),
    });
    assert.equal(login.statusCode, 303);
    const session = login.cookies.find((c) => c.name === '__Host-aq_session');
    assert.ok(session?.secure && session.httpOnly && session.sameSite === 'Lax');
  });

  test('a session ends after 30 idle minutes', async (t) => {
    const { client, clock } = await buildTestApp(t);
    const browser = await client('john.doe@example.com');
    clock.advance(29 * 60 * 1000);
    assert.equal((await browser.get('/mes-dossiers')).statusCode, 200);
    clock.advance(31 * 60 * 1000);
    const expired = await browser.get('/mes-dossiers');
    assert.equal(expired.statusCode, 303);
    assert.match(String(expired.headers.location), /^\/connexion\?suivant=%2Fmes-dossiers&expiree=1/);
  });

  test('a session ends after 12 hours even when used all along', async (t) => {
    const { client, clock } = await buildTestApp(t);
    const browser = await client('john.doe@example.com');
    for (let minutes = 0; minutes + 20 < 12 * 60; minutes += 20) {
      clock.advance(20 * 60 * 1000);
      assert.equal((await browser.get('/mes-dossiers')).statusCode, 200, `after ${minutes + 20} minutes`);
    }
    clock.advance(20 * 60 * 1000);
    assert.equal((await browser.get('/mes-dossiers')).statusCode, 303);
  });

  test('a POST without the right _csrf is refused and changes nothing', async (t) => {
    const { client } = await buildTestApp(t);
    const browser = await client('john.doe@example.com');
    const missing = await browser.post('/deconnexion', { _csrf: null });
    const wrong = await browser.post('/deconnexion', { _csrf: 'x'.repeat(43) });
    assert.equal(missing.statusCode, 403);
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.body, /Formulaire expiré/);
    assert.equal((await browser.get('/mes-dossiers')).statusCode, 200, 'still signed in');
    const anonymous = await client();
    assert.equal((await anonymous.post('/connexion', { _csrf: null, email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' })).statusCode, 403);
  });

  test('GET /deconnexion only asks; the session survives until « Oui » is posted, which is audited', async (t) => {
    const { client, database } = await buildTestApp(t);
    const browser = await client('john.doe@example.com');
    await browser.get('/deconnexion');
    assert.equal((await browser.get('/mes-dossiers')).statusCode, 200);
    const token = browser.cookies.get('aq_session') ?? '';
    await browser.post('/deconnexion');
    const stale = await (await client()).get('/mes-dossiers', { cookie: `aq_session=${token}` });
    assert.equal(stale.statusCode, 303, 'the old token no longer works on the server');
    assert.equal((await findAuditByAction(database.db, 'auth.sign_out')).length, 1);
    assert.equal((await findAuditByAction(database.db, 'auth.sign_in')).length, 1);
  });

  test('pages of another role answer 404, and the denial is audited', async (t) => {
    const { client, database } = await buildTestApp(t);
    const john = await client('john.doe@example.com');
    assert.equal((await john.get('/espace')).statusCode, 404);
    const marie = await client('marie.tremblay@example.com');
    for (const url of ['/rendez-vous', '/accompagnement-quebec', '/mes-dossiers', '/messages']) {
      const response = await marie.get(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(response.body, /Page introuvable/);
    }
    const denials = await findAuditByAction(database.db, 'access.denied');
    assert.equal(denials.length, 2, 'one line per person per minute');
    assert.deepEqual(
      denials.map((d) => JSON.parse(d.details ?? '{}').count),
      [1, 4],
    );
  });

  test('a visitor who is not signed in is sent to sign in, then back where they were going', async (t) => {
    const { client } = await buildTestApp(t);
    const browser = await client();
    const response = await browser.get('/mes-documents');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/connexion?suivant=%2Fmes-documents');
    const login = await browser.post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026', suivant: '/mes-documents' });
    assert.equal(login.headers.location, '/mes-documents');
    const evil = await (await client()).post('/connexion', { email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026', suivant: '//evil.example' });
    assert.equal(evil.headers.location, '/accompagnement-quebec', 'never an open redirect');
  });
});
