import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { loadConfigOrExit } from '../../config';
import { openDatabase } from '../../db/open';
import { systemClock } from '../clock';
import { startOutboxWorker } from './outbox-worker';

/**
 * `npm run outbox`: the outbox worker on its own, beside (or instead of) the one inside the
 * server. Safe to run several: each mail is claimed before it is sent.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = pino({ level: config.LOG_LEVEL });
  if (!config.SMTP_URL) {
    log.error('SMTP_URL is not set: there is nowhere to send mail. Set it (smtp://host:port) and start again.');
    process.exit(1);
  }
  const database = await openDatabase(config);
  const worker = startOutboxWorker({ db: database.db, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, clock: systemClock, log });
  log.info('outbox worker started');
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'closing after an error');
    else log.info({ signal }, 'closing');
    await worker.stop();
    await database.close();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
