import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { connect } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { seedDemoAtStart } from './db/seed/startup';
import { systemClock } from './platform/clock';

/** Starts the service: config, database, migrations, demo data (never in production), listen. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const database = connect({ databaseUrl: config.DATABASE_URL, sqliteFile: path.join(config.DATA_DIR, 'accompagnement.sqlite') });
  await migrateToLatest(database.db);
  const app = await buildApp({ config, database });
  if (await seedDemoAtStart(config, database.db, systemClock)) app.log.info('Demo data seeded (password: Demo-Accompagnement-2026)');

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an error');
    else app.log.info({ signal }, 'closing');
    await app.close();
    await database.close();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
