import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The secret of an enrolment in progress (shown as a QR code until the first code confirms it).
  await db.schema.alterTable('accounts').addColumn('totp_pending_secret', 'text').execute();
  // The last 30-second step whose code was accepted: the same code cannot be used twice.
  await db.schema.alterTable('accounts').addColumn('totp_last_step', 'integer').execute();

  // A staff sign-in whose password was right and whose second factor is still to come: no session
  // exists yet. The browser holds the token (a cookie); only its sha256 is kept here. Short-lived.
  await db.schema
    .createTable('sign_in_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_challenges_account_idx').on('sign_in_challenges').column('account_id').execute();
}
