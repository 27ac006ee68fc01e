import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { seedDemo } from '../../src/seed/demo';
import { DEMO_PASSWORD } from '../../src/seed/factories';
import { testDatabase } from '../helpers/database';

/**
 * PostgreSQL goes away under a running server (issue 18's first finding: one dropped pooled
 * connection used to end the process). The server's idle connections are ended by the database
 * (pg_terminate_backend, what a restart or failover does to them), then the database refuses
 * connections for a while: the process stays up, answers 503 with Retry-After meanwhile (a page
 * in the person's language, a problem document for the API, /readyz naming the database), and
 * serves again, in the same process, once the database is back.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

test('PostgreSQL ends the pool’s connections, then refuses connections for a while: the same process answers 503 meanwhile and serves again after', {
  skip: !onPostgres && 'PostgreSQL only',
  timeout: 90_000,
}, async (t) => {
  const database = await testDatabase();
  // In this order: the server stops, the database takes connections again, then it is dropped.
  let server: ChildProcess | undefined;
  t.after(async () => {
    if (server) await stop(server);
    if (database.databaseUrl && !database.schema) await admin(`alter database ${new URL(database.databaseUrl).pathname.slice(1)} allow_connections true`);
    await database.close();
  });
  if (!database.databaseUrl || database.schema) return t.skip('needs a database of its own (a role that may create databases)');
  const name = new URL(database.databaseUrl).pathname.slice(1);
  assert.match(name, /^aq_t_[0-9a-f]+$/);
  await seedDemo(database.db, () => new Date());

  const port = await freePort();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATABASE_URL: database.databaseUrl, DATABASE_SCHEMA: '', PORT: String(port), LOG_LEVEL: 'silent', NODE_ENV: 'development', SMTP_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.status === 200, 60_000, 'the server answers');

  const tokenAnswer = await fetch(`${base}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'john.doe@example.com', password: DEMO_PASSWORD }) });
  assert.equal(tokenAnswer.status, 201, await tokenAnswer.clone().text());
  const { token } = (await tokenAnswer.json()) as { token: string };
  const appointments = () => fetch(`${base}/api/v1/appointments`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
  assert.equal((await appointments()).status, 200);

  // 1. The database ends every connection of the server's pool, idle between two requests.
  const ended = await admin(`select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = '${name}'`);
  assert.ok(Number(ended[0]?.n) > 0, 'the server held pooled connections');
  await sleep(500);
  assert.equal(server.exitCode, null, 'the process is still running');
  assert.equal((await appointments()).status, 200, 'the next request is served on a new connection');

  // 2. The database refuses connections for a while.
  await admin(`alter database ${name} allow_connections false`);
  await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
  const apiDuring = await appointments();
  assert.equal(apiDuring.status, 503);
  assert.equal(apiDuring.headers.get('retry-after'), '5');
  assert.match(apiDuring.headers.get('content-type') ?? '', /application\/problem\+json/);
  const problem = (await apiDuring.json()) as { code: string; title: string };
  assert.equal(problem.code, 'SERVICE_UNAVAILABLE');
  assert.equal(problem.title, 'Service temporarily unavailable');

  // A page (reading the session needs the database), in the language the visitor chose.
  const pageDuring = await fetch(`${base}/`, { headers: { cookie: 'aq_lang=en; aq_session=some-session-token' } });
  assert.equal(pageDuring.status, 503);
  assert.equal(pageDuring.headers.get('retry-after'), '5');
  const html = await pageDuring.text();
  assert.match(html, /<h1>Service temporarily unavailable<\/h1>/);
  assert.doesNotMatch(html, /at .*\.ts:\d+/, 'no stack trace');
  const ready = await fetch(`${base}/readyz`);
  assert.equal(ready.status, 503);
  assert.match(await ready.text(), /database/);
  assert.equal(server.exitCode, null, 'the process is still running');

  // 3. The database is back: the same process serves again.
  await admin(`alter database ${name} allow_connections true`);
  await waitFor(async () => (await appointments()).status === 200, 10_000, 'the API serves again');
  assert.equal((await fetch(`${base}/readyz`)).status, 200);
  assert.equal(server.exitCode, null);
});

/**
 * A statement from a connection of its own to the suite's database (DATABASE_URL), not the
 * test's: that one may refuse connections. The test's own pool loses its connections too, which
 * it now survives like the server.
 */
async function admin(text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting until ${what}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}
