import type { Kysely } from 'kysely';
import { withId } from './schema-helpers';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // « Débloquer la connexion »: single-use links mailed to an account whose sign-in is throttled
  // for everyone (someone else's guesses); following one marks that browser as the owner's device.
  // Only a sha256 of the token is kept, as for the other links.
  await withId(db, db.schema.createTable('sign_in_unlocks'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('sign_in_unlocks_account_idx').on('sign_in_unlocks').columns(['account_id', 'created_at']).execute();

  // The API's request counters, one row per bucket (a token, or an address before sign-in) and
  // fixed window, shared by every instance on the database instead of each process's memory.
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_counters_window_idx').on('rate_limit_counters').column('window_start').execute();
}
