import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { connect } from '../../src/db/connect';
import { DEMO_PASSWORD } from '../../src/seed/factories';
import { outboxMessageId } from '../../src/platform/mail/outbox-worker';
import { smtpServer } from '../helpers/smtp-server';

/**
 * « Beyond one machine » (issue 18): two instances of the server (separate processes, separate
 * ports) on one PostgreSQL database, behind a real HAProxy started here (round robin, health checks
 * on /readyz), as an agency outgrowing one process would run them. Both start together on an empty
 * database (one migrates and seeds, the other waits and finds it done). A mixed load runs through
 * the proxy — sign-ins, page views, message replies, agents' proposals, clients' cancellations —
 * while one instance is killed with -9 (and started again) and the database refuses connections
 * for a while. Then: every write acknowledged with a 303 is in the database, no mail reached the
 * SMTP server twice, no 500 (a 503 only while the database was away, a 502 only for requests in
 * flight on the killed instance), and what one instance writes, the other shows on its next page.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const haproxy = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find((file) => fs.existsSync(file));
const LOAD_MS = 15_000;
const SECRET = randomBytes(32).toString('base64url');

test('two instances behind HAProxy on one PostgreSQL: kill -9 and a database outage under load lose no acknowledged write, send no mail twice, answer no 500', {
  skip: !onPostgres ? 'PostgreSQL only: instances share one PostgreSQL database (run with DATABASE_URL=postgres://…)' : !haproxy ? 'HAProxy is not installed (apt-get install haproxy; .ci/run installs it)' : false,
  timeout: 120_000,
}, async (t) => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  t.after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const suiteUrl = process.env.DATABASE_URL ?? '';
  const [{ rolcreatedb }] = await admin<{ rolcreatedb: boolean }>('select rolcreatedb from pg_roles where rolname = current_user');
  if (!rolcreatedb) return t.skip('needs a role that may create databases');

  // An empty database: the instances migrate and seed it themselves, starting together.
  const name = `aq_t_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  cleanups.push(() => admin(`drop database if exists ${name} with (force)`));
  const databaseUrl = Object.assign(new URL(suiteUrl), { pathname: `/${name}` }).toString();
  const smtp = await smtpServer();
  cleanups.push(smtp.close);

  const [portA, portB, proxyPort] = [await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${proxyPort}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: '',
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    PUBLIC_URL: base,
    SESSION_SECRET: SECRET,
    TRUST_PROXY: '127.0.0.1',
    WORKERS: '1',
  };
  const instances = new Map<number, ChildProcess>();
  let stopping = false;
  let supervisorRestarts = 0;
  const startInstance = (port: number) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', process.env.AQ_SHOW_LOGS ? 'inherit' : 'ignore', 'inherit'] });
    instances.set(port, child);
    // What systemd's Restart=always or compose's restart policy do: an instance that exits by
    // itself (one started while the database refuses connections cannot migrate, and stops) is
    // started again. The kill -9 below is the test's own; it restarts that one itself.
    child.once('exit', (_code, signal) => {
      if (stopping || signal === 'SIGKILL') return;
      supervisorRestarts++;
      setTimeout(() => stopping || startInstance(port), 1000);
    });
    return child;
  };
  cleanups.push(async () => {
    stopping = true;
    for (const child of instances.values()) await kill(child);
  });
  startInstance(portA);
  startInstance(portB);
  await waitFor(async () => (await Promise.all([portA, portB].map((port) => ready(port)))).every(Boolean), 60_000, 'both instances ready');

  const proxy = startProxy(haproxy ?? '', proxyPort, [portA, portB]);
  cleanups.push(() => kill(proxy));
  await waitFor(async () => (await send('GET', `${base}/readyz`).catch(() => undefined))?.status === 200, 15_000, 'the proxy answers');
  const servedBy = new Set<string>();
  for (let i = 0; i < 6; i++) servedBy.add(String((await send('GET', `${base}/healthz`)).headers['x-served-by']));
  assert.deepEqual([...servedBy].sort(), ['a', 'b'], 'round robin over both instances');

  const db = connect({ databaseUrl }).db;
  cleanups.push(() => db.destroy());
  const idOf = async (email: string) => (await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const clients = { john: await idOf('john.doe@example.com'), jane: await idOf('jane.roe@example.com') };

  // ---- The load ---------------------------------------------------------------------------------
  const log: Sample[] = [];
  const acked = { replies: [] as { client: number; text: string }[], proposals: [] as number[], cancellations: [] as number[], signIns: 0 };
  const started = Date.now();
  const deadline = started + LOAD_MS;
  const events = { killAt: 0, restartAt: 0, outageFrom: 0, outageTo: 0 };
  const browser = () => new Browser(base, log);

  const client = async (email: string, clientId: number) => {
    let round = 0;
    while (Date.now() < deadline) {
      const me = browser();
      if (!(await me.signIn(email))) continue;
      acked.signIns++;
      for (let i = 0; i < 4 && Date.now() < deadline; i++, round++) {
        for (const page of ['/rendez-vous', '/messages', '/accompagnement-quebec']) await me.get(page);
        const thread = /href="\/messages\/(\d+)"/.exec((await me.get('/messages')).body)?.[1];
        if (thread) {
          const text = `Réponse ${email} ${round} ${randomBytes(4).toString('hex')}`;
          const answer = await me.post(`/messages/${thread}/repondre`, { reponse: text, cle: randomBytes(12).toString('hex') }, 'reply');
          if (answer.status === 303) acked.replies.push({ client: clientId, text });
        }
        // Cancel the next appointment the agent proposed (never the same twice: it is gone from the list).
        const upcoming = [...(await me.get('/rendez-vous')).body.matchAll(/href="\/rendez-vous\/(\d+)"/g)].map((m) => Number(m[1]));
        const target = upcoming.find((id) => !acked.cancellations.includes(id));
        if (target && round % 2 === 1) {
          const form = await me.get(`/rendez-vous/${target}/annuler`);
          const reason = /<option value="([^"]+)"/.exec(form.body)?.[1];
          if (form.status === 200 && reason) {
            const answer = await me.post(`/rendez-vous/${target}/annuler`, { ...hiddenFields(form.body), reason, comment: 'Charge multi-instances' }, 'cancel');
            if (answer.status === 303) acked.cancellations.push(target);
          }
        }
      }
      await me.post('/deconnexion', {}, 'sign-out');
    }
  };

  const agent = async () => {
    let slot = 0;
    while (Date.now() < deadline) {
      const marie = browser();
      if (!(await marie.signIn('marie.tremblay@example.com'))) continue;
      acked.signIns++;
      for (let i = 0; i < 6 && Date.now() < deadline; i++, slot++) {
        await marie.get('/espace');
        const clientId = slot % 2 === 0 ? clients.john : clients.jane;
        const { date, time } = slotAt(slot);
        const answer = await marie.post(`/espace/clients/${clientId}/rendez-vous/nouveau`, { kind: 'suivi', date, time, duration: '30', mode: 'telephone', phoneNumber: '514 555-0101' }, 'propose');
        const id = /\/espace\/rendez-vous\/(\d+)/.exec(String(answer.headers.location ?? ''))?.[1];
        if (answer.status === 303 && id) acked.proposals.push(Number(id));
      }
    }
  };

  const signIns = async () => {
    while (Date.now() < deadline) {
      const sam = browser();
      if (await sam.signIn('sam.nouveau@example.com')) acked.signIns++;
      await sam.get('/');
    }
  };

  const chaos = async () => {
    await sleep(5000);
    events.killAt = Date.now();
    instances.get(portA)?.kill('SIGKILL');
    await sleep(3000);
    events.restartAt = Date.now();
    startInstance(portA);
    await sleep(3000);
    // The database goes away: it refuses connections and ends the instances' ones (what a restart
    // or a failover does to them), then takes connections again. Only this test's database: the
    // PostgreSQL server is shared with other tests.
    events.outageFrom = Date.now();
    await admin(`alter database ${name} allow_connections false`);
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    await sleep(2500);
    await admin(`alter database ${name} allow_connections true`);
    events.outageTo = Date.now();
  };

  cleanups.push(() => admin(`alter database ${name} allow_connections true`).catch(() => undefined));
  await Promise.all([client('john.doe@example.com', clients.john), client('jane.roe@example.com', clients.jane), agent(), agent(), signIns(), chaos()]);
  await waitFor(async () => (await ready(portA)) && (await ready(portB)), 30_000, 'both instances ready again');

  // ---- What the database holds ------------------------------------------------------------------
  const repliesFound = await db.selectFrom('message_replies').select(['client_id', 'body']).execute();
  const lostReplies = acked.replies.filter((reply) => !repliesFound.some((row) => row.client_id === reply.client && row.body === reply.text));
  const proposed = await db.selectFrom('appointments').select(['id', 'status']).execute();
  const lostProposals = acked.proposals.filter((id) => !proposed.some((row) => row.id === id));
  const lostCancellations = acked.cancellations.filter((id) => proposed.find((row) => row.id === id)?.status !== 'annule');
  const signInsAudited = (await db.selectFrom('audit_log').select('id').where('action', '=', 'auth.sign_in').execute()).length;

  // ---- Mail: the outbox drained by both instances, each mail received once ----------------------
  // A mail the killed instance had claimed stays leased to it for a minute (then another instance
  // sends it): wait for every mail that is due, and count the leased ones apart.
  const due = () => db.selectFrom('mail_outbox').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', new Date().toISOString()).execute();
  await waitFor(async () => (await due()).length === 0, 20_000, 'the outbox drained');
  const leased = await db.selectFrom('mail_outbox').select('dedupe_key').where('status', '=', 'pending').execute();
  const receivedIds = new Set(smtp.received.map((mail) => mail.messageId.replace(/^<|>$/g, '')));
  // Handed to SMTP by the killed instance in the instant before it could write « sent »: due again
  // when the lease runs out (at-least-once delivery, under the same Message-ID for receivers to drop).
  const leasedAlreadyReceived = leased.filter((row) => receivedIds.has(outboxMessageId(row.dedupe_key).replace(/^<|>$/g, ''))).length;
  const sent = (await db.selectFrom('mail_outbox').select('id').where('status', '=', 'sent').execute()).length;
  const received = smtp.received.length;
  const deliveries = smtp.received.flatMap((mail) => mail.to.map((to) => `${mail.messageId} → ${to}`));
  const duplicateMails = deliveries.length - new Set(deliveries).size;

  // ---- Pages fresh on the next request from either instance -------------------------------------
  const john = new Browser(`http://127.0.0.1:${portA}`, []);
  assert.ok(await john.signIn('john.doe@example.com'), 'John signs in on A directly');
  const thread = /href="\/messages\/(\d+)"/.exec((await john.get('/messages')).body)?.[1];
  assert.ok(thread, 'John has a conversation');
  for (const [writer, reader] of [
    [portA, portB],
    [portB, portA],
  ] as const) {
    const text = `Fraîcheur ${writer} → ${reader} ${randomBytes(4).toString('hex')}`;
    john.base = `http://127.0.0.1:${writer}`;
    assert.equal((await john.post(`/messages/${thread}/repondre`, { reponse: text, cle: randomBytes(12).toString('hex') }, 'reply')).status, 303);
    john.base = `http://127.0.0.1:${reader}`;
    assert.match((await john.get(`/messages/${thread}`)).body, new RegExp(text), `written through ${writer}, shown by ${reader} at once`);
  }

  // ---- Figures and verdicts ---------------------------------------------------------------------
  const within = (sample: Sample, from: number, to: number) => sample.endedAt >= from && sample.startedAt <= to;
  const status = (code: number) => log.filter((sample) => sample.status === code);
  const outage = (sample: Sample) => within(sample, events.outageFrom - 500, events.outageTo + 5000);
  const killWindow = (sample: Sample) => within(sample, events.killAt - 500, events.killAt + 5000);
  const figures = {
    requests: log.length,
    byStatus: Object.fromEntries([...new Set(log.map((s) => s.status))].sort().map((code) => [code, status(code).length])),
    refused: Object.fromEntries([...new Set(log.filter((s) => s.status >= 400 && s.status < 500).map((s) => `${s.kind} ${s.status}`))].map((key) => [key, log.filter((s) => `${s.kind} ${s.status}` === key).length])),
    acknowledgedWrites: { replies: acked.replies.length, proposals: acked.proposals.length, cancellations: acked.cancellations.length, signIns: acked.signIns },
    lost: lostReplies.length + lostProposals.length + lostCancellations.length,
    signInsAudited,
    // `leased`: claimed by the killed instance, which may have handed it to SMTP before dying.
    mails: { sent, received, leased: leased.length, leasedAlreadyReceived, duplicates: duplicateMails },
    fiveHundreds: {
      s500: status(500).length,
      s502: status(502).length,
      s503: status(503).length,
      s503OutsideOutage: status(503).filter((s) => !outage(s)).length,
      s502OutsideKill: status(502).filter((s) => !killWindow(s)).length,
      other: log.filter((s) => s.status >= 500 && ![500, 502, 503].includes(s.status)).length,
    },
    connectionErrors: status(0).length,
    supervisorRestarts,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  console.log(`# multi-instance figures: ${JSON.stringify(figures)}`);
  for (const sample of log.filter((s) => s.status === 500)) console.log(`# 500: ${sample.kind} ${sample.url} at +${sample.endedAt - started} ms (${JSON.stringify(events)})`);

  assert.ok(acked.replies.length > 0 && acked.proposals.length > 0 && acked.cancellations.length > 0, 'the load wrote something of each kind');
  assert.deepEqual({ lostReplies, lostProposals, lostCancellations }, { lostReplies: [], lostProposals: [], lostCancellations: [] }, 'no acknowledged write lost');
  assert.ok(signInsAudited >= acked.signIns, `${acked.signIns} acknowledged sign-ins, ${signInsAudited} audited`);
  assert.equal(duplicateMails, 0, 'no mail received twice');
  assert.ok(smtp.received.length > 0, 'mail went out');
  assert.equal(figures.fiveHundreds.s500, 0, 'no 500');
  assert.equal(figures.fiveHundreds.other, 0, 'no other 5xx');
  assert.equal(figures.fiveHundreds.s503OutsideOutage, 0, '503 only while the database is away');
  assert.equal(figures.fiveHundreds.s502OutsideKill, 0, '502 only for requests in flight on the killed instance');
  assert.equal(figures.connectionErrors, 0, 'the proxy always answered');
});

/** HAProxy in the foreground with a generated configuration: round robin, /readyz health checks every 500 ms. */
function startProxy(binary: string, port: number, backends: number[]): ChildProcess {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-haproxy-'));
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(
    file,
    [
      'global',
      '  maxconn 2000',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 30s',
      '  timeout server 30s',
      '  option forwardfor',
      // A refused connection (an instance down, not yet seen so by the health check) is tried on the other one.
      '  option redispatch',
      '  retries 3',
      'frontend site',
      `  bind 127.0.0.1:${port}`,
      '  default_backend instances',
      'backend instances',
      '  balance roundrobin',
      '  option httpchk GET /readyz',
      '  http-check expect status 200',
      '  default-server inter 500 fall 2 rise 1',
      // Which instance answered (the test checks that both serve).
      '  http-response set-header X-Served-By %[srv_name]',
      ...backends.map((backend, i) => `  server ${'ab'[i]} 127.0.0.1:${backend} check`),
      '',
    ].join('\n'),
  );
  const check = spawnSync(binary, ['-c', '-q', '-f', file], { encoding: 'utf8' });
  assert.equal(check.status, 0, `haproxy -c: ${check.stderr}`);
  const child = spawn(binary, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  child.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return child;
}

/** A slot for the agent's proposal: business days from four weeks on, one every 30 minutes from 9:00 to 15:00. */
function slotAt(index: number): { date: string; time: string } {
  const perDay = 12;
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 28);
  for (let n = Math.floor(index / perDay); n > 0 || [0, 6].includes(day.getUTCDay()); ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (![0, 6].includes(day.getUTCDay())) n--;
  }
  const minutes = 9 * 60 + (index % perDay) * 30;
  return { date: day.toISOString().slice(0, 10), time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` };
}

interface Sample {
  kind: string;
  url: string;
  status: number;
  startedAt: number;
  endedAt: number;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One person's cookies; every request on a new connection, so the proxy balances each one. */
class Browser {
  readonly cookies = new Map<string, string>();
  base: string;
  readonly log: Sample[];
  constructor(base: string, log: Sample[]) {
    this.base = base;
    this.log = log;
  }
  get(url: string): Promise<Answer> {
    return this.send('GET', url, 'page');
  }
  post(url: string, form: Record<string, string>, kind: string): Promise<Answer> {
    return this.send('POST', url, kind, new URLSearchParams({ _csrf: this.cookies.get('aq_csrf') ?? '', ...form }).toString());
  }
  async signIn(email: string): Promise<boolean> {
    await this.get('/connexion');
    const answer = await this.post('/connexion', { email, password: DEMO_PASSWORD }, 'sign-in');
    return answer.status === 303;
  }
  private async send(method: string, url: string, kind: string, body?: string): Promise<Answer> {
    const startedAt = Date.now();
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const answer = await send(method, new URL(url, this.base).toString(), body, cookie).catch(() => ({ status: 0, headers: {}, body: '' }) as Answer);
    this.log.push({ kind, url, status: answer.status, startedAt, endedAt: Date.now() });
    // The database is away: wait a moment, as the Retry-After asks (shorter, to keep the test short).
    if (answer.status === 503) await sleep(250);
    for (const line of answer.headers['set-cookie'] ?? []) {
      const [pair = ''] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return answer;
  }
}

function send(method: string, url: string, body?: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }) };
    const outgoing = http.request(url, { method, agent: false, headers, timeout: 30_000 }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
      incoming.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function ready(port: number): Promise<boolean> {
  return (await send('GET', `http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200;
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

/** A statement on the suite's database (DATABASE_URL), from a connection of its own. */
async function admin<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
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

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}
