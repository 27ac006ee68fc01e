import { sql } from 'kysely';
import type { Db } from '../../db/types';

/**
 * The index of the week an instant falls in, from the weeks' bounds (ascending ISO instants, the
 * first week's start to the last week's end): portable SQL, so the counting stays in the database.
 */
function weekOf(column: string, bounds: readonly string[]) {
  const cases = bounds.slice(1).map((bound, index) => sql`when ${sql.ref(column)} < ${bound} then ${sql.lit(index)}`);
  return sql<number>`case ${sql.join(cases, sql` `)} end`;
}

/** A week's kept counts (see DashboardCountTable), summed over its hours and agents. */
export interface WeekCounts {
  week: number;
  requests: number;
  firstOnTime: number;
  firstLate: number;
  reproposals: number;
  reproposalsOnTime: number;
  reproposalsLate: number;
  noShows: number;
  plansPublished: number;
}

/**
 * The period's figures per week from the counts kept as the rows changed (migration 0028): a
 * quarter is a few thousand hours and agents to sum, whatever the number of requests behind them.
 * The weeks' bounds are whole UTC hours (Québec's midnights), compared as 'YYYY-MM-DDTHH'.
 */
export async function sumKeptCountsByWeek(db: Db, bounds: readonly string[]): Promise<WeekCounts[]> {
  const hours = bounds.map((bound) => bound.slice(0, 13));
  const inPeriod = db
    .selectFrom('dashboard_counts')
    .select([weekOf('hour', hours).as('week'), 'requests', 'first_on_time', 'first_late', 'reproposals', 'reproposals_on_time', 'reproposals_late', 'no_shows', 'plans_published'])
    .where('hour', '>=', hours[0]!)
    .where('hour', '<', hours[hours.length - 1]!)
    .as('c');
  const rows = await db
    .selectFrom(inPeriod)
    .select((eb) => [
      'c.week',
      eb.fn.sum<number>('c.requests').as('requests'),
      eb.fn.sum<number>('c.first_on_time').as('first_on_time'),
      eb.fn.sum<number>('c.first_late').as('first_late'),
      eb.fn.sum<number>('c.reproposals').as('reproposals'),
      eb.fn.sum<number>('c.reproposals_on_time').as('reproposals_on_time'),
      eb.fn.sum<number>('c.reproposals_late').as('reproposals_late'),
      eb.fn.sum<number>('c.no_shows').as('no_shows'),
      eb.fn.sum<number>('c.plans_published').as('plans_published'),
    ])
    .groupBy('c.week')
    .execute();
  return rows.map((row) => ({
    week: Number(row.week),
    requests: Number(row.requests),
    firstOnTime: Number(row.first_on_time),
    firstLate: Number(row.first_late),
    reproposals: Number(row.reproposals),
    reproposalsOnTime: Number(row.reproposals_on_time),
    reproposalsLate: Number(row.reproposals_late),
    noShows: Number(row.no_shows),
    plansPublished: Number(row.plans_published),
  }));
}

/** Per week: items still open (not counted as kept: whether they are late depends on `now`), and how many of them are past due. */
export interface OpenCounts {
  week: number;
  open: number;
  late: number;
}

/** Requests of the period that carry their promise and have no proposal yet (the partial index of migration 0028 holds just those). */
export async function countUnansweredByWeek(db: Db, bounds: readonly string[], now: string): Promise<OpenCounts[]> {
  const unanswered = db
    .selectFrom('intake_requests')
    .select([weekOf('submitted_at', bounds).as('week'), 'due_at'])
    // Literal, as the partial index is written.
    .where(sql<boolean>`first_proposed_at is null and due_at is not null`)
    .where('submitted_at', '>=', bounds[0]!)
    .where('submitted_at', '<', bounds[bounds.length - 1]!)
    .as('r');
  return openCounts(
    db
      .selectFrom(unanswered)
      .select((eb) => ['r.week', eb.fn.countAll<number>().as('open'), sql<number>`sum(case when r.due_at < ${now} then 1 else 0 end)`.as('late')])
      .groupBy('r.week'),
  );
}

/** Re-proposal tasks opened in the period and not done yet. */
export async function countUndoneReproposalsByWeek(db: Db, bounds: readonly string[], now: string): Promise<OpenCounts[]> {
  const undone = db
    .selectFrom('agent_tasks')
    .select([weekOf('created_at', bounds).as('week'), 'due_at'])
    .where(sql<boolean>`kind = 'reproposer'`)
    .where('done_at', 'is', null)
    .where('created_at', '>=', bounds[0]!)
    .where('created_at', '<', bounds[bounds.length - 1]!)
    .as('t');
  return openCounts(
    db
      .selectFrom(undone)
      .select((eb) => ['t.week', eb.fn.countAll<number>().as('open'), sql<number>`sum(case when t.due_at < ${now} then 1 else 0 end)`.as('late')])
      .groupBy('t.week'),
  );
}

async function openCounts(query: { execute(): Promise<Array<{ week: number; open: number; late: number }>> }): Promise<OpenCounts[]> {
  return (await query.execute()).map((row) => ({ week: Number(row.week), open: Number(row.open), late: Number(row.late ?? 0) }));
}

/** The late first proposals among those requests, the longest overdue first, at most `limit`. */
export async function findLateFirstProposals(db: Db, from: string, to: string, now: string, limit: number) {
  return (
    db
      .selectFrom('intake_requests')
      .innerJoin('accounts as client', 'client.id', 'intake_requests.client_id')
      .select(['intake_requests.client_id', 'intake_requests.submitted_at', 'intake_requests.due_at', 'intake_requests.first_proposed_at', 'client.display_name as client_name'])
      .where('intake_requests.submitted_at', '>=', from)
      .where('intake_requests.submitted_at', '<', to)
      .where('intake_requests.due_at', 'is not', null)
      // The partial index of late or unanswered requests (migration 0018), named as it is written.
      .where(sql<boolean>`(intake_requests.first_proposed_at is null or intake_requests.first_proposed_at > intake_requests.due_at)`)
      .where((eb) =>
        eb.or([
          eb.and([eb('intake_requests.first_proposed_at', 'is not', null), eb('intake_requests.first_proposed_at', '>', eb.ref('intake_requests.due_at'))]),
          eb.and([eb('intake_requests.first_proposed_at', 'is', null), eb('intake_requests.due_at', '<', now)]),
        ]),
      )
      .orderBy('intake_requests.due_at')
      .limit(limit)
      .execute()
  );
}

/** Requests submitted in [from, to) without a recorded promise (made before it was kept), with when the first appointment was proposed. */
export async function findRequestsSubmitted(db: Db, from: string, to: string) {
  return db
    .selectFrom('intake_requests')
    .innerJoin('accounts as client', 'client.id', 'intake_requests.client_id')
    .select(['intake_requests.id', 'intake_requests.client_id', 'intake_requests.submitted_at', 'intake_requests.first_proposed_at', 'client.display_name as client_name'])
    .where('intake_requests.submitted_at', '>=', from)
    .where('intake_requests.submitted_at', '<', to)
    .where('intake_requests.due_at', 'is', null)
    .orderBy('intake_requests.submitted_at')
    .execute();
}

/** The late re-proposals of tasks opened in [from, to) (done after their due time, or not done and past it), the longest overdue first, at most `limit`. */
export async function findLateReproposals(db: Db, from: string, to: string, now: string, limit: number) {
  return db
    .selectFrom('agent_tasks')
    .innerJoin('accounts as client', 'client.id', 'agent_tasks.client_id')
    .select(['agent_tasks.client_id', 'agent_tasks.created_at', 'agent_tasks.due_at', 'agent_tasks.done_at', 'client.display_name as client_name'])
    .where(sql<boolean>`agent_tasks.kind = 'reproposer'`)
    .where('agent_tasks.created_at', '>=', from)
    .where('agent_tasks.created_at', '<', to)
    .where((eb) =>
      eb.or([eb.and([eb('agent_tasks.done_at', 'is not', null), eb('agent_tasks.done_at', '>', eb.ref('agent_tasks.due_at'))]), eb.and([eb('agent_tasks.done_at', 'is', null), eb('agent_tasks.due_at', '<', now)])]),
    )
    .orderBy('agent_tasks.due_at')
    .limit(limit)
    .execute();
}

/** Active agents, by name. */
export async function findActiveAgents(db: Db) {
  // Literal, so that the partial index of agents (migration 0017) applies rather than a scan of every client.
  return db.selectFrom('accounts').select(['id', 'display_name']).where(sql<boolean>`role = 'agent'`).where('deactivated_at', 'is', null).orderBy('display_name').execute();
}

/** The agent of each of these clients (those without one are left out). */
export async function findAgentsOfClients(db: Db, clientIds: readonly number[]): Promise<Map<number, number>> {
  const agents = new Map<number, number>();
  // In slices, so that no statement binds more values than a database accepts.
  for (let start = 0; start < clientIds.length; start += 500) {
    const rows = await db
      .selectFrom('accounts')
      .select(['id', 'agent_id'])
      .where('id', 'in', clientIds.slice(start, start + 500))
      .where('agent_id', 'is not', null)
      .execute();
    for (const row of rows) agents.set(row.id, row.agent_id as number);
  }
  return agents;
}

/** Counts per 'hour|agent' and per 'client id', each a record of the non-zero counters: how kept and recounted figures compare. */
export type CountRows = Map<string, Record<string, number>>;

function addTo(rows: CountRows, key: string, counts: Record<string, unknown>): void {
  const row = rows.get(key) ?? {};
  for (const [name, value] of Object.entries(counts)) if (Number(value) !== 0) row[name] = (row[name] ?? 0) + Number(value);
  if (Object.keys(row).length > 0) rows.set(key, row);
}

/** The kept counts, rows with every counter at zero left out (a count that went back to zero leaves its row). */
export async function keptCounts(db: Db): Promise<CountRows> {
  const rows: CountRows = new Map();
  for (const { hour, agent_id, ...counts } of await db.selectFrom('dashboard_counts').selectAll().execute()) addTo(rows, `${hour}|${agent_id}`, counts);
  for (const { client_id, ...counts } of await db.selectFrom('client_plan_counts').select(['client_id', 'assessments', 'plans', 'published']).execute()) addTo(rows, `client ${client_id}`, counts);
  return rows;
}

/**
 * The same counts recounted from the rows themselves, row by row here rather than in SQL (so that
 * it shares nothing with the triggers it checks): for tests and for checking a database by hand.
 */
export async function recountedCounts(db: Db): Promise<CountRows> {
  const rows: CountRows = new Map();
  const hourOf = (at: string, agentId: number | null) => `${at.slice(0, 13)}|${agentId ?? 0}`;
  for (const r of await db.selectFrom('intake_requests').select(['submitted_at', 'taken_by', 'due_at', 'first_proposed_at']).where('due_at', 'is not', null).execute()) {
    const answered = r.first_proposed_at !== null;
    addTo(rows, hourOf(r.submitted_at, r.taken_by), { requests: 1, first_on_time: answered && r.first_proposed_at! <= r.due_at! ? 1 : 0, first_late: answered && r.first_proposed_at! > r.due_at! ? 1 : 0 });
  }
  for (const t of await db.selectFrom('agent_tasks').select(['created_at', 'agent_id', 'due_at', 'done_at']).where('kind', '=', 'reproposer').execute()) {
    const done = t.done_at !== null;
    addTo(rows, hourOf(t.created_at, t.agent_id), { reproposals: 1, reproposals_on_time: done && t.done_at! <= t.due_at ? 1 : 0, reproposals_late: done && t.done_at! > t.due_at ? 1 : 0 });
  }
  for (const a of await db.selectFrom('appointments').select(['starts_at', 'agent_id']).where('status', '=', 'absent').execute()) addTo(rows, hourOf(a.starts_at, a.agent_id), { no_shows: 1 });
  for (const p of await db.selectFrom('plans').select(['published_at', 'agent_id']).where('published_at', 'is not', null).execute()) addTo(rows, hourOf(p.published_at!, p.agent_id), { plans_published: 1 });
  for (const a of await db.selectFrom('appointments').select('client_id').where('kind', '=', 'evaluation').where('status', '=', 'termine').execute()) addTo(rows, `client ${a.client_id}`, { assessments: 1 });
  for (const p of await db.selectFrom('plans').select(['client_id', 'status']).execute()) addTo(rows, `client ${p.client_id}`, { plans: 1, published: p.status === 'publie' ? 1 : 0 });
  return rows;
}
