import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // « Vos disponibilités »: when the person who cancelled could meet instead (free text, at most
  // 500 characters, optional), shown to the agent with the re-proposal. The appointments table
  // already moves the page versions of the client and their agent (migration 0013): no trigger.
  await db.schema.alterTable('appointments').addColumn('cancel_availability', 'text').execute();
}
