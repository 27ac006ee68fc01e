import type { Kysely } from 'kysely';
import { checkIn, withId } from './schema-helpers';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The managed list of reasons; a reason is retired (active = 0), never deleted, so that old
  // cancellations keep their label.
  await db.schema
    .createTable('cancellation_reasons')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The reasons every installation needs from its first day (the guide's list).
  await db
    .insertInto('cancellation_reasons')
    .values([
      { code: 'conflit_horaire', label_fr: "Conflit d'horaire", label_en: 'Scheduling conflict', active: 1, sort_order: 10 },
      { code: 'maladie', label_fr: 'Maladie', label_en: 'Illness', active: 1, sort_order: 20 },
      { code: 'changer_date_heure', label_fr: "Je souhaite changer la date ou l'heure", label_en: 'I want to change the date or time', active: 1, sort_order: 30 },
      { code: 'changer_mode', label_fr: 'Je souhaite changer le mode du rendez-vous', label_en: 'I want to change the appointment mode', active: 1, sort_order: 40 },
      { code: 'autre', label_fr: 'Autre raison', label_en: 'Other reason', active: 1, sort_order: 90 },
    ])
    .execute();

  await withId(db, db.schema.createTable('appointments'))
    .addColumn('client_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', ['evaluation', 'suivi'])))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(checkIn('mode', ['telephone', 'visioconference', 'en_personne'])))
    .addColumn('phone_number', 'text')
    .addColumn('video_link', 'text')
    .addColumn('address', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('planifie')
        .check(checkIn('status', ['planifie', 'termine', 'absent', 'annule'])),
    )
    .addColumn('cancelled_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason_code', 'text', (c) => c.references('cancellation_reasons.code'))
    .addColumn('cancel_comment', 'text')
    // version: detects concurrent edits; sequence: the iCalendar SEQUENCE, bumped on every change.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_client_idx').on('appointments').columns(['client_id', 'starts_at']).execute();
  await db.schema.createIndex('appointments_agent_idx').on('appointments').columns(['agent_id', 'starts_at']).execute();

  await withId(db, db.schema.createTable('agent_tasks'))
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('client_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', ['reproposer'])))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // A double cancel can never give the agent two tasks for one appointment.
    .addUniqueConstraint('agent_tasks_appointment_kind_unique', ['appointment_id', 'kind'])
    .execute();
  await db.schema.createIndex('agent_tasks_agent_idx').on('agent_tasks').columns(['agent_id', 'due_at']).execute();

  // Days the manager closes the service (on top of weekends and public holidays).
  await db.schema
    .createTable('closure_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .execute();
}
