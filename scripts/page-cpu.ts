/**
 * CPU time per request of the pages issue 21 names, in this process through `app.inject` (no
 * sockets, no load generator): on a shared machine, where the load average moves req/s from one
 * run to the next, the CPU a request costs moves much less. A kept page, then pages that were
 * rendered on every request. 20 requests to warm up, then 200 timed, per page.
 *   npx tsx scripts/page-cpu.ts [url-substring]          # SQLite
 *   DATABASE_URL=postgres://… npx tsx scripts/page-cpu.ts   # PostgreSQL (a database of its own, dropped after)
 */
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { seedDemo } from '../src/seed/demo';
import { movableClock, TestClient } from '../test/helpers/app';
import { testDatabase } from '../test/helpers/database';

const WARM_UP = 20;
const TIMED = 200;

async function main(): Promise<void> {
  const database = await testDatabase();
  const clock = movableClock(new Date('2026-12-01T15:00:00Z'));
  const demo = await seedDemo(database.db, clock);
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database, clock, logger: false });
  try {
    const john = new TestClient(app);
    await john.signIn('john.doe@example.com');
    const marie = new TestClient(app);
    await marie.signIn('marie.tremblay@example.com');
    const appointment = await database.db.selectFrom('appointments').select('id').where('client_id', '=', demo.john.id).orderBy('id').executeTakeFirstOrThrow();
    const pages: Array<[TestClient, string]> = [
      [john, '/accompagnement-quebec/actions'],
      [john, '/mes-dossiers'],
      [john, '/mes-documents'],
      [marie, '/espace'],
      [marie, `/espace/clients/${demo.john.id}`],
      [marie, `/espace/rendez-vous/${appointment.id}`],
      [marie, '/espace/agenda'],
    ];
    const only = process.argv[2];
    console.log(`${database.dialect}; load average ${(await import('node:os')).loadavg()[0]?.toFixed(2)}`);
    for (const [who, url] of pages) {
      if (only && !url.includes(only)) continue;
      const headers = { 'accept-encoding': 'gzip' };
      for (let i = 0; i < WARM_UP; i++) await who.get(url, headers);
      const cpu = process.cpuUsage();
      const started = performance.now();
      let status = 0;
      for (let i = 0; i < TIMED; i++) status = (await who.get(url, headers)).statusCode;
      const used = process.cpuUsage(cpu);
      console.log(`${url.padEnd(40)} ${status}  cpu ${((used.user + used.system) / 1000 / TIMED).toFixed(3)} ms/request  wall ${((performance.now() - started) / TIMED).toFixed(3)} ms/request`);
    }
  } finally {
    await app.close();
    await database.close();
  }
}

await main();
