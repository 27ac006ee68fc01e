import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // When a client's file was closed (ISO UTC); null while it is open. The retention period of
  // Loi 25 counts from here: personal data are anonymized once it has passed.
  await db.schema.alterTable('accounts').addColumn('closed_at', 'text').execute();
  await db.schema.createIndex('accounts_closed_idx').on('accounts').column('closed_at').execute();
}
