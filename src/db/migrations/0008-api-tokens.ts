import type { Kysely } from 'kysely';
import { withId } from './schema-helpers';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Bearer tokens of the JSON API (/api/v1): only the sha256 of the token is kept, so a leaked
  // table gives no usable token. One row per signed-in device; revoked rows stay until purged.
  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('account_id', 'integer', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_account_idx').on('api_tokens').columns(['account_id', 'revoked_at']).execute();
}
