import type { Kysely } from 'kysely';
import { checkIn, withId } from './schema-helpers';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // 1 while a self-created account has not confirmed its e-mail address (such an account sees
  // only the page asking to confirm it). Existing and seeded accounts are confirmed (0).
  await db.schema
    .alterTable('accounts')
    .addColumn('email_verification_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // « Mon profil »: whether e-mails announce new messages (the message centre keeps them anyway).
  await db.schema
    .alterTable('accounts')
    .addColumn('email_notifications', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Single-use links sent by e-mail: only a sha256 of the token is kept.
  await withId(db, db.schema.createTable('account_tokens'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(checkIn('purpose', ['verify_email', 'reset_password', 'change_email'])))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** The new address, for `change_email`. */
    .addColumn('new_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('account_tokens_account_idx').on('account_tokens').columns(['account_id', 'purpose']).execute();

  // The request being written, one per person, saved step by step (JSON of the answers).
  await db.schema
    .createTable('intake_drafts')
    .addColumn('client_id', 'integer', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // What the person answered (JSON), and the moment promised for the first proposal.
  await db.schema.alterTable('intake_requests').addColumn('answers', 'text').execute();
  await db.schema.alterTable('intake_requests').addColumn('due_at', 'text').execute();
}
