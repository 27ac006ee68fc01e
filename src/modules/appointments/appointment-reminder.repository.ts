import { sql } from 'kysely';
import type { Db } from '../../db/types';
import type { NewOutboxMail } from '../../platform/mail/mail.tables';
import type { Appointment } from './appointment.tables';

/** The prefix of a reminder's outbox key; the whole key is `appointment-reminder:<id>:<starts_at>`. */
export const REMINDER_KEY_PREFIX = 'appointment-reminder:';

/** The key as SQL builds it from an appointments row: must match `reminderKey` of the service. */
const reminderKeyOfRow = sql<string>`${REMINDER_KEY_PREFIX} || cast(appointments.id as text) || ':' || appointments.starts_at`;

/**
 * The planned appointments whose reminder may be due: starting in [from, to) and after `now`,
 * not booked nor changed since `changedBefore` (the client has just been told about those), and
 * whose reminder for that start time is not in the outbox yet — so a pass that finds nothing to
 * do costs one query, however often it runs.
 */
export async function findReminderCandidates(db: Db, where: { from: string; to: string; now: string; changedBefore: string }): Promise<Appointment[]> {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('status', '=', 'planifie')
    .where('starts_at', '>=', where.from)
    .where('starts_at', '<', where.to)
    .where('starts_at', '>', where.now)
    .where('updated_at', '<', where.changedBefore)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('mail_outbox').select('mail_outbox.id').where('mail_outbox.dedupe_key', '=', reminderKeyOfRow))))
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/**
 * Queues the reminder with one conditional INSERT … SELECT: the row is written only while the
 * appointment is still planned at the start time the mail speaks of, and at most once per key
 * (ON CONFLICT DO NOTHING on the outbox's unique `dedupe_key`, as `enqueueMail` does). One
 * statement, so it is atomic on both databases without holding a lock across awaits: two
 * processes racing on the same reminder write one row, and a cancellation committed before the
 * statement leaves nothing to write. Resolves to true when this call wrote the row.
 */
export async function enqueueReminderWhilePlanned(db: Db, appointment: Pick<Appointment, 'id' | 'starts_at'>, mail: Omit<NewOutboxMail, 'status' | 'attempts' | 'last_error' | 'sent_at'>): Promise<boolean> {
  const result = await db
    .insertInto('mail_outbox')
    .columns(['to_address', 'subject', 'body_text', 'locale', 'dedupe_key', 'next_attempt_at', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('appointments')
        .select([
          eb.val(mail.to_address).as('to_address'),
          eb.val(mail.subject).as('subject'),
          eb.val(mail.body_text).as('body_text'),
          eb.val(mail.locale).as('locale'),
          eb.val(mail.dedupe_key).as('dedupe_key'),
          eb.val(mail.next_attempt_at).as('next_attempt_at'),
          eb.val(mail.created_at).as('created_at'),
        ])
        .where('appointments.id', '=', appointment.id)
        .where('appointments.status', '=', 'planifie')
        .where('appointments.starts_at', '=', appointment.starts_at),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Takes back a reminder that no worker has picked up yet (pending, never attempted): for an
 * appointment that has just been cancelled or moved, inside that change's transaction. A worker's
 * claim is a conditional UPDATE on `attempts`, so the two cannot both win the same row.
 */
export async function withdrawPendingReminder(db: Db, dedupeKey: string): Promise<void> {
  await db.deleteFrom('mail_outbox').where('dedupe_key', '=', dedupeKey).where('status', '=', 'pending').where('attempts', '=', 0).execute();
}
