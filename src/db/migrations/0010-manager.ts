import type { Kysely } from 'kysely';
import { withId } from './schema-helpers';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Staff the manager deactivates: their sessions stop resolving at once; the row stays (audit, history).
  await db.schema.alterTable('accounts').addColumn('deactivated_at', 'text').execute();
  // Languages a staff member speaks, as comma-separated codes ('fr,en,es').
  await db.schema.alterTable('accounts').addColumn('languages', 'text').execute();
  // The second factor (TOTP) of staff: the base32 secret once enrolled, and when.
  await db.schema.alterTable('accounts').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('totp_enrolled_at', 'text').execute();

  // Single-use recovery codes of the second factor, stored hashed.
  await withId(db, db.schema.createTable('recovery_codes'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_codes_account_idx').on('recovery_codes').column('account_id').execute();

  // Invitations of new staff: the link carries a token whose sha256 is kept here; single use, expiring.
  await withId(db, db.schema.createTable('staff_invitations'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('staff_invitations_account_idx').on('staff_invitations').column('account_id').execute();

  // Closure days are retired, not deleted, like the other reference data (active = 0).
  await db.schema
    .alterTable('closure_days')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // The dashboard reads requests and tasks by date.
  await db.schema.createIndex('intake_requests_submitted_idx').on('intake_requests').column('submitted_at').execute();
  await db.schema.createIndex('agent_tasks_created_idx').on('agent_tasks').column('created_at').execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at', 'id']).execute();
}
