import { type Kysely, sql } from 'kysely';
import { isPostgres } from './schema-helpers';

/**
 * What each change touches, as the ids of the accounts whose pages show it (`R` is the row:
 * NEW or OLD). A client's pages show their own rows; an agent's queue shows their caseload's and
 * their team's unassigned requests; account 0 is everything shared (closure days, reasons, the
 * catalogue). Written here, in the database, so that no code path and no other process can
 * change a page's data without moving its version.
 */
const CLIENT_AND_AGENT = (client: string) => `${client}, (select agent_id from accounts where id = ${client})`;
const SOURCES: Array<{ table: string; ids: (row: string) => string }> = [
  { table: 'appointments', ids: (r) => CLIENT_AND_AGENT(`${r}.client_id`) },
  { table: 'agent_tasks', ids: (r) => CLIENT_AND_AGENT(`${r}.client_id`) },
  { table: 'plans', ids: (r) => CLIENT_AND_AGENT(`${r}.client_id`) },
  { table: 'plan_actions', ids: (r) => CLIENT_AND_AGENT(`(select client_id from plans where id = ${r}.plan_id)`) },
  { table: 'plan_notes', ids: (r) => CLIENT_AND_AGENT(`${r}.client_id`) },
  { table: 'messages', ids: (r) => CLIENT_AND_AGENT(`${r}.client_id`) },
  { table: 'intake_requests', ids: (r) => `${CLIENT_AND_AGENT(`${r}.client_id`)}) or account_id in (select id from accounts where role = 'agent' and team = ${r}.team` },
  // An account's own pages, its agent's queue, and (for an agent) the clients who see their contact.
  { table: 'accounts', ids: (r) => `${r}.id, ${r}.agent_id) or account_id in (select id from accounts where agent_id = ${r}.id` },
  { table: 'closure_days', ids: () => '0' },
  { table: 'cancellation_reasons', ids: () => '0' },
  { table: 'action_catalogue', ids: () => '0' },
];

const bump = (row: string, ids: (row: string) => string) => `update page_versions set version = version + 1 where account_id in (${ids(row)})`;

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('page_versions')
    .addColumn('account_id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`insert into page_versions (account_id, version) select id, 1 from accounts`.execute(db);
  await sql`insert into page_versions (account_id, version) values (0, 1)`.execute(db);

  if (isPostgres(db)) {
    await sql.raw(`create function aq_page_version_row() returns trigger language plpgsql as $$
      begin insert into page_versions (account_id, version) values (new.id, 1) on conflict (account_id) do nothing; return null; end $$`).execute(db);
    await sql.raw('create trigger aq_page_version_row after insert on accounts for each row execute function aq_page_version_row()').execute(db);
    for (const { table, ids } of SOURCES) {
      await sql.raw(`create function aq_bump_${table}() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' then ${bump('old', ids)}; end if;
          if tg_op <> 'DELETE' then ${bump('new', ids)}; end if;
          return null;
        end $$`).execute(db);
      await sql.raw(`create trigger aq_bump_${table} after insert or update or delete on ${table} for each row execute function aq_bump_${table}()`).execute(db);
    }
    return;
  }
  await sql.raw('create trigger aq_page_version_row after insert on accounts begin insert or ignore into page_versions (account_id, version) values (new.id, 1); end').execute(db);
  for (const { table, ids } of SOURCES) {
    await sql.raw(`create trigger aq_bump_${table}_insert after insert on ${table} begin ${bump('new', ids)}; end`).execute(db);
    await sql.raw(`create trigger aq_bump_${table}_update after update on ${table} begin ${bump('old', ids)}; ${bump('new', ids)}; end`).execute(db);
    await sql.raw(`create trigger aq_bump_${table}_delete after delete on ${table} begin ${bump('old', ids)}; end`).execute(db);
  }
}
