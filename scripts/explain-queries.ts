/**
 * Every query behind each hot page, with the database's own plan and time, at national scale:
 *
 *   npx tsx scripts/explain-queries.ts                          # SQLite, demo data + 100k clients
 *   npx tsx scripts/explain-queries.ts --clients 100000 --shape large   # seed:large's shape (5M audit lines)
 *   DATABASE_URL=postgres://… npx tsx scripts/explain-queries.ts        # PostgreSQL, EXPLAIN ANALYZE
 *   DATA_DIR=… npx tsx scripts/explain-queries.ts --existing            # a database seed:large filled
 *   DATABASE_URL=… DATABASE_SCHEMA=… npx tsx scripts/explain-queries.ts --existing
 *
 * Builds a fresh database (a temporary SQLite file, or a PostgreSQL schema dropped afterwards),
 * starts the service in this process with a query log, opens each page once as John Doe (client),
 * Marie Tremblay (agent) and the manager, and lists the SELECTs each page ran. Each is then
 * explained with the values it was run with — `EXPLAIN QUERY PLAN` and the median of 20 runs on
 * SQLite, `EXPLAIN (ANALYZE, BUFFERS)` on PostgreSQL — and flagged when it scans a large table
 * whole, which is what makes a page slow down as the data grows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { addBulkClients, BENCH_SHAPE, LARGE_SHAPE, progressBar } from './bench-data';
import { signIn } from './running-server';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const extraClients = Number(option('--clients', '100000'));
const shape = option('--shape', 'bench') === 'large' ? LARGE_SHAPE : BENCH_SHAPE;
const databaseUrl = process.env.DATABASE_URL || undefined;
/** Explain on the configured database as it is (DATA_DIR, or DATABASE_URL and DATABASE_SCHEMA) instead of building one. */
const existing = args.includes('--existing');
/** Tables that grow with the number of clients: reading one whole is what to avoid. */
const LARGE_TABLES = ['accounts', 'appointments', 'plans', 'plan_actions', 'audit_log', 'intake_requests', 'messages', 'agent_tasks', 'message_replies', 'sessions', 'mail_outbox'];

interface Logged {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

async function main(): Promise<void> {
  const dir = existing ? path.resolve(process.env.DATA_DIR ?? './data') : fs.mkdtempSync(path.join(os.tmpdir(), 'aq-explain-'));
  const sqliteFile = path.join(dir, 'accompagnement.sqlite');
  const schema = databaseUrl ? (existing ? process.env.DATABASE_SCHEMA || 'public' : `explain_${process.pid}`) : undefined;
  const log: Logged[] = [];
  const onQuery = (event: LogEvent) => log.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  try {
    if (databaseUrl && !existing) await adminQuery(databaseUrl, `create schema ${schema}`);
    const database = connect({ databaseUrl, pgSchema: schema, sqliteFile, onQuery });
    await migrateToLatest(database.db, schema);
    const john = existing ? await database.db.selectFrom('accounts').select('id').where('email', '=', 'john.doe@example.com').executeTakeFirstOrThrow() : (await seedDemo(database.db, () => new Date())).john;
    if (extraClients > 0 && !existing) {
      const started = Date.now();
      await addBulkClients(database.db, extraClients, shape, (done) => process.stderr.write(`\rbulk data: ${progressBar(done / extraClients)} ${done}/${extraClients}`));
      process.stderr.write(` (${Math.round((Date.now() - started) / 1000)} s)\n`);
    }
    // PostgreSQL: fresh statistics, as autovacuum keeps them on a database that has lived a while.
    if (databaseUrl) await adminQuery(databaseUrl, LARGE_TABLES.map((table) => `analyze ${table}`).join('; '), schema);
    // SQLite: no ANALYZE, as the service never runs one: the plans shown are those it gets.
    log.length = 0;

    const app = await buildApp({ config: loadConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dir, SEED_DEMO: 'never' }), database, logger: false });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const quarterStart = new Date(Date.now() - 91 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const visits: Array<[string, string[]]> = [
      ['john.doe@example.com', ['/accompagnement-quebec', '/accompagnement-quebec/actions', '/rendez-vous', '/messages']],
      [
        'marie.tremblay@example.com',
        [
          '/espace',
          '/espace?vue=mes-dossiers&retard=1',
          '/espace/clients',
          '/espace/clients?q=doe',
          '/espace/clients?tri=rendez-vous',
          '/espace/clients?tri=contact&ordre=desc',
          '/espace/clients?tri=plan',
          `/espace/clients/${john.id}`,
        ],
      ],
      // A manager's « Mes clients » is everyone: sorted by a column, each client's key is worked out.
      ['admin@example.com', [`/gestion?debut=${quarterStart}&semaines=13`, '/espace/clients?q=doe', '/espace/clients', '/espace/clients?tri=rendez-vous']],
    ];
    const pages: Array<{ who: string; page: string; queries: Logged[] }> = [];
    for (const [email, urls] of visits) {
      const cookie = await signIn(address, email);
      for (const url of urls) {
        log.length = 0;
        const response = await fetch(address + url, { headers: { cookie } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        pages.push({ who: email.split('@')[0]!, page: url, queries: log.filter((q) => /^\s*(select|with)\b/i.test(q.sql)) });
      }
    }
    await app.close();

    const scale = existing ? 'the existing database' : `${extraClients} extra clients (${shape === LARGE_SHAPE ? 'seed:large shape' : 'bench shape'})`;
    console.log(`# Hot queries on ${scale}, ${databaseUrl ? 'PostgreSQL, EXPLAIN (ANALYZE, BUFFERS)' : 'SQLite, EXPLAIN QUERY PLAN, median of 20 runs'}`);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; load ${os.loadavg()[0]!.toFixed(1)}; node ${process.version}\n`);
    const explain = databaseUrl ? await postgresExplainer(databaseUrl, schema!) : sqliteExplainer(sqliteFile);
    let wholeScans = 0;
    for (const { who, page, queries } of pages) {
      const explained = [];
      for (const query of queries) explained.push({ query, ...(await explain(query)) });
      const total = explained.reduce((sum, e) => sum + e.ms, 0);
      console.log(`## ${who} ${page}: ${queries.length} queries, ${total.toFixed(2)} ms in the database`);
      for (const { query, ms, plan, scans } of explained.sort((a, b) => b.ms - a.ms)) {
        wholeScans += scans.length;
        console.log(`- ${ms.toFixed(3)} ms${scans.length ? `  **reads whole: ${scans.join(', ')}**` : ''}\n  ${query.sql.replace(/\s+/g, ' ').slice(0, 300)}\n${plan.map((line) => `    ${line}`).join('\n')}`);
      }
      console.log('');
    }
    console.log(`${wholeScans} whole reads of a large table.`);
    await explain.close();
    await database.close();
  } finally {
    if (!existing) {
      fs.rmSync(dir, { recursive: true, force: true });
      if (databaseUrl) await adminQuery(databaseUrl, `drop schema if exists ${schema} cascade`);
    }
  }
}

interface Explainer {
  (query: Logged): Promise<{ ms: number; plan: string[]; scans: string[] }>;
  close(): Promise<void>;
}

function sqliteExplainer(file: string): Explainer {
  const sqlite = new SQLite(file, { readonly: true });
  const explain = async (query: Logged) => {
    const params = query.parameters as unknown[];
    const plan = (sqlite.prepare(`explain query plan ${query.sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
    const statement = sqlite.prepare(query.sql);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      statement.all(...params);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    // « SCAN t » reads the table whole; « SCAN t USING [COVERING] INDEX i » reads a whole index.
    const scans = plan.flatMap((line) => {
      const match = /^SCAN (\w+)(?: AS \w+)?(?: USING (?:COVERING )?INDEX (\w+))?/.exec(line);
      return match && LARGE_TABLES.includes(match[1]!) ? [match[2] ? `${match[1]} (index ${match[2]})` : match[1]!] : [];
    });
    return { ms: times[10]!, plan, scans };
  };
  return Object.assign(explain, { close: async () => void sqlite.close() });
}

async function postgresExplainer(url: string, schema: string): Promise<Explainer> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const explain = async (query: Logged) => {
    const result = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, query.parameters as unknown[]);
    const plan = result.rows.map((row) => row['QUERY PLAN']);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? 0);
    const scans = plan.flatMap((line) => {
      const match = /Seq Scan on (\w+)/.exec(line);
      return match && LARGE_TABLES.includes(match[1]!) ? [match[1]!] : [];
    });
    return { ms, plan, scans };
  };
  return Object.assign(explain, { close: () => client.end() });
}

async function adminQuery(url: string, text: string, schema?: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
