import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // What a person typed in a form posted after their session ended (form-draft.service.ts): kept
  // an hour for the account whose session it was, found again through a random id in a cookie
  // (only its sha256 is stored), and deleted once shown back in the form.
  await db.schema
    .createTable('form_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('return_path', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('form_drafts_expires_idx').on('form_drafts').column('expires_at').execute();
  await db.schema.createIndex('form_drafts_account_idx').on('form_drafts').column('account_id').execute();
}
