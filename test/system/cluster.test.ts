import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { connect } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import type { Db } from '../../src/db/types';
import { enqueueMail } from '../../src/platform/mail/outbox.repository';
import { dialectName, testDatabase } from '../helpers/database';
import { smtpServer } from '../helpers/smtp-server';

/**
 * WORKERS=2: the real server (`node --import tsx src/server.ts`) as a primary and two worker
 * processes on one port and one database. A person's browser keeps two connections, each
 * answered by its own worker (the `x-aq-worker` header names the process): what one worker
 * writes, the other shows on the very next request, although each keeps its own page cache.
 * The outbox, run by both workers, sends each mail once; a killed worker is replaced; SIGTERM
 * to the primary closes everything.
 */
const PASSWORD = 'Demo-Accompagnement-2026';
const ACTION = 'Suivre la session Objectif Intégration';

test(`WORKERS=2: a write through one worker is seen through the other at once; each mail sent once (${dialectName})`, { timeout: 90_000 }, async (t) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  t.after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const database = await freshDatabase(cleanups);
  const smtp = await smtpServer();
  cleanups.push(smtp.close);
  // Mail queued before the start: both workers' outbox passes find it due at once.
  for (let i = 0; i < 50; i++) {
    const at = new Date().toISOString();
    await enqueueMail(database.db, {
      to_address: `person${i}@example.com`,
      subject: 'Nouveau message',
      body_text: 'Un nouveau message vous attend.',
      locale: 'fr',
      dedupe_key: `cluster:${i}`,
      next_attempt_at: at,
      created_at: at,
    });
  }

  const port = 4100 + Math.floor(Math.random() * 800);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, ...database.env, WORKERS: '2', PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  cleanups.push(async () => {
    await stop(server, 'SIGKILL');
  });
  const base = `http://127.0.0.1:${port}`;
  const started = new Set<string>();
  await waitFor(
    async () => {
      const answer = await request(undefined, base, 'GET', '/healthz').catch(() => undefined);
      if (answer?.status === 200 && answer.worker) started.add(answer.worker);
      return started.size === 2;
    },
    60_000,
    'both workers answer',
  );

  // Two keep-alive connections answered by two different workers (the primary hands each new
  // connection to the next worker in turn).
  const first = new Connection(base);
  const workerA = (await first.get('/connexion')).worker;
  let second = new Connection(base);
  for (let i = 0; i < 10 && (await second.get('/connexion')).worker === workerA; i++) second = new Connection(base);
  const workerB = (await second.get('/connexion')).worker;
  assert.ok(workerA && workerB && workerA !== workerB, `two workers answer: ${workerA}, ${workerB}`);
  assert.equal((await first.get('/connexion')).worker, workerA, 'a connection stays with its worker');
  const browser = new Browser([first, second]);

  // Sign in through A: B knows the session.
  assert.equal((await browser.get(second, '/rendez-vous')).status, 303, 'not yet signed in');
  await browser.get(first, '/connexion');
  const signIn = await browser.post(first, '/connexion', { email: 'john.doe@example.com', password: PASSWORD });
  assert.equal(signIn.status, 303);
  assert.equal(signIn.worker, workerA);
  const list = await browser.get(second, '/rendez-vous');
  assert.equal(list.status, 200, 'signed in as seen by the other worker');
  assert.equal(list.worker, workerB);

  // Cancel through A while B keeps the appointment's page: B shows it cancelled at once.
  const john = await database.db.selectFrom('accounts').select('id').where('email', '=', 'john.doe@example.com').executeTakeFirstOrThrow();
  const upcoming = await database.db
    .selectFrom('appointments')
    .select('id')
    .where('client_id', '=', john.id)
    .where('status', '=', 'planifie')
    .where('starts_at', '>', new Date().toISOString())
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  const detail = `/rendez-vous/${upcoming.id}`;
  const before = await browser.get(second, detail);
  assert.match(before.body, new RegExp(`href="${detail}/annuler"`));
  assert.equal((await browser.get(second, detail)).headers.etag, before.headers.etag, 'kept by B');
  const form = await browser.get(first, `${detail}/annuler`);
  const reason = /<option value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  assert.ok(reason, 'a cancellation reason offered');
  const cancel = await browser.post(first, `${detail}/annuler`, { ...hiddenFields(form.body), reason, comment: '' });
  assert.equal(cancel.status, 303, 'cancelled through A');
  const after = await browser.get(second, detail);
  assert.equal(after.worker, workerB);
  assert.doesNotMatch(after.body, new RegExp(`href="${detail}/annuler"`));
  assert.match(after.body, /Annulé/);
  assert.notEqual(after.headers.etag, before.headers.etag);

  // « J'ai terminé » through B while A keeps the completed list: A shows the action at once.
  const action = await database.db.selectFrom('plan_actions').select('id').where('title', '=', ACTION).executeTakeFirstOrThrow();
  const completed = '/accompagnement-quebec/actions?onglet=completees';
  assert.doesNotMatch((await browser.get(first, completed)).body, new RegExp(ACTION));
  assert.doesNotMatch((await browser.get(first, completed)).body, new RegExp(ACTION), 'kept by A');
  const actionPage = await browser.get(second, `/accompagnement-quebec/actions/${action.id}`);
  const toggle = await browser.post(second, `/accompagnement-quebec/actions/${action.id}/terminer`, hiddenFields(actionPage.body));
  assert.equal(toggle.status, 303, 'toggled through B');
  const seen = await browser.get(first, completed);
  assert.equal(seen.worker, workerA);
  assert.match(seen.body, new RegExp(ACTION));

  // Both workers ran the outbox: every mail sent, each once.
  await waitFor(async () => (await database.db.selectFrom('mail_outbox').select('id').where('status', '=', 'pending').execute()).length === 0, 40_000, 'outbox drained');
  const total = (await database.db.selectFrom('mail_outbox').select('id').where('status', '=', 'sent').execute()).length;
  assert.ok(total >= 50);
  assert.equal(smtp.received.length, total, 'as many mails received as sent');
  assert.equal(new Set(smtp.received.map((mail) => mail.messageId)).size, total, 'no Message-ID twice');

  // A worker killed with -9 is replaced; the other keeps serving meanwhile.
  process.kill(Number(workerB), 'SIGKILL');
  assert.equal((await browser.get(first, completed)).worker, workerA);
  let replacement: string | undefined;
  await waitFor(
    async () => {
      const answer = await request(undefined, base, 'GET', '/healthz').catch(() => undefined);
      if (answer?.worker && answer.worker !== workerA && answer.worker !== workerB) replacement = answer.worker;
      return Boolean(replacement);
    },
    30_000,
    'a new worker answers',
  );
  assert.equal((await browser.get(new Connection(base), '/rendez-vous')).status, 200);

  // SIGTERM to the primary: the workers close and everything exits cleanly.
  for (const connection of [first, second]) connection.close();
  const code = await stop(server, 'SIGTERM');
  assert.equal(code, 0, 'the primary exits 0');
  for (const pid of [workerA, replacement]) assert.throws(() => process.kill(Number(pid), 0), /ESRCH/, `worker ${pid} gone`);
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  worker?: string;
}

/** One keep-alive connection (a browser's socket): every request on it reaches the same worker. */
class Connection {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  constructor(readonly base: string) {}
  get(url: string): Promise<Answer> {
    return request(this.agent, this.base, 'GET', url);
  }
  close(): void {
    this.agent.destroy();
  }
}

/** One person's cookies, over several connections. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly connections: Connection[]) {}
  async get(connection: Connection, url: string): Promise<Answer> {
    return this.send(connection, 'GET', url);
  }
  async post(connection: Connection, url: string, form: Record<string, string>): Promise<Answer> {
    return this.send(connection, 'POST', url, new URLSearchParams({ _csrf: this.cookies.get('aq_csrf') ?? '', ...form }).toString());
  }
  private async send(connection: Connection, method: string, url: string, body?: string): Promise<Answer> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const answer = await request(connection.agent, connection.base, method, url, body, cookie);
    for (const line of answer.headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return answer;
  }
}

function request(agent: http.Agent | undefined, base: string, method: string, url: string, body?: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }) };
    const outgoing = http.request(new URL(url, base), { method, agent: agent ?? false, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const worker = incoming.headers['x-aq-worker'];
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8'), worker: typeof worker === 'string' ? worker : undefined });
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [input] of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input)?.[1];
    const value = /value="([^"]*)"/.exec(input)?.[1];
    if (name && name !== '_csrf' && value !== undefined) fields[name] = value;
  }
  return fields;
}

/** A migrated database of the test's own: a SQLite file in a temporary DATA_DIR, or a PostgreSQL database. */
async function freshDatabase(cleanups: (() => Promise<void> | void)[]): Promise<{ db: Db; env: Record<string, string> }> {
  if (process.env.DATABASE_URL) {
    const database = await testDatabase();
    cleanups.push(() => database.close());
    return { db: database.db, env: { DATABASE_URL: database.databaseUrl ?? '', DATABASE_SCHEMA: database.schema ?? '' } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-cluster-'));
  const handle = connect({ sqliteFile: path.join(dir, 'accompagnement.sqlite') });
  cleanups.push(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await migrateToLatest(handle.db);
  return { db: handle.db, env: { DATA_DIR: dir, DATABASE_URL: '' } };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends the signal (if the process still runs) and resolves to its exit code. */
async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}
