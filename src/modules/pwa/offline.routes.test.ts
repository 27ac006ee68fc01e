import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app';
import { isOfflinePage, parseOfflineSession } from '../../ui/client/offline-store';
import { OFFLINE_SESSION_HEADER, offlineSessionKey } from './offline-session';

/** The CSP directive that decides whether a page may register /sw.js: worker-src, else child-src, else script-src, else default-src. */
function workerSources(csp: string): string {
  const directives = new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
  return directives.get('worker-src') ?? directives.get('child-src') ?? directives.get('script-src') ?? directives.get('default-src') ?? '';
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer): { width: number; height: number } {
  assert.deepEqual([...body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

describe('installable web app: service worker, PNG icons, offline session header', () => {
  test('/sw.js is the built worker, served from the root as JavaScript, revalidated, under a CSP that lets it fetch only this site; pages may register it', async (t) => {
    assert.ok(existsSync('public/sw.js'), 'run `npm run build:client` first (npm test does)');
    const { app, client } = await buildTestApp(t);
    const response = await app.inject({ url: '/sw.js' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.body, readFileSync('public/sw.js', 'utf8'));
    assert.match(response.body, /aq-pages-/);
    assert.doesNotMatch(response.body, /SHELL_VERSION/, 'the build replaced the version');
    const workerCsp = String(response.headers['content-security-policy']);
    assert.match(workerCsp, /connect-src 'self'(;|$)/);
    assert.doesNotMatch(workerCsp, /unsafe-inline|unsafe-eval/);

    const page = await (await client('john.doe@example.com')).get('/rendez-vous');
    const pageCsp = String(page.headers['content-security-policy']);
    assert.equal(workerSources(pageCsp), "'self'", 'the page may start a same-origin worker, and no other');
    assert.match(page.body, /<script src="\/assets\/app.js" defer type="module"><\/script>/);
    assert.doesNotMatch(page.body, /<script>/, 'no inline script');
  });

  test('the manifest lists 192 and 512 px PNG icons drawn by the project, served as PNG of those sizes', async (t) => {
    const { app } = await buildTestApp(t);
    const icons = (await app.inject({ url: '/manifest.webmanifest' })).json().icons as Array<{ src: string; sizes: string; type: string }>;
    const pngs = icons.filter((icon) => icon.type === 'image/png');
    assert.deepEqual(
      pngs.map((icon) => icon.sizes),
      ['192x192', '512x512'],
    );
    for (const icon of pngs) {
      const response = await app.inject({ url: icon.src });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'image/png');
      const size = pngSize(response.rawPayload);
      assert.equal(`${size.width}x${size.height}`, icon.sizes);
    }
  });

  test('a signed-in client’s pages carry a per-session key, the session’s remaining life and the language; others, posts and a new session do not share it', async (t) => {
    const { client } = await buildTestApp(t);
    const john = await client('john.doe@example.com');
    const page = await john.get('/rendez-vous');
    const value = String(page.headers[OFFLINE_SESSION_HEADER]);
    const session = parseOfflineSession(value);
    assert.ok(session, value);
    assert.equal(session.key, offlineSessionKey(john.cookies.get('aq_session') ?? ''));
    assert.ok(!value.includes(john.cookies.get('aq_session') ?? '-'), 'the session token itself is never sent');
    assert.ok(session.maxAgeSeconds > 25 * 60 && session.maxAgeSeconds <= 30 * 60, `at most the 30 minutes idle limit: ${session.maxAgeSeconds}`);
    assert.equal(session.lang, 'fr');
    assert.match(
      page.body,
      /<template data-offline-banner><div class="app-notice app-notice--warning app-offline-banner" role="status">Hors ligne — dernière mise à jour le \S+ \d+(er)? \S+ \d{4} à \d+ h \d\d<\/div><\/template>/,
    );

    // The same person signed in again (another phone, or after signing out): another key.
    const again = await client('john.doe@example.com');
    const other = parseOfflineSession(String((await again.get('/rendez-vous')).headers[OFFLINE_SESSION_HEADER]));
    assert.ok(other && other.key !== session.key);

    // Not signed in, staff, and any post: no header, and no banner in the page.
    const anonymous = await (await client()).get('/connexion');
    assert.equal(anonymous.headers[OFFLINE_SESSION_HEADER], undefined);
    assert.doesNotMatch(anonymous.body, /data-offline-banner/);
    const marie = await (await client('marie.tremblay@example.com')).get('/espace');
    assert.equal(marie.statusCode, 200);
    assert.equal(marie.headers[OFFLINE_SESSION_HEADER], undefined);
    assert.doesNotMatch(marie.body, /data-offline-banner/);
    const signOut = await john.post('/deconnexion');
    assert.equal(signOut.statusCode, 303);
    assert.equal(signOut.headers[OFFLINE_SESSION_HEADER], undefined);
    const after = await john.get('/connexion?deconnecte=1');
    assert.equal(after.headers[OFFLINE_SESSION_HEADER], undefined);
  });

  test('the remaining life follows the session: less after idle time, none once the session has expired', async (t) => {
    const { client, clock } = await buildTestApp(t);
    const john = await client('john.doe@example.com');
    clock.advance(20 * 60 * 1000);
    const later = parseOfflineSession(String((await john.get('/rendez-vous')).headers[OFFLINE_SESSION_HEADER]));
    assert.ok(later, 'still signed in after 20 idle minutes');
    clock.advance(31 * 60 * 1000);
    const expired = await john.get('/rendez-vous');
    assert.equal(expired.headers[OFFLINE_SESSION_HEADER], undefined);
  });

  test('the worker keeps only « Mes actions », an action, the appointments and an appointment', () => {
    for (const path of ['/accompagnement-quebec/actions', '/accompagnement-quebec/actions/12', '/rendez-vous', '/rendez-vous/3', '/rendez-vous/']) assert.ok(isOfflinePage(path), path);
    for (const path of ['/', '/messages', '/messages/1', '/rendez-vous/3/annuler', '/accompagnement-quebec', '/profil/informations', '/connexion', '/accompagnement-quebec/notes/1']) assert.ok(!isOfflinePage(path), path);
  });
});
