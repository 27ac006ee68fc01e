import { type Kysely, sql } from 'kysely';
import { isPostgres } from './schema-helpers';

/**
 * What each change touches, as a predicate on page_versions naming the accounts whose pages show
 * it (`R` is the row: NEW or OLD). A client's pages show their own rows; an agent's queue shows
 * their caseload's and their team's unassigned requests; account 0 is everything shared (closure
 * days, reasons, the catalogue). Written here, in the database, so that no code path and no other
 * process can change a page's data without moving its version.
 *
 * Each predicate is built whole (`accountIn`, `either`); the text they produce is the text this
 * migration has always produced, byte for byte (a landed migration is frozen).
 */
const accountIn = (ids: string) => `account_id in (${ids})`;
const either = (...predicates: string[]) => predicates.join(' or ');
const CLIENT_AND_AGENT = (client: string) => `${client}, (select agent_id from accounts where id = ${client})`;
const SOURCES: Array<{ table: string; touches: (row: string) => string }> = [
  { table: 'appointments', touches: (r) => accountIn(CLIENT_AND_AGENT(`${r}.client_id`)) },
  { table: 'agent_tasks', touches: (r) => accountIn(CLIENT_AND_AGENT(`${r}.client_id`)) },
  { table: 'plans', touches: (r) => accountIn(CLIENT_AND_AGENT(`${r}.client_id`)) },
  { table: 'plan_actions', touches: (r) => accountIn(CLIENT_AND_AGENT(`(select client_id from plans where id = ${r}.plan_id)`)) },
  { table: 'plan_notes', touches: (r) => accountIn(CLIENT_AND_AGENT(`${r}.client_id`)) },
  { table: 'messages', touches: (r) => accountIn(CLIENT_AND_AGENT(`${r}.client_id`)) },
  // The client and their agent, and the agents of the team the request was sent to.
  {
    table: 'intake_requests',
    touches: (r) => either(accountIn(CLIENT_AND_AGENT(`${r}.client_id`)), accountIn(`select id from accounts where role = 'agent' and team = ${r}.team`)),
  },
  // An account's own pages, its agent's queue, and (for an agent) the clients who see their contact.
  { table: 'accounts', touches: (r) => either(accountIn(`${r}.id, ${r}.agent_id`), accountIn(`select id from accounts where agent_id = ${r}.id`)) },
  { table: 'closure_days', touches: () => accountIn('0') },
  { table: 'cancellation_reasons', touches: () => accountIn('0') },
  { table: 'action_catalogue', touches: () => accountIn('0') },
];

const bump = (row: string, touches: (row: string) => string) => `update page_versions set version = version + 1 where ${touches(row)}`;

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
    await sql
      .raw(`create function aq_page_version_row() returns trigger language plpgsql as $$
      begin insert into page_versions (account_id, version) values (new.id, 1) on conflict (account_id) do nothing; return null; end $$`)
      .execute(db);
    await sql.raw('create trigger aq_page_version_row after insert on accounts for each row execute function aq_page_version_row()').execute(db);
    for (const { table, touches } of SOURCES) {
      await sql
        .raw(`create function aq_bump_${table}() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' then ${bump('old', touches)}; end if;
          if tg_op <> 'DELETE' then ${bump('new', touches)}; end if;
          return null;
        end $$`)
        .execute(db);
      await sql.raw(`create trigger aq_bump_${table} after insert or update or delete on ${table} for each row execute function aq_bump_${table}()`).execute(db);
    }
    return;
  }
  await sql.raw('create trigger aq_page_version_row after insert on accounts begin insert or ignore into page_versions (account_id, version) values (new.id, 1); end').execute(db);
  for (const { table, touches } of SOURCES) {
    await sql.raw(`create trigger aq_bump_${table}_insert after insert on ${table} begin ${bump('new', touches)}; end`).execute(db);
    await sql.raw(`create trigger aq_bump_${table}_update after update on ${table} begin ${bump('old', touches)}; ${bump('new', touches)}; end`).execute(db);
    await sql.raw(`create trigger aq_bump_${table}_delete after delete on ${table} begin ${bump('old', touches)}; end`).execute(db);
  }
}
