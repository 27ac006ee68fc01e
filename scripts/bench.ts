/**
 * Throughput and page weight of authenticated pages on the embedded database.
 *
 *   npm run bench                      # demo data only
 *   npm run bench -- --clients 100000  # plus 100k extra clients, to check that pages stay flat
 *
 * Starts the real server in a child process on a fresh SQLite file, signs in as John Doe, then
 * drives each page with autocannon (10 connections, 8 s) from this process. Figures depend on the
 * machine: compare them as ratios between runs on the same machine.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/db/seed/demo';
import { addBulkClients } from './bench-data';

const PAGES = ['/mes-dossiers', '/accompagnement-quebec', '/accompagnement-quebec/actions', '/rendez-vous', '/messages'];
const args = process.argv.slice(2);
const extraClients = Number(args[args.indexOf('--clients') + 1] ?? 0) || 0;
const duration = Number(process.env.BENCH_SECONDS ?? 8);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-bench-'));
  const database = connect({ sqliteFile: path.join(dir, 'accompagnement.sqlite') });
  await migrateToLatest(database.db);
  await seedDemo(database.db, () => new Date());
  if (extraClients > 0) await addBulkClients(database.db, extraClients);
  await database.close();

  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base);
    const cookie = await signIn(base);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; extra clients: ${extraClients}`);
    console.log('page | status | bytes (gzip) | req/s | p50 ms | p99 ms');
    for (const page of PAGES) {
      const probe = await fetch(base + page, { headers: { cookie } });
      const html = Buffer.from(await probe.arrayBuffer());
      const result = await autocannon({ url: base + page, connections: 10, duration, headers: { cookie, 'accept-encoding': 'gzip' } });
      console.log(`${page} | ${probe.status} | ${html.length} (${gzipSync(html).length}) | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99}`);
    }
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not start');
}

async function signIn(base: string): Promise<string> {
  const page = await fetch(`${base}/connexion`);
  const csrf = /aq_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const response = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `aq_csrf=${csrf}` },
    body: new URLSearchParams({ _csrf: csrf, email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' }),
  });
  const session = /aq_session=([^;]+)/.exec(response.headers.getSetCookie().join(';'))?.[1];
  if (!session) throw new Error(`sign-in failed: ${response.status}`);
  const newCsrf = /aq_csrf=([^;]+)/.exec(response.headers.getSetCookie().join(';'))?.[1] ?? csrf;
  return `aq_session=${session}; aq_csrf=${newCsrf}`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
