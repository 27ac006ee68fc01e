import cluster from 'node:cluster';
import closeWithGrace from 'close-with-grace';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { buildApp } from './app';
import { type Config, loadConfigOrExit } from './config';
import { openDatabase } from './db/open';
import { seedDemoAtStart } from './seed/startup';
import { startReminderJob } from './modules/appointments/appointment-reminder.job';
import { systemClock } from './platform/clock';
import { startOutboxWorker } from './platform/mail/outbox-worker';
import { onShutdownRequest, superviseWorkers } from './platform/ops/cluster';

/** Starts the service: config, database, migrations, demo data (never in production), listen. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.WORKERS > 1 && cluster.isPrimary) return startPrimary(config);
  // A cluster's worker finds the database migrated and seeded by its primary.
  // A PostgreSQL connection ended under the pool is logged, once the app's logger exists.
  let log: Pick<FastifyBaseLogger, 'warn'> | undefined;
  const onConnectionLost = (err: Error) => log?.warn({ err }, 'database connection lost; the pool opens another for the next query');
  const database = await openDatabase(config, { migrate: !cluster.isWorker, onConnectionLost });
  // Outside production, which process answered (tests and the benchmark check both serve).
  const processHeaders: Record<string, string> = cluster.isWorker && config.NODE_ENV !== 'production' ? { 'x-aq-worker': String(process.pid) } : {};
  const app = await buildApp({ config, database, processHeaders });
  log = app.log;
  if (!cluster.isWorker && (await seedDemoAtStart(config, database.db, systemClock))) app.log.info('Demo data seeded (password: Demo-Accompagnement-2026)');

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

  const grace = closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an error');
    else app.log.info({ signal }, 'closing');
    await app.close();
    await database.close();
  });
  onShutdownRequest(grace.close);
  await app.listen({ port: config.PORT, host: config.HOST });
}

/** WORKERS > 1: migrate and seed once, then fork the workers and keep them running. */
async function startPrimary(config: Config): Promise<void> {
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openDatabase(config);
  if (await seedDemoAtStart(config, database.db, systemClock)) log.info('Demo data seeded (password: Demo-Accompagnement-2026)');
  await database.close();
  const workers = superviseWorkers({ workers: config.WORKERS, log });
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'closing after an error');
    else log.info({ signal }, 'closing the workers');
    await workers.stop();
  });
  await workers.ready;
  log.info({ workers: config.WORKERS, port: config.PORT }, 'workers listening');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
