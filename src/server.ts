import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { connect } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { seedDemoAtStart } from './db/seed/startup';
import { systemClock } from './platform/clock';
import { startOutboxWorker } from './platform/mail/outbox-worker';

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

  // The outbox worker runs inside the server when SMTP is configured (and may also run alone:
  // `npm run outbox`); without SMTP, mail waits in the outbox, listed at /dev/courriels.
  if (config.SMTP_URL) {
    const outbox = startOutboxWorker({ db: database.db, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, clock: systemClock, log: app.log });
    app.addHook('onClose', () => outbox.stop());
  } else {
    app.log.info('SMTP_URL is not set: e-mail stays in the outbox (development page: /dev/courriels)');
  }

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
