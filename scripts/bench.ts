/**
 * Throughput and page weight of authenticated pages.
 *
 *   npm run bench                      # demo data only, one server process, SQLite
 *   npm run bench -- --clients 100000  # plus 100k extra clients, to check that pages stay flat
 *   npm run bench -- --workers 2       # WORKERS=2: a primary and two server processes
 *   npm run bench -- --workers 1,2     # one process, then two, on the same data
 *   DATABASE_URL=postgres://… npm run bench   # on PostgreSQL, in a fresh schema dropped afterwards
 *
 * Starts the real server in a child process on a fresh database (a SQLite file, or a new
 * PostgreSQL schema when DATABASE_URL is set), signs in as John Doe (client
 * pages) and as Marie Tremblay (the agents' workspace), then drives each page with autocannon
 * (10 connections, 8 s) from this process. Beside each page, a plain node:http server in its own
 * process serves the same bytes from memory: the ratio to it is the figure to compare between
 * machines, as absolute numbers depend on the machine. The server runs with NODE_ENV=development:
 * in production, staff enrol a second factor before their first session, which a benchmark can't.
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
import { addBulkClients, BENCH_SHAPE, progressBar } from './bench-data';
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
    await database.close();
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
