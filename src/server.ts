import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { loadConfigOrExit } from './config';
import { openDatabase } from './db/open';
import { seedDemoAtStart } from './db/seed/startup';
import { startReminderJob } from './modules/appointments/appointment-reminder.job';
import { systemClock } from './platform/clock';
import { startOutboxWorker } from './platform/mail/outbox-worker';

/** Starts the service: config, database, migrations, demo data (never in production), listen. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(config);
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
  // The day-before appointment reminders, queued into the outbox by every process (each one once).
  const reminders = startReminderJob({ db: database.db, clock: systemClock, publicUrl: config.PUBLIC_URL, reminderHour: config.REMINDER_HOUR, intervalMs: config.REMINDER_INTERVAL_MINUTES * 60_000, log: app.log });
  app.addHook('onClose', () => reminders.stop());

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
