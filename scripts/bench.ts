/**
 * Throughput and page weight of authenticated pages.
 *
 *   npm run bench                      # demo data only, one server process, SQLite
 *   npm run bench -- --clients 100000  # plus 100k extra clients, to check that pages stay flat
 *   npm run bench -- --workers 2       # WORKERS=2: a primary and two server processes
 *   npm run bench -- --workers 1,2     # one process, then two, on the same data
 *   DATABASE_URL=postgres://… npm run bench   # on PostgreSQL, in a fresh schema dropped afterwards
 *   npm run bench -- --clients 100000 --free-slots-only   # the free-slot search alone
 *
 * Starts the real server in a child process on a fresh database (a SQLite file, or a new
 * PostgreSQL schema when DATABASE_URL is set), signs in as John Doe (client
 * pages) and as Marie Tremblay (the agents' workspace), then drives each page with autocannon
 * (10 connections, 8 s) from this process. Beside each page, a plain node:http server in its own
 * process serves the same bytes from memory: the ratio to it is the figure to compare between
 * machines, as absolute numbers depend on the machine. The server runs with NODE_ENV=development:
 * in production, staff enrol a second factor before their first session, which a benchmark can't.
 *
 * First, the free-slot search of « Proposer un rendez-vous » is timed in this process, as the page
 * runs it (the client's needs, the agent's week and absences, both persons' appointments, the
 * search), for an agent with a year of appointments (bench-data.ts, addAgentYear): median and
 * 90th percentile of 60 runs after 10 to warm up. Target: a median of 50 ms or less.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/db/seed/demo';
import { proposalContext } from '../src/modules/appointments/appointment-slots.service';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database';
import { addAgentYear, addBulkClients, BENCH_SHAPE, progressBar } from './bench-data';
import { signIn, waitForHealth } from './running-server';

const CLIENT_PAGES = ['/mes-dossiers', '/accompagnement-quebec', '/accompagnement-quebec/actions', '/rendez-vous', '/messages'];
/** « Ma file de travail », « Mes clients » (list and search) and a client's file. */
const agentPages = (johnId: number) => ['/espace', '/espace/clients', '/espace/clients?q=doe', `/espace/clients/${johnId}`];
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? '') : '');
const extraClients = Number(option('--clients')) || 0;
/** `--workers 2`, or `--workers 1,2` to measure each count on the same data (built once). */
const workerCounts = (option('--workers') || '1').split(',').map((n) => Math.max(1, Number(n) || 1));
const duration = Number(process.env.BENCH_SECONDS ?? 8);
const databaseUrl = process.env.DATABASE_URL || undefined;
const freeSlotsOnly = args.includes('--free-slots-only');

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-bench-'));
  // PostgreSQL: a schema of the run's own, so that the bench never touches existing data.
  const schema = databaseUrl ? `bench_${process.pid}_${Date.now().toString(36)}` : undefined;
  try {
    if (databaseUrl && schema) await adminQuery(databaseUrl, `create schema ${schema}`);
    const database = connect({ databaseUrl, pgSchema: schema, sqliteFile: path.join(dir, 'accompagnement.sqlite') });
    await migrateToLatest(database.db, schema);
    const demo = await seedDemo(database.db, () => new Date());
    if (extraClients > 0) {
      const started = Date.now();
      await addBulkClients(database.db, extraClients, BENCH_SHAPE, (done) => process.stderr.write(`\rbulk data: ${progressBar(done / extraClients)} ${done}/${extraClients}`));
      process.stderr.write(` (${Math.round((Date.now() - started) / 1000)} s)\n`);
    }
    await timeFreeSlots(database.db);
    await database.close();
    if (freeSlotsOnly) return;
    for (const workers of workerCounts) await measure(dir, schema, workers, demo.john.id);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    if (databaseUrl && schema) await adminQuery(databaseUrl, `drop schema if exists ${schema} cascade`);
  }
}

/** Starts the server with `workers` processes on the prepared database and drives every page. */
async function measure(dir: string, schema: string | undefined, workers: number, johnId: number): Promise<void> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_DEMO: 'never', DATABASE_URL: databaseUrl ?? '', DATABASE_SCHEMA: schema ?? '', WORKERS: String(workers) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, workers);
    console.log(
      `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; database: ${databaseUrl ? 'PostgreSQL' : 'SQLite'}; workers: ${workers}; extra clients: ${extraClients}; ${duration} s per measure`,
    );
    console.log('page | status | bytes (gzip) | req/s | p50 ms | p99 ms | static req/s | ratio | load avg (1 min)');
    for (const [email, pages] of [
      ['john.doe@example.com', CLIENT_PAGES],
      ['marie.tremblay@example.com', agentPages(johnId)],
    ] as const) {
      const cookie = await signIn(base, email);
      for (const page of pages) {
        const probe = await fetch(base + page, { headers: { cookie } });
        const html = Buffer.from(await probe.arrayBuffer());
        const result = await autocannon({ url: base + page, connections: 10, duration, headers: { cookie, 'accept-encoding': 'gzip' } });
        const staticRate = await staticBaseline(dir, gzipSync(html));
        const rate = Math.round(result.requests.average);
        console.log(
          `${page} | ${probe.status} | ${html.length} (${gzipSync(html).length}) | ${rate} | ${result.latency.p50} | ${result.latency.p99} | ${staticRate} | ${Math.round((100 * rate) / staticRate)}% | ${os.loadavg()[0].toFixed(2)}`,
        );
      }
    }
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  }
}

/** The free-slot search for an agent with a year of appointments, as « Proposer un rendez-vous » runs it. */
async function timeFreeSlots(db: Kysely<Database>): Promise<void> {
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

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * The same compressed bytes served from memory by a bare node:http server in its own process,
 * driven the same way: the ceiling a page is compared to.
 */
async function staticBaseline(dir: string, body: Buffer): Promise<number> {
  const file = path.join(dir, 'static-body.gz');
  fs.writeFileSync(file, body);
  const port = 3990 + Math.floor(Math.random() * 9);
  const source = `const b=require('fs').readFileSync(${JSON.stringify(file)});require('http').createServer((q,r)=>{r.writeHead(200,{'content-type':'text/html; charset=utf-8','content-encoding':'gzip','cache-control':'no-store'});r.end(b)}).listen(${port},'127.0.0.1',()=>console.log('ready'))`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((resolve) => child.stdout?.once('data', resolve));
    const result = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 10, duration, headers: { 'accept-encoding': 'gzip' } });
    return Math.round(result.requests.average);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
