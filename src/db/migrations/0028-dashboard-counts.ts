import { type Kysely, sql } from 'kysely';
import { isPostgres } from './schema-helpers';

/**
 * What one source table adds to `dashboard_counts` (ADR 0015): each row counts once in the UTC
 * hour of its `at` column and under its `agent` (0 when nobody), in the counters whose expression
 * is 1 for it, and only when `when` holds. `row` is `old` or `new` in a trigger, the table's name
 * in a recount.
 */
interface Source {
  table: string;
  /** The columns whose change can move the row's counts (the triggers fire on these only). */
  watched: string[];
  at: string;
  agent: string;
  when: (row: string) => string;
  counters: Record<string, (row: string) => string>;
}

const one = (condition: string) => `case when ${condition} then 1 else 0 end`;

export const SOURCES: Source[] = [
  {
    // Requests that carry their promised moment: answered in time, or late; unanswered ones are
    // weighed at read time, as their lateness depends on the clock.
    table: 'intake_requests',
    watched: ['submitted_at', 'taken_by', 'due_at', 'first_proposed_at'],
    at: 'submitted_at',
    agent: 'taken_by',
    when: (r) => `${r}.due_at is not null`,
    counters: {
      requests: () => '1',
      first_on_time: (r) => one(`${r}.first_proposed_at is not null and ${r}.first_proposed_at <= ${r}.due_at`),
      first_late: (r) => one(`${r}.first_proposed_at is not null and ${r}.first_proposed_at > ${r}.due_at`),
    },
  },
  {
    // Re-proposals owed after a client's cancellation, by when they were opened.
    table: 'agent_tasks',
    watched: ['kind', 'agent_id', 'created_at', 'due_at', 'done_at'],
    at: 'created_at',
    agent: 'agent_id',
    when: (r) => `${r}.kind = 'reproposer'`,
    counters: {
      reproposals: () => '1',
      reproposals_on_time: (r) => one(`${r}.done_at is not null and ${r}.done_at <= ${r}.due_at`),
      reproposals_late: (r) => one(`${r}.done_at is not null and ${r}.done_at > ${r}.due_at`),
    },
  },
  {
    table: 'appointments',
    watched: ['status', 'agent_id', 'starts_at'],
    at: 'starts_at',
    agent: 'agent_id',
    when: (r) => `${r}.status = 'absent'`,
    counters: { no_shows: () => '1' },
  },
  {
    table: 'plans',
    watched: ['published_at', 'agent_id'],
    at: 'published_at',
    agent: 'agent_id',
    when: (r) => `${r}.published_at is not null`,
    counters: { plans_published: () => '1' },
  },
];

export const COUNTERS = SOURCES.flatMap((source) => Object.keys(source.counters));

/** Adds `sign` × the row's counts (`row`: old or new) to its hour and agent. */
function apply(source: Source, row: 'old' | 'new', sign: 1 | -1): string {
  const names = Object.keys(source.counters);
  const values = names.map((name) => `${sign} * (${source.counters[name]!(row)})`);
  return `insert into dashboard_counts (hour, agent_id, ${names.join(', ')})
    select substr(${row}.${source.at}, 1, 13), coalesce(${row}.${source.agent}, 0), ${values.join(', ')}
    where ${source.when(row)}
    on conflict (hour, agent_id) do update set ${names.map((name) => `${name} = dashboard_counts.${name} + excluded.${name}`).join(', ')}`;
}

/**
 * The counts of every row of the source tables, added to what the table holds: the backfill of
 * this migration, and what a bulk load that set the triggers aside adds for its rows (`where`
 * narrows the rows).
 */
export async function addCountsOf(db: Kysely<any>, source: Source, where = 'true'): Promise<void> {
  const names = Object.keys(source.counters);
  const t = source.table;
  // `group by` on the expressions themselves (not their aliases), as PostgreSQL wants.
  await sql
    .raw(`insert into dashboard_counts (hour, agent_id, ${names.join(', ')})
      select substr(${t}.${source.at}, 1, 13), coalesce(${t}.${source.agent}, 0), ${names.map((name) => `sum(${source.counters[name]!(t)})`).join(', ')}
      from ${t} where ${source.when(t)} and (${where})
      group by substr(${t}.${source.at}, 1, 13), coalesce(${t}.${source.agent}, 0)
      on conflict (hour, agent_id) do update set ${names.map((name) => `${name} = dashboard_counts.${name} + excluded.${name}`).join(', ')}`)
    .execute(db);
}

// Frozen once landed: a change to the schema is a new migration.
// The manager's « Tableau de bord » reads a quarter from counts kept as the rows change (ADR 0015):
// per UTC hour (Québec's weeks start at a whole UTC hour, summer or winter) and agent, moved by
// triggers in the transaction of the change, whichever code path writes.
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('dashboard_counts')
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'integer', (c) => c.notNull());
  for (const name of COUNTERS) table = table.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('dashboard_counts_pk', ['hour', 'agent_id']).execute();

  for (const source of SOURCES) {
    const name = `aq_count_${source.table}`;
    const watched = source.watched.join(', ');
    if (isPostgres(db)) {
      await sql
        .raw(`create function ${name}() returns trigger language plpgsql as $$
          begin
            if tg_op <> 'INSERT' then ${apply(source, 'old', -1)}; end if;
            if tg_op <> 'DELETE' then ${apply(source, 'new', 1)}; end if;
            return null;
          end $$`)
        .execute(db);
      await sql.raw(`create trigger ${name} after insert or delete or update of ${watched} on ${source.table} for each row execute function ${name}()`).execute(db);
    } else {
      await sql.raw(`create trigger ${name}_insert after insert on ${source.table} begin ${apply(source, 'new', 1)}; end`).execute(db);
      await sql.raw(`create trigger ${name}_update after update of ${watched} on ${source.table} begin ${apply(source, 'old', -1)}; ${apply(source, 'new', 1)}; end`).execute(db);
      await sql.raw(`create trigger ${name}_delete after delete on ${source.table} begin ${apply(source, 'old', -1)}; end`).execute(db);
    }
    await addCountsOf(db, source);
  }
  // What the counts leave to the read: the requests not yet answered and the re-proposals not yet
  // done of a period (whether they are late depends on the clock), and the late re-proposals listed.
  await sql`create index intake_requests_unanswered_idx on intake_requests (submitted_at, due_at) where first_proposed_at is null and due_at is not null`.execute(db);
  await sql`create index agent_tasks_reproposals_idx on agent_tasks (created_at, due_at, done_at) where kind = 'reproposer'`.execute(db);
}
