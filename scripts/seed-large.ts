/**
 * Fills the configured database (DATABASE_URL, or the SQLite file in DATA_DIR) with the demo
 * data and a national-scale load on top, to measure pages and queries at scale:
 *
 *   npm run seed:large -- --clients 100000
 *
 * 100k clients → 1M appointments, 1M plan actions, 5M audit lines, over 60 agents in six teams.
 * Refuses a database that already holds accounts, and production.
 */
import { loadConfigOrExit } from '../src/config';
import { countAccounts } from '../src/modules/accounts/account.repository';
import { openDatabase } from '../src/db/open';
import { seedDemo } from '../src/seed/demo';
import { addBulkClients, LARGE_SHAPE, progressBar } from './bench-data';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(args[args.indexOf('--clients') + 1] ?? 100_000) || 100_000;
  const config = loadConfigOrExit();
  if (config.NODE_ENV === 'production') throw new Error('seed:large never runs in production');
  const database = await openDatabase(config);
  try {
    if ((await countAccounts(database.db)) > 0) throw new Error('the database is not empty: seed:large fills a new one (set DATA_DIR or DATABASE_URL to an empty database)');
    const started = Date.now();
    await seedDemo(database.db, () => new Date());
    await addBulkClients(database.db, count, LARGE_SHAPE, (done) => {
      const seconds = (Date.now() - started) / 1000;
      const eta = done > 0 ? Math.round((seconds * (count - done)) / done) : 0;
      process.stderr.write(`\r${progressBar(done / count)} ${done}/${count} clients, ${Math.round(seconds)} s, about ${eta} s left   `);
    });
    process.stderr.write(
      `\ndone in ${Math.round((Date.now() - started) / 1000)} s: ${count} clients, ${count * LARGE_SHAPE.appointments} appointments, ${count * LARGE_SHAPE.actions} plan actions, ${count * LARGE_SHAPE.auditLines} audit lines\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
