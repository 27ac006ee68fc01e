/**
 * Where a signed-in page's time goes under load: starts the server with `--cpu-prof` on a fresh
 * demo database, drives one page with autocannon, stops the server (the profile is written on
 * exit) and prints the busiest packages and functions (self time).
 *   npx tsx scripts/profile-server.ts [/accompagnement-quebec/actions] [john.doe@example.com] [--clients 100000] [--database postgres]
 * On PostgreSQL (DATABASE_URL, or the local cluster started as the bench does), in a schema of its own dropped afterwards.
 * PROFILE_LOAD=wrk drives the page with Debian's wrk instead of autocannon (no Node load generator on the cores).
 * Open the .cpuprofile it names in Chrome DevTools for the call tree.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { addBulkClients, BENCH_SHAPE } from './bench-data';
import { adminQuery, startLocalPostgres } from './bench-postgres';
import { runWrk } from './bench-tools';
import { signIn, waitForHealth } from './running-server';

const args = process.argv.slice(2);
const extraClients = args.includes('--clients') ? Number(args.splice(args.indexOf('--clients'), 2)[1]) || 0 : 0;
const onPostgres = args.includes('--database') && args.splice(args.indexOf('--database'), 2)[1] === 'postgres';
const page = args[0] ?? '/accompagnement-quebec/actions';
const email = args[1] ?? 'john.doe@example.com';
const seconds = Number(process.env.PROFILE_SECONDS ?? 8);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-profile-'));
  const databaseUrl = onPostgres ? process.env.DATABASE_URL || startLocalPostgres() : undefined;
  const schema = databaseUrl ? `profile_${process.pid}_${Date.now().toString(36)}` : undefined;
  if (databaseUrl) await adminQuery(databaseUrl, `create schema ${schema}`);
  try {
    await profile(dir, databaseUrl, schema);
  } finally {
    if (databaseUrl) await adminQuery(databaseUrl, `drop schema if exists ${schema} cascade`);
  }
}

async function profile(dir: string, databaseUrl: string | undefined, schema: string | undefined): Promise<void> {
  const database = connect({ databaseUrl, pgSchema: schema, sqliteFile: path.join(dir, 'accompagnement.sqlite') });
  await migrateToLatest(database.db, schema);
  await seedDemo(database.db, () => new Date());
  // The same data as `npm run bench -- --clients N`, to see what grows with scale.
  if (extraClients > 0) await addBulkClients(database.db, extraClients, BENCH_SHAPE);
  await database.close();
  const port = 3800 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_DEMO: 'never', DATABASE_URL: databaseUrl ?? '', DATABASE_SCHEMA: schema ?? '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base);
  const cookie = await signIn(base, email);
  const headers = { cookie, 'accept-encoding': 'gzip' };
  await autocannon({ url: base + page, connections: 10, duration: 2, headers });
  // PROFILE_LOAD=wrk: Debian's wrk drives the page instead (no Node load generator on the cores).
  const result =
    process.env.PROFILE_LOAD === 'wrk'
      ? await runWrk(base + page, headers, seconds)
      : await autocannon({ url: base + page, connections: 10, duration: seconds, headers }).then((r) => ({ rate: Math.round(r.requests.average), p99: r.latency.p99 }));
  console.log(`${page} (${databaseUrl ? 'PostgreSQL' : 'SQLite'}, ${process.env.PROFILE_LOAD === 'wrk' ? 'wrk' : 'autocannon'}): ${result.rate} req/s, p99 ${result.p99} ms`);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGINT');
  await exited;
  // tsx's loader thread writes a profile too: the server's main thread is the largest one.
  const profiles = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
  if (profiles.length === 0) throw new Error('no profile written');
  summarize(profiles.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

function summarize(file: string): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const delta = profile.timeDeltas[i] ?? 0;
    if (frame.functionName === '(idle)') return;
    total += delta;
    const where = placeOf(frame.url);
    byPackage.set(where, (byPackage.get(where) ?? 0) + delta);
    const fn = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + delta);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  console.log(`busy time ${Math.round(total / 1000)} ms — profile: ${file}\n\nby package or file:\n${top(byPackage, 25)}\n\nby function:\n${top(byFunction, 35)}`);
}

function placeOf(url: string): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(src\/[^?]+)/.exec(url);
  if (own) return own[1]!;
  return url.replace(/^.*\//, '');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
