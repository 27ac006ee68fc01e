/**
 * Throughput and page weight of authenticated pages on the embedded database.
 *
 *   npm run bench                      # demo data only
 *   npm run bench -- --clients 100000  # plus 100k extra clients, to check that pages stay flat
 *
 * Starts the real server in a child process on a fresh SQLite file, signs in as John Doe (client
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
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/db/seed/demo';
import { addBulkClients, BENCH_SHAPE, progressBar } from './bench-data';

const CLIENT_PAGES = ['/mes-dossiers', '/accompagnement-quebec', '/accompagnement-quebec/actions', '/rendez-vous', '/messages'];
/** « Ma file de travail », « Mes clients » (list and search) and a client's file. */
const agentPages = (johnId: number) => ['/espace', '/espace/clients', '/espace/clients?q=doe', `/espace/clients/${johnId}`];
const args = process.argv.slice(2);
const extraClients = Number(args[args.indexOf('--clients') + 1] ?? 0) || 0;
const duration = Number(process.env.BENCH_SECONDS ?? 8);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-bench-'));
  const database = connect({ sqliteFile: path.join(dir, 'accompagnement.sqlite') });
  await migrateToLatest(database.db);
  const demo = await seedDemo(database.db, () => new Date());
  if (extraClients > 0) {
    const started = Date.now();
    await addBulkClients(database.db, extraClients, BENCH_SHAPE, (done) => process.stderr.write(`\rbulk data: ${progressBar(done / extraClients)} ${done}/${extraClients}`));
    process.stderr.write(` (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
  await database.close();

  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_DEMO: 'never', DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; node ${process.version}; extra clients: ${extraClients}`);
    console.log('page | status | bytes (gzip) | req/s | p50 ms | p99 ms | static req/s | ratio');
    for (const [email, pages] of [
      ['john.doe@example.com', CLIENT_PAGES],
      ['marie.tremblay@example.com', agentPages(demo.john.id)],
    ] as const) {
      const cookie = await signIn(base, email);
      for (const page of pages) {
        const probe = await fetch(base + page, { headers: { cookie } });
        const html = Buffer.from(await probe.arrayBuffer());
        const result = await autocannon({ url: base + page, connections: 10, duration, headers: { cookie, 'accept-encoding': 'gzip' } });
        const staticRate = await staticBaseline(dir, gzipSync(html));
        const rate = Math.round(result.requests.average);
        console.log(`${page} | ${probe.status} | ${html.length} (${gzipSync(html).length}) | ${rate} | ${result.latency.p50} | ${result.latency.p99} | ${staticRate} | ${Math.round((100 * rate) / staticRate)}%`);
      }
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

async function signIn(base: string, email: string): Promise<string> {
  const page = await fetch(`${base}/connexion`);
  const csrf = /aq_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const response = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `aq_csrf=${csrf}` },
    body: new URLSearchParams({ _csrf: csrf, email, password: 'Demo-Accompagnement-2026' }),
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
