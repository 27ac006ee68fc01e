import { type Kysely, sql } from 'kysely';
import { bumpPageVersionsOn, checkIn, isPostgres, withId } from './schema-helpers';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // « Mes disponibilités »: one range of hours per ISO weekday (1 = Monday), in Québec time, as
  // minutes from midnight. No row at all for an agent means the service's business hours, Monday
  // to Friday; once an agent has rows, a weekday without one is a day off.
  await db.schema
    .createTable('agent_weekly_hours')
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_minute', 'integer', (c) => c.notNull().check(sql`start_minute between 0 and 1440`))
    .addColumn('end_minute', 'integer', (c) => c.notNull().check(sql`end_minute between 0 and 1440`))
    .addPrimaryKeyConstraint('agent_weekly_hours_pk', ['agent_id', 'weekday'])
    .addCheckConstraint('agent_weekly_hours_range', sql`start_minute < end_minute`)
    .execute();

  // Absences (« Vacances », « Formation », « Autre »): whole Québec days, both ends included.
  await withId(db, db.schema.createTable('agent_absences'))
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', ['vacances', 'formation', 'autre'])))
    .addColumn('label', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addCheckConstraint('agent_absences_range', sql`starts_on <= ends_on`)
    .execute();
  await db.schema.createIndex('agent_absences_agent_idx').on('agent_absences').columns(['agent_id', 'ends_on']).execute();

  // Per team, whether a client who cancelled may choose their new moment among the agent's free
  // slots (« Choisir un nouveau moment »); off unless the manager turns it on. No row: off.
  await db.schema
    .createTable('team_scheduling_settings')
    .addColumn('team', 'text', (c) => c.primaryKey())
    .addColumn('clients_choose_moment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .execute();
  // Every client's page may offer the choice: the shared version (account 0) moves.
  const shared = 'update page_versions set version = version + 1 where account_id = 0';
  if (isPostgres(db)) {
    await sql.raw(`create function aq_bump_team_scheduling_settings() returns trigger language plpgsql as $$ begin ${shared}; return null; end $$`).execute(db);
    await sql.raw('create trigger aq_bump_team_scheduling_settings after insert or update or delete on team_scheduling_settings for each statement execute function aq_bump_team_scheduling_settings()').execute(db);
  } else {
    for (const event of ['insert', 'update', 'delete']) await sql.raw(`create trigger aq_bump_team_scheduling_settings_${event} after ${event} on team_scheduling_settings begin ${shared}; end`).execute(db);
  }

  // The agent's pages (agenda, availability) show these rows: move the agent's page version, as
  // migration 0013 does for the other tables.
  for (const table of ['agent_weekly_hours', 'agent_absences']) await bumpPageVersionsOn(db, table, (row) => `account_id = ${row}.agent_id`);
}
