import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApp } from './app';
import { loadConfig } from './config';
import { buildTestApp } from '../test/helpers/app';
import { dialectName, testDatabase } from '../test/helpers/database';

describe(`the shell and hardening (${dialectName})`, () => {
  test('GET /healthz answers ok once the database answers', async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject('/healthz');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });

  test('security headers: CSP without unsafe-inline/eval, frame-ancestors none, nosniff, referrer policy', async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject('/connexion');
    const csp = String(response.headers['content-security-policy']);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['referrer-policy']);
    assert.doesNotMatch(response.body, /style="/, 'no inline style the CSP would block');
  });

  test('the shell: skip link, service name, person, message centre, « Mon profil », left menu and calendar link', async (t) => {
    const { client } = await buildTestApp(t);
    const john = await client('john.doe@example.com');
    const page = (await john.get('/mes-dossiers')).body;
    for (const text of ['Passer au contenu principal', 'Accompagnement Québec', 'John Doe', 'Mon profil', 'Déconnexion', 'Mes dossiers', 'Mes documents', 'Rendez-vous', 'Centre des messages']) {
      assert.ok(page.includes(text), `missing ${text}`);
    }
    assert.match(page, /href="\/rendez-vous"/);
    assert.match(page, /href="#contenu"/);
    assert.match(page, /<main id="contenu"/);
  });

  test('English is one click away and remembered, before and after sign-in', async (t) => {
    const { client } = await buildTestApp(t);
    const browser = await client();
    const switched = await browser.post('/langue', { lang: 'en', retour: '/connexion' });
    assert.equal(switched.statusCode, 303);
    assert.equal(switched.headers.location, '/connexion');
    const page = await browser.get('/connexion');
    assert.match(page.body, /<html lang="en-CA"/);
    assert.match(page.body, /Sign in/);
    await browser.signIn('john.doe@example.com');
    assert.match((await browser.get('/mes-dossiers')).body, /My files/);
    const elsewhere = await client('john.doe@example.com');
    assert.match((await elsewhere.get('/mes-dossiers')).body, /My files/, 'remembered on the account');
  });

  test('unknown pages get a 404 inside the shell', async (t) => {
    const { client } = await buildTestApp(t);
    const john = await client('john.doe@example.com');
    const response = await john.get('/nothing-here');
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /Page introuvable/);
    assert.match(response.body, /John Doe/);
  });

  test('a failure gives a 500 page in the shell with no stack trace', async (t) => {
    const database = await testDatabase(t);
    const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), database, logger: false });
    app.get('/boom', async () => {
      throw new Error('secret internal detail');
    });
    await app.ready();
    t.after(() => app.close());
    const response = await app.inject('/boom');
    assert.equal(response.statusCode, 500);
    assert.match(response.body, /Une erreur est survenue/);
    assert.doesNotMatch(response.body, /secret internal detail|at .*\.ts/);
  });

  test('a malformed body is a 400, never a 500', async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject({ method: 'POST', url: '/connexion', headers: { 'content-type': 'application/json' }, payload: '{not json' });
    assert.equal(response.statusCode, 400);
  });

  test('a page is at most 50 KB', async (t) => {
    const { client, app } = await buildTestApp(t);
    const john = await client('john.doe@example.com');
    const page = await john.get('/mes-dossiers');
    const css = await app.inject('/assets/app.css');
    const js = await app.inject('/assets/app.js');
    const total = Buffer.byteLength(page.body) + css.rawPayload.length + js.rawPayload.length;
    assert.ok(total < 50 * 1024, `${total} bytes`);
    assert.ok(js.rawPayload.length < 15 * 1024, 'JS under 15 KB');
  });
});

test(`logs never hold passwords, tokens or cookies (${dialectName})`, async (t) => {
  const { PassThrough } = await import('node:stream');
  const { seedDemo } = await import('./seed/demo');
  const { TestClient } = await import('../test/helpers/app');
  const database = await testDatabase(t);
  await seedDemo(database.db, () => new Date());
  const stream = new PassThrough();
  let logs = '';
  stream.on('data', (chunk) => {
    logs += chunk.toString();
  });
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace' }), database, logStream: stream });
  await app.ready();
  t.after(() => app.close());
  const browser = new TestClient(app);
  await browser.post('/connexion', { email: 'john.doe@example.com', password: 'wrong-Secret-123' });
  await browser.signIn('john.doe@example.com');
  await browser.get('/mes-dossiers');
  await browser.post('/deconnexion', { _csrf: 'forged-token-value-forged-token-value-forged' });
  assert.ok(logs.includes('/mes-dossiers'), 'requests are logged');
  for (const secret of ['wrong-Secret-123', 'Demo-Accompagnement-2026', browser.csrf, browser.cookies.get('aq_session') ?? 'none', 'forged-token-value']) {
    assert.ok(!logs.includes(secret), `log holds ${secret}`);
  }
});

test(`pages are compressed when the browser accepts it, and assets are served pre-compressed (${dialectName})`, async (t) => {
  const zlib = await import('node:zlib');
  const { app, client } = await buildTestApp(t);
  const john = await client('john.doe@example.com');
  const plain = await john.get('/accompagnement-quebec/actions');
  const cookie = [...john.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const br = await app.inject({ url: '/accompagnement-quebec/actions', headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(zlib.brotliDecompressSync(br.rawPayload).toString(), plain.body);
  assert.ok(br.rawPayload.length < plain.body.length / 2);
  const gzip = await app.inject({ url: '/accompagnement-quebec/actions', headers: { cookie, 'accept-encoding': 'gzip' } });
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.equal(zlib.gunzipSync(gzip.rawPayload).toString(), plain.body);
  const css = await app.inject({ url: '/assets/app.css', headers: { 'accept-encoding': 'br' } });
  assert.equal(css.headers['content-encoding'], 'br');
});
