/**
 * How long the manager's « Tableau de bord » takes to answer, one request at a time:
 *
 *   npx tsx scripts/time-dashboard.ts --clients 100000                 # a fresh SQLite file: demo + 100k clients
 *   DATABASE_URL=postgres://… npx tsx scripts/time-dashboard.ts --clients 100000   # a fresh PostgreSQL schema
 *   DATA_DIR=/path/to/data npx tsx scripts/time-dashboard.ts           # an existing database (npm run seed:large)
 *
 * With `--clients N`, the demo data and N bulk clients (bench-data.ts, the bench's shape) are
 * written to a database of the run's own (a temporary SQLite file, or a new PostgreSQL schema),
 * dropped afterwards unless `--keep` is given (then its place is printed, to time it again with
 * DATA_DIR or DATABASE_SCHEMA). Then the server starts on it (development mode, so the manager
 * signs in without a second factor, no demo seeding), signs in as admin@example.com and times the
 * dashboard for one week, a quarter (13 weeks) and half a year (26 weeks), each starting 13 weeks
 * ago (the bulk clients came 90 days ago), median and slowest of 15 requests after 3 to warm up.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { addBulkClients, BENCH_SHAPE, progressBar } from './bench-data';
import { adminQuery } from './bench-postgres';
import { signIn, waitForHealth } from './running-server';

const RUNS = 15;
const args = process.argv.slice(2);
const clients = args.includes('--clients') ? Number(args[args.indexOf('--clients') + 1]) || 0 : undefined;
const keep = args.includes('--keep');
const databaseUrl = process.env.DATABASE_URL || undefined;

async function main(): Promise<void> {
  if (clients === undefined) return time({ ...process.env });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-dashboard-'));
  // PostgreSQL: a schema of the run's own, so that the run never touches existing data.
  const schema = databaseUrl ? `dashboard_${process.pid}_${Date.now().toString(36)}` : undefined;
  try {
    if (databaseUrl && schema) await adminQuery(databaseUrl, `create schema ${schema}`);
    const database = connect({ databaseUrl, pgSchema: schema, sqliteFile: path.join(dir, 'accompagnement.sqlite') });
    await migrateToLatest(database.db, schema);
    await seedDemo(database.db, () => new Date());
    const started = Date.now();
    await addBulkClients(database.db, clients, BENCH_SHAPE, (done) => process.stderr.write(`\rbulk data: ${progressBar(done / clients)} ${done}/${clients}`));
    process.stderr.write(` (${Math.round((Date.now() - started) / 1000)} s)\n`);
    // PostgreSQL: the planner's statistics, as a database in service has them (autovacuum would
    // gather them only some minutes later, in the middle of the timing). Not SQLite: the service
    // never analyzes it, and statistics taken with tables still empty (message_replies) make
    // « Réponses à lire » scan every account (0.2 → 53 ms at 100k).
    if (databaseUrl) await sql`analyze accounts, intake_requests, agent_tasks, appointments, plans, dashboard_counts, client_plan_counts`.execute(database.db);
    await database.close();
    await time({ ...process.env, DATA_DIR: dir, DATABASE_SCHEMA: schema ?? '' });
  } finally {
    if (keep) console.log(databaseUrl ? `kept: DATABASE_SCHEMA=${schema}` : `kept: DATA_DIR=${dir}`);
    // On PostgreSQL the directory stays empty: never kept.
    if (!keep || databaseUrl) fs.rmSync(dir, { recursive: true, force: true });
    if (!keep && databaseUrl && schema) await adminQuery(databaseUrl, `drop schema if exists ${schema} cascade`);
  }
}

/** Starts the server on the database `env` names and times the dashboard for 1, 13 and 26 weeks. */
async function time(env: NodeJS.ProcessEnv): Promise<void> {
  const port = 3700 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_DEMO: env.SEED_DEMO ?? 'never', WORKERS: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base);
    const cookie = await signIn(base, 'admin@example.com');
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; node ${process.version}; ${databaseUrl ? 'PostgreSQL' : 'SQLite'}${clients ? `; ${clients} bulk clients` : ''}`,
    );
    console.log('period | status | median ms | slowest ms');
    const start = new Date(Date.now() - 91 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    for (const weeks of [1, 13, 26]) {
      const url = `${base}/gestion?debut=${start}&semaines=${weeks}`;
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < RUNS + 3; i++) {
        const started = performance.now();
        const response = await fetch(url, { headers: { cookie } });
        await response.arrayBuffer();
        status = response.status;
        if (i >= 3) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`${weeks} week(s) | ${status} | ${times[Math.floor(RUNS / 2)]!.toFixed(0)} | ${times[RUNS - 1]!.toFixed(0)}`);
    }
  } finally {
    server.kill('SIGTERM');
    // The server holds the database until it has stopped: wait before dropping it.
    await exited;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
