import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAuditByAction } from '../audit/audit.repository';
import { buildTestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

const PASSWORD = 'Demo-Accompagnement-2026';

describe(`HTTP hardening (${dialectName})`, () => {
  test('retour and suivant never lead to another site, even with TAB or newlines browsers strip', async (t) => {
    const { client } = await buildTestApp(t);
    const browser = await client();
    for (const retour of ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\\evil.example', '//evil.example']) {
      const response = await browser.post('/langue', { lang: 'fr', retour });
      assert.equal(response.statusCode, 303, JSON.stringify(retour));
      assert.equal(response.headers.location, '/', JSON.stringify(retour));
    }
    const login = await browser.post('/connexion', { email: 'john.doe@example.com', password: PASSWORD, suivant: '/\t/evil.example' });
    assert.equal(login.headers.location, '/accompagnement-quebec');
    const page = await (await client()).get(`/connexion?suivant=${encodeURIComponent('/\n/evil.example')}`);
    assert.doesNotMatch(page.body, /evil\.example/, 'the sign-in form does not carry it on');
  });

  test('a retour holding a character a header cannot carry goes home instead of failing', async (t) => {
    const { client } = await buildTestApp(t);
    const browser = await client();
    for (const retour of ['/\u2028', '/caf\u00e9', '/\u{1F600}', '/a\rSet-Cookie: x=1', '/\u0100']) {
      const response = await browser.post('/langue', { lang: 'en', retour });
      assert.equal(response.statusCode, 303, JSON.stringify(retour));
      assert.equal(response.headers.location, '/');
    }
  });

  test('a victim signing in through a link whose suivant a header cannot carry lands home, with one live session', async (t) => {
    const { client, database, demo } = await buildTestApp(t);
    const victim = await client();
    for (const suivant of ['/\u2028', '/\u0100x', '/x\r\ny']) {
      await victim.get(`/connexion?suivant=${encodeURIComponent(suivant)}`);
      const login = await victim.post('/connexion', { email: 'john.doe@example.com', password: PASSWORD, suivant });
      assert.equal(login.statusCode, 303, JSON.stringify(suivant));
      assert.equal(login.headers.location, '/accompagnement-quebec');
      assert.equal((await victim.get('/mes-dossiers')).statusCode, 200, 'signed in');
    }
    const sessions = await database.db.selectFrom('sessions').select('id').where('account_id', '=', demo.john.id).execute();
    assert.equal(sessions.length, 1, 'no orphan session');
  });

  for (const signedIn of [false, true]) {
    test(`a JSON body nested thousands of levels deep answers 400, not 500 (${signedIn ? 'signed in' : 'signed out'})`, async (t) => {
      const { app, client } = await buildTestApp(t);
      const browser = await client(signedIn ? 'john.doe@example.com' : undefined);
      const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      for (const payload of ['['.repeat(20_000) + ']'.repeat(20_000), `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`]) {
        for (const url of signedIn ? ['/deconnexion', '/langue', '/mes-dossiers'] : ['/connexion', '/langue', '/nowhere']) {
          const response = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', cookie } });
          assert.equal(response.statusCode, 400, `${url}: ${response.body.slice(0, 200)}`);
        }
      }
      if (signedIn) assert.equal((await browser.get('/mes-dossiers')).statusCode, 200, 'still signed in');
    });
  }

  for (const env of [{}, { NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' }] as Array<Record<string, string>>) {
    test(`X-Forwarded-For is ignored unless TRUST_PROXY is set (${env.NODE_ENV ?? 'test'})`, async (t) => {
      const { app, database } = await buildTestApp(t, { env });
      const page = await app.inject({ url: '/connexion' });
      const csrf = page.cookies.find((c) => c.name === 'aq_csrf')?.value ?? '';
      const response = await app.inject({
        method: 'POST',
        url: '/connexion',
        remoteAddress: '198.51.100.20',
        headers: { 'x-forwarded-for': '203.0.113.66', cookie: `aq_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, email: 'john.doe@example.com', password: 'wrong' }).toString(),
      });
      assert.equal(response.statusCode, 401);
      const [failed] = await findAuditByAction(database.db, 'auth.sign_in_failed');
      assert.equal(failed?.ip, '198.51.100.20', 'the socket address, not the forged header');
    });
  }

  for (const TRUST_PROXY of ['1', '198.51.100.0/24']) {
    test(`X-Forwarded-For is honoured from the configured proxy (TRUST_PROXY=${TRUST_PROXY})`, async (t) => {
      const { app, database } = await buildTestApp(t, { env: { NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000', TRUST_PROXY } });
      const page = await app.inject({ url: '/connexion' });
      const csrf = page.cookies.find((c) => c.name === 'aq_csrf')?.value ?? '';
      const form = new URLSearchParams({ _csrf: csrf, email: 'john.doe@example.com', password: 'wrong' }).toString();
      const headers = { 'x-forwarded-for': '192.0.2.1, 203.0.113.66', cookie: `aq_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' };
      await app.inject({ method: 'POST', url: '/connexion', remoteAddress: '198.51.100.20', headers, payload: form });
      const [failed] = await findAuditByAction(database.db, 'auth.sign_in_failed');
      assert.equal(failed?.ip, '203.0.113.66', 'the address the proxy saw, and only that one hop');
    });
  }

  test('the CSRF token is bound to the session: a cookie pair from an anonymous visit does not work once signed in', async (t) => {
    const { app, client } = await buildTestApp(t);
    const attacker = await client();
    await attacker.get('/connexion');
    const tossed = attacker.csrf;
    const john = await client('john.doe@example.com');
    assert.notEqual(john.csrf, tossed);
    const session = john.cookies.get('aq_session') ?? '';
    const forged = await app.inject({
      method: 'POST',
      url: '/deconnexion',
      headers: { cookie: `aq_session=${session}; aq_csrf=${tossed}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: tossed }).toString(),
    });
    assert.equal(forged.statusCode, 403, 'the tossed pair is refused');
    assert.equal((await john.get('/mes-dossiers')).statusCode, 200, 'still signed in');
    const before = john.csrf;
    await john.signIn('john.doe@example.com');
    assert.notEqual(john.csrf, before, 'a new session, a new token');
    assert.equal((await john.post('/deconnexion', { _csrf: before })).statusCode, 403, 'the older session’s token is dead');
    assert.equal((await john.post('/deconnexion')).statusCode, 303);
  });

  test('refused accesses are coalesced in the audit log: one line per person per minute, with a count', async (t) => {
    const { client, database, clock } = await buildTestApp(t);
    const marie = await client('marie.tremblay@example.com');
    await Promise.all(Array.from({ length: 40 }, () => marie.get('/mes-dossiers')));
    for (let i = 0; i < 10; i++) assert.equal((await marie.get('/rendez-vous')).statusCode, 404);
    let rows = await findAuditByAction(database.db, 'access.denied');
    assert.ok(rows.length <= 2, `${rows.length} lines for one minute`);
    const counted = rows.reduce((sum, row) => sum + Number(JSON.parse(row.details ?? '{}').count), 0);
    assert.ok(counted >= 40 && counted <= 50, `${counted} denials counted`);
    clock.advance(61 * 1000);
    await marie.get('/mes-dossiers');
    rows = await findAuditByAction(database.db, 'access.denied');
    assert.equal(JSON.parse(rows.at(-1)?.details ?? '{}').count, 1, 'a new minute, a new line');
  });

  test('JSON errors are never cached', async (t) => {
    const { app } = await buildTestApp(t);
    for (const url of ['/api/v1/nothing', '/nothing-here']) {
      const response = await app.inject({ url, headers: { accept: 'application/json' } });
      assert.equal(response.statusCode, 404);
      assert.match(String(response.headers['content-type']), /json/);
      assert.equal(response.headers['cache-control'], 'no-store');
    }
  });

  test('every response says which browser features the site never uses (Permissions-Policy)', async (t) => {
    const { app } = await buildTestApp(t);
    for (const url of ['/connexion', '/nothing-here', '/healthz', '/assets/app.css']) {
      const policy = String((await app.inject({ url })).headers['permissions-policy']);
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) assert.ok(policy.includes(feature), `${url}: ${policy}`);
    }
  });
});
