import { type Kysely, sql } from 'kysely';
import { isPostgres } from './schema-helpers';

/** Rows of the counter: writers spread over them, so that two commits never wait on one row. */
const STRIPES = 16;

/**
 * PostgreSQL only: a number that moves whenever a commit changes a session, an account or a page
 * version, read by each process before it trusts what it keeps in memory (src/db/change-token.ts,
 * ADR 0014). Moved by a deferred trigger, so at commit time, once per transaction, and in the
 * same transaction as the change: a reader that sees the change sees the number moved, and one
 * that sees the old number cannot have been shown the change. The sum over the rows is the
 * number; each writer moves the row of its own backend (its pid modulo the rows), so commits of
 * different connections do not queue on one row lock.
 *
 * SQLite needs no table: `PRAGMA data_version` tells a connection that another one committed.
 */
// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql.raw('create table change_version (stripe integer primary key, version bigint not null)').execute(db);
  await sql.raw(`insert into change_version (stripe, version) select s, 0 from generate_series(0, ${STRIPES - 1}) as s`).execute(db);
  await sql
    .raw(`create function aq_move_change_version() returns trigger language plpgsql as $$
      begin
        if current_setting('aq.change_version_moved', true) is distinct from 'yes' then
          update change_version set version = version + 1 where stripe = pg_backend_pid() % ${STRIPES};
          perform set_config('aq.change_version_moved', 'yes', true);
        end if;
        return null;
      end $$`)
    .execute(db);
  for (const table of ['sessions', 'accounts', 'page_versions']) {
    await sql.raw(`create constraint trigger aq_change_version_${table} after insert or update or delete on ${table} deferrable initially deferred for each row execute function aq_move_change_version()`).execute(db);
  }
}
