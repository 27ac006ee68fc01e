/**
 * How long the manager's « Tableau de bord » takes to answer, one request at a time, on an
 * existing database (for instance one filled by `npm run seed:large`):
 *
 *   DATA_DIR=/path/to/data npx tsx scripts/time-dashboard.ts          # or DATABASE_URL=postgres://…
 *
 * Starts the server on that database (development mode, so the manager signs in without a second
 * factor, no demo seeding), signs in as admin@example.com and times the dashboard for one week,
 * a quarter (13 weeks) and half a year (26 weeks), each starting 13 weeks ago (seed:large's clients
 * came 90 days ago), median and slowest of 15 requests after 3 to warm up.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { signIn, waitForHealth } from './running-server';

const RUNS = 15;

async function main(): Promise<void> {
  const port = 3700 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_DEMO: process.env.SEED_DEMO ?? 'never', WORKERS: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base);
    const cookie = await signIn(base, 'admin@example.com');
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; node ${process.version}; ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
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
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
