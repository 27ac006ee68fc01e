import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/types';
import type { Clock } from '../clock';
import type { OutboxMail } from './mail.tables';
import { claimDueMail, markMailAttemptFailed, markMailSent, releaseMail } from './outbox.repository';

export interface OutboxWorkerOptions {
  db: Db;
  /** smtp://… or smtps://…; a ready transport may be given instead (tests). */
  smtpUrl?: string;
  transport?: Pick<Transporter, 'sendMail' | 'close'>;
  from: string;
  clock: Clock;
  /** Poll interval while idle. */
  intervalMs?: number;
  /** First retry delay; doubles at each failure up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** After this many failed attempts, the mail is marked failed and left for a person. */
  maxAttempts?: number;
  batchSize?: number;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface OutboxWorker {
  /** One pass over the due mail; resolves to the number delivered. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the pass in progress. */
  stop(): Promise<void>;
}

/** Delay before attempt `attempts + 1`: base × 2^(attempts − 1), capped. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the outbox over SMTP. Each pass claims its batch before sending (a conditional
 * UPDATE per mail; on PostgreSQL the batch is selected FOR UPDATE SKIP LOCKED), so several
 * workers (WORKERS=N server processes, or the server and `npm run outbox`) never send the same
 * attempt twice. A failure leaves the mail pending with a later `next_attempt_at` (exponential
 * backoff); SMTP being down delays mail, loses none. The Message-ID derives from the outbox
 * key, so a receiver can discard the rare duplicate of a worker killed between send and mark.
 */
export function startOutboxWorker(options: OutboxWorkerOptions, { poll = true } = {}): OutboxWorker {
  const interval = options.intervalMs ?? 5000;
  const base = options.baseDelayMs ?? 30_000;
  const max = options.maxDelayMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const transport = options.transport ?? nodemailer.createTransport(options.smtpUrl as string);
  const domain = 'accompagnement-quebec';
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /** Sends one claimed mail (`mail` as it was before the claim). */
  async function deliver(mail: OutboxMail): Promise<boolean> {
    try {
      await transport.sendMail({
        from: options.from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.body_text,
        messageId: `<${createHash('sha256').update(mail.dedupe_key).digest('hex').slice(0, 32)}@${domain}>`,
        headers: { 'Content-Language': mail.locale === 'fr' ? 'fr-CA' : 'en-CA', 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const givenUp = mail.attempts + 1 >= maxAttempts;
      await markMailAttemptFailed(options.db, mail.id, String((error as Error)?.message ?? error), givenUp);
      options.log?.warn({ mailId: mail.id, attempts: mail.attempts + 1, givenUp }, 'mail delivery failed');
      return false;
    }
    await markMailSent(options.db, mail.id, options.clock().toISOString());
    return true;
  }

  async function pass(): Promise<number> {
    let sent = 0;
    const now = options.clock();
    const retryAt = (attempts: number) => new Date(now.getTime() + backoffDelay(attempts + 1, base, max)).toISOString();
    const claimed = await claimDueMail(options.db, now.toISOString(), options.batchSize ?? 20, retryAt);
    for (const mail of claimed) {
      if (stopped) await releaseMail(options.db, mail);
      else if (await deliver(mail)) sent += 1;
    }
    return sent;
  }

  function runOnce(): Promise<number> {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(async () => {
      try {
        await runOnce();
      } catch (error) {
        options.log?.error({ err: error }, 'outbox pass failed');
      }
      schedule();
    }, interval); // not unref'd: alone (`npm run outbox`) the worker is what keeps the process alive
  }
  if (poll) schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
      if (!options.transport) transport.close();
    },
  };
}
