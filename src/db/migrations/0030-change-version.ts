import { type Kysely, sql } from 'kysely';
import { bumpPageVersionsOn, isPostgres } from './schema-helpers';

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
  await pagesShowingDraftsAndAudit(db);
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

/**
 * Page versions (ADR 0008) for two more sources, so that the pages showing them can be kept
 * (issue 21): a client's intake draft (« Mes dossiers » says whether one is under way), and the
 * audit lines of a client's file (« Mes documents » lists who opened it; the agent's view of the
 * file shows its timeline): the client's version and their agent's. Audit lines are only ever
 * inserted. On PostgreSQL one update per statement (a transition table), so that a bulk insert of
 * audit lines (scripts/bench-data.ts) moves each version once, not once per line.
 */
/** The client whose file an audit line is about: its `client_id`, or the file opened (file views carry none, being off the timeline). */
const CLIENT_OF_LINE = "coalesce(client_id, case when subject_type = 'client_file' and subject_id ~ '^[0-9]+$' then subject_id::integer end)";
const CLIENT_OF_NEW = "coalesce(new.client_id, case when new.subject_type = 'client_file' then cast(new.subject_id as integer) end)";

async function pagesShowingDraftsAndAudit(db: Kysely<any>): Promise<void> {
  await bumpPageVersionsOn(db, 'intake_drafts', (r) => `account_id in (${r}.client_id)`);
  if (isPostgres(db)) {
    await sql
      .raw(`create function aq_bump_audit_log() returns trigger language plpgsql as $$
        begin
          with clients as (select ${CLIENT_OF_LINE} as id from audit_new)
          update page_versions set version = version + 1
           where account_id in (select id from clients where id is not null)
              or account_id in (select agent_id from accounts where id in (select id from clients));
          return null;
        end $$`)
      .execute(db);
    await sql.raw('create trigger aq_bump_audit_log after insert on audit_log referencing new table as audit_new for each statement execute function aq_bump_audit_log()').execute(db);
  } else {
    await sql
      .raw(
        `create trigger aq_bump_audit_log_insert after insert on audit_log begin update page_versions set version = version + 1 where account_id in (${CLIENT_OF_NEW}, (select agent_id from accounts where id = ${CLIENT_OF_NEW})); end`,
      )
      .execute(db);
  }
}
