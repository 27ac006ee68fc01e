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
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims one mail for one attempt: a conditional UPDATE on (id, attempts) that only one worker
 * can win, on either database. The claim also pushes `next_attempt_at` to the retry time, so a
 * worker that dies mid-send leaves the mail to be retried, not lost.
 */
export async function claimMail(db: Db, mail: Pick<OutboxMail, 'id' | 'attempts'>, now: string, retryAt: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ attempts: mail.attempts + 1, next_attempt_at: retryAt })
    .where('id', '=', mail.id)
    .where('attempts', '=', mail.attempts)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Picks the due batch and claims each of its mails for one attempt (`retryAtOf(attempts)` gives
 * the retry time for a mail tried `attempts` times before); returns the mails won, as they were
 * before the claim. PostgreSQL: the batch is selected `FOR UPDATE SKIP LOCKED` and claimed in the
 * same transaction, so workers in several processes take disjoint batches without waiting on each
 * other. SQLite: one writer at a time; each conditional claim (`claimMail`) commits on its own,
 * and a mail another process claimed first is simply not won.
 */
export async function claimDueMail(db: Db, now: string, limit: number, retryAtOf: (attempts: number) => string): Promise<OutboxMail[]> {
  const claimBatch = async (trx: Db, due: OutboxMail[]) => {
    const won: OutboxMail[] = [];
    for (const mail of due) if (await claimMail(trx, mail, now, retryAtOf(mail.attempts))) won.push(mail);
    return won;
  };
  if (!isPostgres(db)) return claimBatch(db, await findDueMail(db, now, limit));
  return inTransaction(db, async (trx) => {
    const due = await trx
      .selectFrom('mail_outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return claimBatch(trx, due);
  });
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

/** Records a failed attempt; the retry time was set by the claim, `givenUp` stops retrying. */
export async function markMailAttemptFailed(db: Db, id: number, error: string, givenUp: boolean): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ last_error: error.slice(0, 1000), ...(givenUp ? { status: 'failed' as const } : {}) })
    .where('id', '=', id)
    .execute();
}

/** The newest mail first, for the development page. */
export async function listOutbox(db: Db, limit: number): Promise<OutboxMail[]> {
  return db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
