import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, type TestContext, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

const START = new Date('2026-12-01T15:00:00Z');

/** The service listening on a port (the lane sits in front of Fastify on the real server, not under `inject`). */
async function listening(t: TestContext): Promise<TestApp & { base: string }> {
  const built = await buildTestApp(t, { start: START });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = built.app.server.address() as AddressInfo;
  return { ...built, base: `http://127.0.0.1:${port}` };
}

/** The signed-in cookies of a demo person, as a browser would send them. */
async function cookiesOf(built: TestApp, email: string): Promise<string> {
  const client = await built.client(email);
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

async function get(base: string, path: string, cookie: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers: { cookie, 'accept-encoding': 'gzip', ...headers }, redirect: 'manual' });
  const body = await response.text();
  const sent = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
  return { status: response.status, headers: sent, body };
}

/** John's « Mes actions » answered once by Fastify and once by the lane, and another connection to the same database. */
async function johnKeptThenAnotherConnection(t: TestContext) {
  const built = await listening(t);
  const cookie = await cookiesOf(built, 'john.doe@example.com');
  await get(built.base, '/accompagnement-quebec/actions', cookie);
  await get(built.base, '/accompagnement-quebec/actions', cookie);
  assert.equal(built.app.keptPageLane.hits, 1);
  const other = built.database.connectAgain();
  t.after(() => other.close());
  return { built, cookie, other };
}

describe(`kept pages answered before Fastify's lifecycle (${dialectName})`, () => {
  test('a kept page is answered by the lane with the bytes and headers Fastify sent; If-None-Match gets a 304', async (t) => {
    const built = await listening(t);
    const lane = built.app.keptPageLane;
    const cookie = await cookiesOf(built, 'john.doe@example.com');
    const rendered = await get(built.base, '/accompagnement-quebec/actions', cookie);
    assert.equal(rendered.status, 200);
    assert.equal(lane.hits, 0, 'the first answer is rendered');
    const kept = await get(built.base, '/accompagnement-quebec/actions', cookie);
    assert.equal(lane.hits, 1, 'the second comes from the lane');
    assert.equal(kept.body, rendered.body);
    assert.deepEqual(kept.headers, rendered.headers, 'the same headers: security, ETag, the offline copy’s key');
    assert.ok(kept.headers['aq-offline-session'], 'a client’s page names the offline copy');
    const notModified = await get(built.base, '/accompagnement-quebec/actions', cookie, { 'if-none-match': String(kept.headers.etag) });
    assert.equal(notModified.status, 304);
    assert.equal(lane.hits, 2);
    // An agent's workspace too.
    const marie = await cookiesOf(built, 'marie.tremblay@example.com');
    await get(built.base, '/espace', marie);
    const queue = await get(built.base, '/espace', marie);
    assert.equal(queue.status, 200);
    assert.equal(lane.hits, 3);
  });

  test('the lane declines a session ended in another connection, and Fastify asks for a new sign-in', async (t) => {
    const { built, cookie, other } = await johnKeptThenAnotherConnection(t);
    await other.db.deleteFrom('sessions').execute();
    const after = await get(built.base, '/accompagnement-quebec/actions', cookie);
    assert.equal(built.app.keptPageLane.hits, 1, 'not from the lane');
    assert.ok(after.status >= 300 && after.status < 400, `sent to sign in (${after.status})`);
  });

  test('a write elsewhere to what the page shows: the lane misses and the page is rendered fresh', async (t) => {
    const { built, cookie, other } = await johnKeptThenAnotherConnection(t);
    await other.db.updateTable('accounts').set({ display_name: 'John Renommé' }).where('id', '=', built.demo.john.id).execute();
    const after = await get(built.base, '/accompagnement-quebec/actions', cookie);
    assert.equal(built.app.keptPageLane.hits, 1, 'rendered again');
    assert.match(after.body, /John Renommé/);
  });

  test('the lane declines when the session’s activity is due to be recorded, when it has ended, and without the session’s CSRF cookie', async (t) => {
    const built = await listening(t);
    const lane = built.app.keptPageLane;
    const cookie = await cookiesOf(built, 'john.doe@example.com');
    await get(built.base, '/accompagnement-quebec/actions', cookie);
    await get(built.base, '/accompagnement-quebec/actions', cookie);
    assert.equal(lane.hits, 1);
    // Without the CSRF cookie: Fastify answers and sets it again.
    const withoutCsrf = await get(built.base, '/accompagnement-quebec/actions', cookie.replace(/aq_csrf=[^;]+(; )?/, ''));
    assert.equal(lane.hits, 1);
    assert.equal(withoutCsrf.status, 200);
    assert.match(String(withoutCsrf.headers['set-cookie']), /aq_csrf=/);
    // Activity not recorded for over a minute: Fastify records it (last_seen_at moves).
    built.clock.advance(90_000);
    const seenBefore = await built.database.db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow();
    await get(built.base, '/accompagnement-quebec/actions', cookie);
    assert.equal(lane.hits, 1);
    const seenAfter = await built.database.db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow();
    assert.notEqual(seenAfter.last_seen_at, seenBefore.last_seen_at, 'the activity is recorded');
    // Idle past the end: Fastify ends the session and says so.
    await get(built.base, '/accompagnement-quebec/actions', cookie);
    assert.equal(lane.hits, 2, 'kept again once recorded');
    built.clock.advance(31 * 60_000);
    const ended = await get(built.base, '/accompagnement-quebec/actions', cookie);
    assert.equal(lane.hits, 2);
    assert.ok(ended.status >= 300 && ended.status < 400, `sent to sign in (${ended.status})`);
    assert.equal(await built.database.db.selectFrom('sessions').select('id').executeTakeFirst(), undefined, 'the ended session is deleted');
  });

  test('a page about another account (the agent’s view of a client’s file) is answered by the lane until that account’s data moves', async (t) => {
    const built = await listening(t);
    const lane = built.app.keptPageLane;
    const cookie = await cookiesOf(built, 'marie.tremblay@example.com');
    const path = `/espace/clients/${built.demo.john.id}`;
    await get(built.base, path, cookie); // records the opening, which moves the versions
    const rendered = await get(built.base, path, cookie);
    const kept = await get(built.base, path, cookie);
    assert.equal(lane.hits, 1);
    assert.equal(kept.body, rendered.body);
    assert.deepEqual(kept.headers, rendered.headers);
    const other = built.database.connectAgain();
    t.after(() => other.close());
    await other.db.updateTable('accounts').set({ display_name: 'John Renommé' }).where('id', '=', built.demo.john.id).execute();
    const after = await get(built.base, path, cookie);
    assert.equal(lane.hits, 1, 'rendered again');
    assert.match(after.body, /John Renommé/);
    // Another agent, who does not follow John, never gets Marie's copy: Fastify answers 404.
    const luc = await cookiesOf(built, 'luc.gagnon@example.com');
    assert.equal((await get(built.base, path, luc)).status, 404);
    assert.equal((await get(built.base, path, luc)).status, 404);
    assert.equal(lane.hits, 1);
  });

  test('a manager’s pages are never answered by the lane', async (t) => {
    const built = await listening(t);
    const cookie = await cookiesOf(built, 'admin@example.com');
    for (let i = 0; i < 3; i++) assert.equal((await get(built.base, '/gestion', cookie)).status, 200);
    assert.equal(built.app.keptPageLane.hits, 0);
  });
});
