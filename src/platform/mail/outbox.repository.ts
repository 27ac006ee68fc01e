import { isPostgres } from '../../db/migrations/schema-helpers';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { NewOutboxMail, OutboxMail } from './mail.tables';

/**
 * Queues one e-mail. A second mail with the same key is silently dropped (ON CONFLICT DO
 * NOTHING works the same on SQLite and PostgreSQL), which makes retried writes harmless.
 */
export async function enqueueMail(db: Db, mail: Omit<NewOutboxMail, 'status' | 'attempts' | 'last_error' | 'sent_at'>): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values(mail)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Pending mail whose time has come, oldest first. */
export async function findDueMail(db: Db, now: string, limit: number): Promise<OutboxMail[]> {
  return db.selectFrom('mail_outbox').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').orderBy('id').limit(limit).execute();
}

/**
 * Claims one mail for one attempt: a conditional UPDATE on (id, attempts) that only one worker
 * can win, on either database. The claim is a lease: `next_attempt_at` moves to `leaseUntil`,
 * which the sending worker keeps pushing back (`renewClaim`) while it sends; a worker that dies
 * mid-send stops renewing, and the mail is due again once the lease runs out, not lost.
 */
export async function claimMail(db: Db, mail: Pick<OutboxMail, 'id' | 'attempts'>, now: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ attempts: mail.attempts + 1, next_attempt_at: leaseUntil })
    .where('id', '=', mail.id)
    .where('attempts', '=', mail.attempts)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Claims the oldest due mail, just before it is sent; returns it as it was before the claim, or
 * undefined when none is due. One mail at a time: a batch claimed at once would wait its turn
 * behind slow sends while its leases ran out, and another worker would take (and send) the same
 * mails. PostgreSQL: the mail is selected `FOR UPDATE SKIP LOCKED` and claimed in the same
 * transaction, so workers in several processes take different mails without waiting on each
 * other. SQLite: one writer at a time; each conditional claim (`claimMail`) commits on its own,
 * and a mail another process claimed first is simply not won (the next due one is tried).
 */
export async function claimNextMail(db: Db, now: string, leaseUntil: string): Promise<OutboxMail | undefined> {
  if (!isPostgres(db)) {
    for (;;) {
      const due = await findDueMail(db, now, 5);
      if (due.length === 0) return undefined;
      for (const mail of due) if (await claimMail(db, mail, now, leaseUntil)) return mail;
    }
  }
  return inTransaction(db, async (trx) => {
    const mail = await trx
      .selectFrom('mail_outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    return mail && (await claimMail(trx, mail, now, leaseUntil)) ? mail : undefined;
  });
}

/**
 * Extends the lease of a claim still held (`mail` as it was before the claim); false when the
 * claim is no longer this worker's (it ran out and another worker took the mail).
 */
export async function renewClaim(db: Db, mail: Pick<OutboxMail, 'id' | 'attempts'>, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', mail.id)
    .where('attempts', '=', mail.attempts + 1)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives back a claim that was not tried (the worker is stopping): the attempt is not counted. */
export async function releaseMail(db: Db, mail: Pick<OutboxMail, 'id' | 'attempts' | 'next_attempt_at'>): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ attempts: mail.attempts, next_attempt_at: mail.next_attempt_at })
    .where('id', '=', mail.id)
    .where('attempts', '=', mail.attempts + 1)
    .where('status', '=', 'pending')
    .execute();
}

export async function markMailSent(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: at, last_error: null }).where('id', '=', id).execute();
}

/**
 * Records a failed attempt of a claim still held (`mail` as it was before the claim): retried at
 * `retryAt`, or never again when `givenUp`.
 */
export async function markMailAttemptFailed(db: Db, mail: Pick<OutboxMail, 'id' | 'attempts'>, error: string, givenUp: boolean, retryAt: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ last_error: error.slice(0, 1000), next_attempt_at: retryAt, ...(givenUp ? { status: 'failed' as const } : {}) })
    .where('id', '=', mail.id)
    .where('attempts', '=', mail.attempts + 1)
    .where('status', '=', 'pending')
    .execute();
}

/** One mail of the outbox, for the development page. */
export async function findOutboxMail(db: Db, id: number): Promise<OutboxMail | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest mail first, for the development page. */
export async function listOutbox(db: Db, limit: number): Promise<OutboxMail[]> {
  return db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
