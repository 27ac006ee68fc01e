import type { Kysely } from 'kysely';
import { bumpPageVersionsOn, withId } from './schema-helpers';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // « S'abonner à mon agenda »: the private address a calendar application reads without a
  // session. Only the sha256 of its secret is kept (as for API tokens), so a leaked table gives
  // no usable address. Revoked rows stay, for the audit trail's subject ids.
  await withId(db, db.schema.createTable('calendar_feeds'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_feeds_agent_idx').on('calendar_feeds').columns(['agent_id', 'revoked_at']).execute();

  // The agenda page shows the agent's appointments and whether a subscription is live. Migration
  // 0013 moves the version of the client and of the client's *current* agent on an appointment
  // change; an appointment held by another agent (a reassigned client's past or cancelled ones)
  // must move that agent's version too: its `agent_id`, before and after.
  const SOURCES = [
    { table: 'calendar_feeds', name: 'calendar_feeds' },
    { table: 'appointments', name: 'appointments_agent' },
  ];
  for (const { table, name } of SOURCES) await bumpPageVersionsOn(db, table, (row) => `account_id = ${row}.agent_id`, name);
}
