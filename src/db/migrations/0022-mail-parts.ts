import type { Kysely } from 'kysely';
import { checkIn } from './schema-helpers';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // What an appointment's e-mail carries besides its plain text, decided when it is queued (in the
  // change's transaction) so that every attempt sends the same mail: an HTML part, and the
  // appointment's iCalendar file with its iTIP method (REQUEST for a new or changed appointment,
  // CANCEL for a cancelled one). All null for the other mail, which stays plain text.
  await db.schema.alterTable('mail_outbox').addColumn('body_html', 'text').execute();
  await db.schema.alterTable('mail_outbox').addColumn('calendar_ics', 'text').execute();
  await db.schema
    .alterTable('mail_outbox')
    .addColumn('calendar_method', 'text', (c) => c.check(checkIn('calendar_method', ['REQUEST', 'CANCEL'])))
    .execute();
}
