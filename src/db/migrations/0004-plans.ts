import type { Kysely } from 'kysely';
import { checkIn, withId } from './schema-helpers';

// The codes of src/modules/plans/domains.ts, copied: a migration is frozen once landed.
const DOMAINS = ['INSTALLATION', 'VIE_COLLECTIVE', 'FRANCISATION', 'EMPLOI', 'DEMARCHE_IMMIGRATION'];

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('plans'))
    .addColumn('client_id', 'integer', (c) => c.notNull().unique().references('accounts.id'))
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', ['brouillon', 'publie'])))
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('plan_actions'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('domain', 'text', (c) => c.notNull().check(checkIn('domain', DOMAINS)))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('useful_info', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lang', 'text', (c) =>
      c
        .notNull()
        .defaultTo('fr')
        .check(checkIn('lang', ['fr', 'en'])),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('a_faire')
        .check(checkIn('status', ['a_faire', 'completee'])),
    )
    .addColumn('completed_on', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_actions_plan_idx').on('plan_actions').columns(['plan_id', 'domain', 'position']).execute();

  await withId(db, db.schema.createTable('plan_notes'))
    .addColumn('client_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('action_id', 'integer', (c) => c.references('plan_actions.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('visibility', 'text', (c) => c.notNull().check(checkIn('visibility', ['client', 'interne'])))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) =>
      c
        .notNull()
        .defaultTo('fr')
        .check(checkIn('lang', ['fr', 'en'])),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_notes_client_idx').on('plan_notes').columns(['client_id', 'created_at']).execute();
  await db.schema.createIndex('plan_notes_action_idx').on('plan_notes').column('action_id').execute();
}
