/**
 * Throughput and page weight of authenticated pages, against a bare static server.
 *
 *   npm run bench                              # demo data only, one server process, SQLite
 *   npm run bench -- --clients 100000          # plus 100k extra clients, to check that pages stay flat
 *   npm run bench -- --database postgres       # PostgreSQL: DATABASE_URL, or the local cluster started as .ci/run does
 *   npm run bench -- --workers 1,2,4           # WORKERS=N, each count on the same data (built once)
 *   taskset -c 1 npm run bench -- --server-cpus 0 --load-cpus 1   # server on core 0, load generators on core 1
 *   npm run bench -- --pages actions,file,fiche   # only these pages (keys below)
 *   npm run bench -- --clients 100000 --free-slots-only   # the free-slot search alone
 *
 * Starts the real server in a child process on a fresh database (a SQLite file, or a new
 * PostgreSQL schema dropped afterwards), signs in as John Doe (client pages), Marie Tremblay (the
 * agents' workspace) and the manager (the dashboard's quarter), then drives each page for
 * BENCH_SECONDS (default 8) with autocannon (10 connections, gzip, from this process) and with
 * Debian's `wrk` (2 threads, 10 connections), which lets a server go faster than autocannon can
 * ask. Beside each page, a bare node:http server in its own process (on the server's cores) serves
 * the same bytes and headers from memory (the page's security headers weigh a kilobyte; the issue's
 * referee sends them too), driven the same way by both: the ratio to it is the figure to compare
 * between machines and runs, as absolute numbers depend on the machine and its load. Each row ends
 * with the machine's 1-minute load average. The server runs with NODE_ENV=development: in
 * production, staff enrol a second factor before their first session, which a benchmark can't.
 *
 * First, the free-slot search of « Proposer un rendez-vous » is timed in this process, as the page
 * runs it, for an agent with a year of appointments (bench-data.ts, addAgentYear): median and
 * 90th percentile of 60 runs after 10 to warm up. Target: a median of 50 ms or less.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { proposalContext } from '../src/modules/appointments/appointment-slots.service';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database';
import { addAgentYear, addBulkClients, BENCH_SHAPE, progressBar } from './bench-data';
import { adminQuery, startLocalPostgres } from './bench-postgres';
import { freePort, type Load, pageHeaders, pinned, pinSelf, runAutocannon, runWrk, startStaticServer, WRK_MISSING, wrkAvailable } from './bench-tools';
import { signIn, waitForHealth } from './running-server';

interface Page {
  key: string;
  name: string;
  path: string;
}
interface Ids {
  johnId: number;
  /** One of John's appointments with Marie: the staff's appointment page. */
  appointmentId: number;
}

const CLIENT_PAGES: Page[] = [
  { key: 'dossiers', name: '« Mes dossiers »', path: '/mes-dossiers' },
  { key: 'accueil', name: '« Accompagnement Québec »', path: '/accompagnement-quebec' },
  { key: 'actions', name: '« Mes actions »', path: '/accompagnement-quebec/actions' },
  { key: 'rendez-vous', name: '« Rendez-vous »', path: '/rendez-vous' },
  { key: 'messages', name: 'messages', path: '/messages' },
  { key: 'documents', name: '« Mes documents »', path: '/mes-documents' },
];
const agentPages = ({ johnId, appointmentId }: Ids): Page[] => [
  { key: 'file', name: '« Ma file de travail »', path: '/espace' },
  { key: 'file-retard', name: '« Ma file de travail », mine and overdue', path: '/espace?vue=mes-dossiers&retard=1' },
  { key: 'clients', name: '« Mes clients »', path: '/espace/clients' },
  { key: 'clients-tri', name: '« Mes clients » by next appointment', path: '/espace/clients?tri=rendez-vous' },
  { key: 'recherche', name: '« Mes clients », search', path: '/espace/clients?q=doe' },
  { key: 'fiche', name: "John's file (agent)", path: `/espace/clients/${johnId}` },
  { key: 'rdv-staff', name: 'appointment (staff)', path: `/espace/rendez-vous/${appointmentId}` },
  { key: 'agenda', name: '« Mon agenda »', path: '/espace/agenda' },
];
/** The manager's « Tableau de bord » for a quarter starting 13 weeks ago (the bulk clients came 90 days ago). */
const managerPages = (): Page[] => [{ key: 'tableau', name: 'dashboard, quarter (manager)', path: `/gestion?debut=${new Date(Date.now() - 91 * 24 * 3600 * 1000).toISOString().slice(0, 10)}&semaines=13` }];

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? '') : '');
const extraClients = Number(option('--clients')) || 0;
/** `--workers 2`, or `--workers 1,2,4` to measure each count on the same data (built once). */
const workerCounts = (option('--workers') || '1').split(',').map((n) => Math.max(1, Number(n) || 1));
const duration = Number(process.env.BENCH_SECONDS ?? 8);
const freeSlotsOnly = args.includes('--free-slots-only');
/** Cores for the server (and the static server), and for the load generators (this process and wrk). */
const serverCpus = option('--server-cpus') || undefined;
const loadCpus = option('--load-cpus') || undefined;
const pageKeys = option('--pages') ? option('--pages').split(',') : undefined;
const database = option('--database') || (process.env.DATABASE_URL ? 'postgres' : 'sqlite');

async function main(): Promise<void> {
  if (database !== 'sqlite' && database !== 'postgres') throw new Error('--database sqlite or --database postgres');
  const databaseUrl = database === 'postgres' ? process.env.DATABASE_URL || startLocalPostgres() : undefined;
  if (loadCpus) pinSelf(loadCpus);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-bench-'));
  // PostgreSQL: a schema of the run's own, so that the bench never touches existing data.
  const schema = databaseUrl ? `bench_${process.pid}_${Date.now().toString(36)}` : undefined;
  try {
    if (databaseUrl && schema) await adminQuery(databaseUrl, `create schema ${schema}`);
    const connection = connect({ databaseUrl, pgSchema: schema, sqliteFile: path.join(dir, 'accompagnement.sqlite') });
    await migrateToLatest(connection.db, schema);
    const demo = await seedDemo(connection.db, () => new Date());
    if (extraClients > 0) {
      const started = Date.now();
      await addBulkClients(connection.db, extraClients, BENCH_SHAPE, (done) => process.stderr.write(`\rbulk data: ${progressBar(done / extraClients)} ${done}/${extraClients}`));
      process.stderr.write(` (${Math.round((Date.now() - started) / 1000)} s)\n`);
    }
    await timeFreeSlots(connection.db, databaseUrl);
    const appointment = await connection.db.selectFrom('appointments').select('id').where('client_id', '=', demo.john.id).where('agent_id', '=', demo.marie.id).orderBy('id').executeTakeFirstOrThrow();
    await connection.close();
    if (freeSlotsOnly) return;
    const ids = { johnId: demo.john.id, appointmentId: appointment.id };
    for (const workers of workerCounts) await measure(dir, databaseUrl, schema, workers, ids);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    if (databaseUrl && schema) await adminQuery(databaseUrl, `drop schema if exists ${schema} cascade`);
  }
}

/** Starts the server with `workers` processes on the prepared database and drives every page. */
async function measure(dir: string, databaseUrl: string | undefined, schema: string | undefined, workers: number, ids: Ids): Promise<void> {
  const port = await freePort();
  const [command, commandArgs] = pinned(serverCpus, process.execPath, ['--import', 'tsx', 'src/server.ts']);
  const server = spawn(command, commandArgs, {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_DEMO: 'never', DATABASE_URL: databaseUrl ?? '', DATABASE_SCHEMA: schema ?? '', WORKERS: String(workers) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const withWrk = wrkAvailable();
  try {
    await waitForHealth(base, workers);
    console.log(
      `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; database: ${databaseUrl ? 'PostgreSQL' : 'SQLite'}; workers: ${workers}; extra clients: ${extraClients}; server cores: ${serverCpus ?? 'any'}; load generator cores: ${loadCpus ?? 'any'}; ${duration} s per measure; started ${new Date().toISOString().slice(0, 16)}Z`,
    );
    if (!withWrk) console.log(WRK_MISSING);
    console.log('\n| page | status | bytes (gzip) | autocannon req/s | static | ratio | p99 ms | wrk req/s | static | ratio | p99 ms | load 1 min |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [email, pages] of [
      ['john.doe@example.com', CLIENT_PAGES],
      ['marie.tremblay@example.com', agentPages(ids)],
      ['admin@example.com', managerPages()],
    ] as const) {
      const chosen = pages.filter((page) => !pageKeys || pageKeys.includes(page.key));
      if (chosen.length === 0) continue;
      const cookie = await signIn(base, email);
      for (const page of chosen) await measurePage(dir, base, page, cookie, withWrk);
    }
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  }
}

/** One row: the page, then the same bytes and headers from the static server, each under autocannon then wrk. */
async function measurePage(dir: string, base: string, page: Page, cookie: string, withWrk: boolean): Promise<void> {
  const headers = { cookie, 'accept-encoding': 'gzip' };
  const probe = await fetch(base + page.path, { headers: { cookie } });
  const html = Buffer.from(await probe.arrayBuffer());
  const gzipped = gzipSync(html);
  // A second of warm-up: the first requests compile the page's code and fill its caches.
  await runAutocannon(base + page.path, headers, 1);
  const app = await runAutocannon(base + page.path, headers, duration);
  const appWrk = withWrk ? await runWrk(base + page.path, headers, duration, loadCpus) : undefined;
  const staticServer = await startStaticServer(dir, gzipped, serverCpus, pageHeaders(probe.headers));
  let bare: Load;
  let bareWrk: Load | undefined;
  try {
    bare = await runAutocannon(staticServer.url, { 'accept-encoding': 'gzip' }, duration);
    bareWrk = withWrk ? await runWrk(staticServer.url, { 'accept-encoding': 'gzip' }, duration, loadCpus) : undefined;
  } finally {
    staticServer.stop();
  }
  const ratio = (load: Load, ceiling: Load) => `${Math.round((100 * load.rate) / ceiling.rate)} %`;
  const errors = (load: Load) => (load.errors > 0 ? ` (${load.errors} not 2xx)` : '');
  // No answer within the measure: a p99 of 0 would read as instant.
  const p99 = (load: Load) => (load.rate > 0 || load.p99 > 0 ? load.p99 : `none in ${duration} s`);
  const wrkCells = appWrk && bareWrk ? [`${appWrk.rate}${errors(appWrk)}`, bareWrk.rate, ratio(appWrk, bareWrk), p99(appWrk)] : ['–', '–', '–', '–'];
  console.log(
    `| ${page.name} | ${probe.status} | ${html.length} (${gzipped.length}) | ${app.rate}${errors(app)} | ${bare.rate} | ${ratio(app, bare)} | ${p99(app)} | ${wrkCells.join(' | ')} | ${os.loadavg()[0].toFixed(2)} |`,
  );
}

/** The free-slot search for an agent with a year of appointments, as « Proposer un rendez-vous » runs it. */
async function timeFreeSlots(db: Kysely<Database>, databaseUrl: string | undefined): Promise<void> {
  const { agentId, clientId, appointments } = await addAgentYear(db);
  const deps = { clock: () => new Date(), publicUrl: 'http://localhost', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 };
  const actor = { role: 'agent' as const, id: agentId };
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 70; i++) {
    const started = performance.now();
    const context = await proposalContext(db, actor, { clientId, durationMinutes: 60 }, deps);
    if (i >= 10) times.push(performance.now() - started);
    found = context.slots.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const p90 = times[Math.floor(times.length * 0.9)] ?? 0;
  console.log(
    `\nfree-slot search (${databaseUrl ? 'PostgreSQL' : 'SQLite'}; ${extraClients} extra clients; an agent with ${appointments} appointments over a year): median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms over ${times.length} runs; ${found} slots offered (target: median ≤ 50 ms)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
