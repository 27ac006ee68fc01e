import { type Kysely, sql } from 'kysely';
import { isPostgres } from './schema-helpers';

/**
 * What one source table adds to a table of kept counts (ADR 0015): each row counts once under its
 * `key` (column → expression) in the counters whose expression is 1 for it, and only when `when`
 * holds. `row` is `old` or `new` in a trigger, the table's name in a recount.
 */
interface Source {
  /** Names the trigger (and its function on PostgreSQL). */
  name: string;
  table: string;
  target: 'dashboard_counts' | 'client_plan_counts';
  /** The columns whose change can move the row's counts (the triggers fire on these only). */
  watched: string[];
  key: Record<string, (row: string) => string>;
  when: (row: string) => string;
  counters: Record<string, (row: string) => string>;
}

/** The dashboard's key: the UTC hour of `at` ('YYYY-MM-DDTHH') and the agent (0 when nobody). */
const hourAndAgent = (at: string, agent: string) => ({ hour: (r: string) => `substr(${r}.${at}, 1, 13)`, agent_id: (r: string) => `coalesce(${r}.${agent}, 0)` });
const ofClient = { client_id: (r: string) => `${r}.client_id` };

const one = (condition: string) => `case when ${condition} then 1 else 0 end`;

export const SOURCES: Source[] = [
  {
    // Requests that carry their promised moment: answered in time, or late; unanswered ones are
    // weighed at read time, as their lateness depends on the clock.
    name: 'aq_count_intake_requests',
    table: 'intake_requests',
    target: 'dashboard_counts',
    watched: ['submitted_at', 'taken_by', 'due_at', 'first_proposed_at'],
    key: hourAndAgent('submitted_at', 'taken_by'),
    when: (r) => `${r}.due_at is not null`,
    counters: {
      requests: () => '1',
      first_on_time: (r) => one(`${r}.first_proposed_at is not null and ${r}.first_proposed_at <= ${r}.due_at`),
      first_late: (r) => one(`${r}.first_proposed_at is not null and ${r}.first_proposed_at > ${r}.due_at`),
    },
  },
  {
    // Re-proposals owed after a client's cancellation, by when they were opened.
    name: 'aq_count_agent_tasks',
    table: 'agent_tasks',
    target: 'dashboard_counts',
    watched: ['kind', 'agent_id', 'created_at', 'due_at', 'done_at'],
    key: hourAndAgent('created_at', 'agent_id'),
    when: (r) => `${r}.kind = 'reproposer'`,
    counters: {
      reproposals: () => '1',
      reproposals_on_time: (r) => one(`${r}.done_at is not null and ${r}.done_at <= ${r}.due_at`),
      reproposals_late: (r) => one(`${r}.done_at is not null and ${r}.done_at > ${r}.due_at`),
    },
  },
  {
    name: 'aq_count_appointments',
    table: 'appointments',
    target: 'dashboard_counts',
    watched: ['status', 'agent_id', 'starts_at'],
    key: hourAndAgent('starts_at', 'agent_id'),
    when: (r) => `${r}.status = 'absent'`,
    counters: { no_shows: () => '1' },
  },
  {
    name: 'aq_count_plans',
    table: 'plans',
    target: 'dashboard_counts',
    watched: ['published_at', 'agent_id'],
    key: hourAndAgent('published_at', 'agent_id'),
    when: (r) => `${r}.published_at is not null`,
    counters: { plans_published: () => '1' },
  },
  // Per client: attended needs assessments, plans and published plans. The open work counts a plan
  // to publish for each client with an assessment and no plan, or a plan still in the making: read
  // from these, that is the few such clients rather than every attended assessment (100,000 at scale).
  {
    name: 'aq_plan_counts_appointments',
    table: 'appointments',
    target: 'client_plan_counts',
    watched: ['kind', 'status', 'client_id'],
    key: ofClient,
    when: (r) => `${r}.kind = 'evaluation' and ${r}.status = 'termine'`,
    counters: { assessments: () => '1' },
  },
  {
    name: 'aq_plan_counts_plans',
    table: 'plans',
    target: 'client_plan_counts',
    watched: ['status', 'client_id'],
    key: ofClient,
    when: () => 'true',
    counters: { plans: () => '1', published: (r) => one(`${r}.status = 'publie'`) },
  },
];

export const COUNTERS = SOURCES.filter((source) => source.target === 'dashboard_counts').flatMap((source) => Object.keys(source.counters));

/** Adds `sign` × the row's counts (`row`: old or new) under its key. */
function apply(source: Source, row: 'old' | 'new', sign: 1 | -1): string {
  const keys = Object.keys(source.key);
  const names = Object.keys(source.counters);
  return `insert into ${source.target} (${[...keys, ...names].join(', ')})
    select ${[...keys.map((key) => source.key[key]!(row)), ...names.map((name) => `${sign} * (${source.counters[name]!(row)})`)].join(', ')}
    where ${source.when(row)}
    on conflict (${keys.join(', ')}) do update set ${added(source)}`;
}

const added = (source: Source) =>
  Object.keys(source.counters)
    .map((name) => `${name} = ${source.target}.${name} + excluded.${name}`)
    .join(', ');

/**
 * The counts of every row of the source table, added to what the kept table holds: the backfill
 * of this migration, and what a bulk load that set the triggers aside adds for its rows (`where`
 * narrows the rows).
 */
export async function addCountsOf(db: Kysely<any>, source: Source, where = 'true'): Promise<void> {
  const t = source.table;
  const keys = Object.keys(source.key).map((key) => source.key[key]!(t));
  const names = Object.keys(source.counters);
  // `group by` on the expressions themselves (not their aliases), as PostgreSQL wants.
  await sql
    .raw(`insert into ${source.target} (${[...Object.keys(source.key), ...names].join(', ')})
      select ${[...keys, ...names.map((name) => `sum(${source.counters[name]!(t)})`)].join(', ')}
      from ${t} where ${source.when(t)} and (${where})
      group by ${keys.join(', ')}
      on conflict (${Object.keys(source.key).join(', ')}) do update set ${added(source)}`)
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
  await db.schema
    .createTable('client_plan_counts')
    .addColumn('client_id', 'integer', (c) => c.primaryKey())
    .addColumn('assessments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('plans', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    // Owed a plan, as one column: PostgreSQL's statistics then know how few such clients there are
    // (a comparison of two columns is guessed at a third of the rows, and the read scans them all).
    .addColumn('owed', 'integer', (c) => c.notNull().generatedAlwaysAs(sql`case when assessments > 0 and (plans = 0 or plans > published) then 1 else 0 end`).stored())
    .execute();

  for (const source of SOURCES) {
    const watched = source.watched.join(', ');
    if (isPostgres(db)) {
      await sql
        .raw(`create function ${source.name}() returns trigger language plpgsql as $$
          begin
            if tg_op <> 'INSERT' then ${apply(source, 'old', -1)}; end if;
            if tg_op <> 'DELETE' then ${apply(source, 'new', 1)}; end if;
            return null;
          end $$`)
        .execute(db);
      await sql.raw(`create trigger ${source.name} after insert or delete or update of ${watched} on ${source.table} for each row execute function ${source.name}()`).execute(db);
    } else {
      await sql.raw(`create trigger ${source.name}_insert after insert on ${source.table} begin ${apply(source, 'new', 1)}; end`).execute(db);
      await sql.raw(`create trigger ${source.name}_update after update of ${watched} on ${source.table} begin ${apply(source, 'old', -1)}; ${apply(source, 'new', 1)}; end`).execute(db);
      await sql.raw(`create trigger ${source.name}_delete after delete on ${source.table} begin ${apply(source, 'old', -1)}; end`).execute(db);
    }
    await addCountsOf(db, source);
  }
  // The clients owed a plan: an attended assessment and no plan, or one in the making (few).
  await sql`create index client_plan_counts_owed_idx on client_plan_counts (client_id) where owed = 1`.execute(db);
  // What the counts leave to the read: the requests not yet answered and the re-proposals not yet
  // done of a period (whether they are late depends on the clock), and the late ones listed.
  await sql`create index intake_requests_unanswered_idx on intake_requests (submitted_at, due_at) where first_proposed_at is null and due_at is not null`.execute(db);
  await sql`create index intake_requests_late_period_idx on intake_requests (submitted_at, due_at, first_proposed_at) where first_proposed_at is null or first_proposed_at > due_at`.execute(db);
  await sql`create index agent_tasks_reproposals_idx on agent_tasks (created_at, due_at, done_at) where kind = 'reproposer'`.execute(db);
}
