import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/types';
import type { Clock } from '../clock';
import type { OutboxMail } from './mail.tables';
import { claimNextMail, markMailAttemptFailed, markMailSent, releaseMail, renewClaim } from './outbox.repository';

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
  /** Most mails sent in one pass. */
  batchSize?: number;
  /**
   * How long a claim holds a mail against other workers; renewed every third of it while the mail
   * is being sent, so only a worker that died (or froze that long) lets another one retry it.
   */
  leaseMs?: number;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export interface OutboxWorker {
  /** One pass over the due mail; resolves to the number delivered. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the pass in progress. */
  stop(): Promise<void>;
}

/** The Message-ID of an outbox mail: derived from its key, the same at every attempt and from every worker. */
export function outboxMessageId(dedupeKey: string): string {
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@accompagnement-quebec>`;
}

/** The name of the attached calendar file, in the reader's language. */
export function calendarFileName(locale: OutboxMail['locale']): string {
  return locale === 'fr' ? 'rendez-vous.ics' : 'appointment.ics';
}

/** Delay before attempt `attempts + 1`: base × 2^(attempts − 1), capped. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the outbox over SMTP. Each mail is claimed just before it is sent (a conditional
 * UPDATE; on PostgreSQL the mail is selected FOR UPDATE SKIP LOCKED), and the claim is a lease the
 * worker renews while the SMTP server takes its time: several workers (WORKERS=N server processes,
 * or the server and `npm run outbox`) never send the same mail, however slow the server. A failure
 * leaves the mail pending until a later `next_attempt_at` (exponential backoff); SMTP being down
 * delays mail, loses none. The Message-ID derives from the outbox key, so a receiver can discard
 * the rare duplicate of a worker killed between send and mark.
 */
export function startOutboxWorker(options: OutboxWorkerOptions, { poll = true } = {}): OutboxWorker {
  const interval = options.intervalMs ?? 5000;
  const base = options.baseDelayMs ?? 30_000;
  const max = options.maxDelayMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 60_000;
  const transport = options.transport ?? nodemailer.createTransport(options.smtpUrl as string);
  const leaseUntil = () => new Date(options.clock().getTime() + leaseMs).toISOString();
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /** Keeps the claim on `mail` (as it was before the claim) alive until the returned function is called. */
  function holdClaim(mail: OutboxMail): () => void {
    const renewal = setInterval(
      () => {
        renewClaim(options.db, mail, leaseUntil()).then(
          (held) => {
            if (!held) options.log?.warn({ mailId: mail.id }, 'mail claim lost while sending');
          },
          (error) => options.log?.warn({ mailId: mail.id, err: error }, 'mail claim not renewed'),
        );
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    return () => clearInterval(renewal);
  }

  /**
   * Mails handed to the SMTP server whose « sent » could not be written (the database went away
   * at that moment). Their lease would run out and another pass, here or in another instance,
   * would send them again: so they are written first, at every pass, until the database takes it.
   */
  const unrecorded: Array<{ id: number; at: string }> = [];
  async function recordSent(): Promise<void> {
    while (unrecorded[0]) {
      await markMailSent(options.db, unrecorded[0].id, unrecorded[0].at);
      unrecorded.shift();
    }
  }

  /** Sends one claimed mail (`mail` as it was before the claim). */
  async function deliver(mail: OutboxMail): Promise<boolean> {
    const release = holdClaim(mail);
    try {
      await transport.sendMail({
        from: options.from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.body_text,
        ...(mail.body_html ? { html: mail.body_html } : {}),
        // nodemailer puts the file in twice: a `text/calendar; method=…` alternative (what Outlook
        // and Gmail read as an invitation) and an `.ics` attachment (for the others).
        ...(mail.calendar_ics && mail.calendar_method ? { icalEvent: { method: mail.calendar_method, filename: calendarFileName(mail.locale), content: mail.calendar_ics } } : {}),
        messageId: outboxMessageId(mail.dedupe_key),
        headers: { 'Content-Language': mail.locale === 'fr' ? 'fr-CA' : 'en-CA', 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      release();
      const attempts = mail.attempts + 1;
      const givenUp = attempts >= maxAttempts;
      const retryAt = new Date(options.clock().getTime() + backoffDelay(attempts, base, max)).toISOString();
      await markMailAttemptFailed(options.db, mail, String((error as Error)?.message ?? error), givenUp, retryAt);
      options.log?.warn({ mailId: mail.id, attempts, givenUp }, 'mail delivery failed');
      return false;
    }
    release();
    unrecorded.push({ id: mail.id, at: options.clock().toISOString() });
    await recordSent();
    return true;
  }

  async function pass(): Promise<number> {
    await recordSent();
    let sent = 0;
    for (let n = 0; n < batchSize && !stopped; n++) {
      const mail = await claimNextMail(options.db, options.clock().toISOString(), leaseUntil());
      if (!mail) break;
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
