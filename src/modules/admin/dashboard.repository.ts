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

export interface PromiseCounts {
  week: number;
  requests: number;
  onTime: number;
  late: number;
}

/**
 * First proposals per week for requests that carry their promised moment (`due_at`, written at
 * submission): how many came in, were answered in time, or are late (answered after it, or not
 * answered and past it) as of `now`. Counted by the database: a national quarter is 100,000 rows.
 */
export async function countFirstProposalsByWeek(db: Db, bounds: readonly string[], now: string): Promise<PromiseCounts[]> {
  const inPeriod = db
    .selectFrom('intake_requests')
    .select([weekOf('submitted_at', bounds).as('week'), 'due_at', 'first_proposed_at'])
    .where('submitted_at', '>=', bounds[0]!)
    .where('submitted_at', '<', bounds[bounds.length - 1]!)
    .where('due_at', 'is not', null)
    .as('r');
  const rows = await db
    .selectFrom(inPeriod)
    .select((eb) => [
      'r.week',
      eb.fn.countAll<number>().as('requests'),
      sql<number>`sum(case when r.first_proposed_at is not null and r.first_proposed_at <= r.due_at then 1 else 0 end)`.as('on_time'),
      sql<number>`sum(case when r.first_proposed_at is not null and r.first_proposed_at > r.due_at then 1 when r.first_proposed_at is null and r.due_at < ${now} then 1 else 0 end)`.as('late'),
    ])
    .groupBy('r.week')
    .execute();
  return rows.map((row) => ({ week: Number(row.week), requests: Number(row.requests), onTime: Number(row.on_time), late: Number(row.late) }));
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

/** Appointments recorded « Absent » per week (by when they were to start). */
export async function countNoShowsByWeek(db: Db, bounds: readonly string[]): Promise<Map<number, number>> {
  const absent = db
    .selectFrom('appointments')
    .select(weekOf('starts_at', bounds).as('week'))
    // A literal, so that the partial index on absent appointments (migration 0017) applies.
    .where(sql<boolean>`status = 'absent'`)
    .where('starts_at', '>=', bounds[0]!)
    .where('starts_at', '<', bounds[bounds.length - 1]!)
    .as('a');
  const rows = await db
    .selectFrom(absent)
    .select((eb) => ['a.week', eb.fn.countAll<number>().as('n')])
    .groupBy('a.week')
    .execute();
  return new Map(rows.map((row) => [Number(row.week), Number(row.n)]));
}

/** Plans published per week. */
export async function countPublicationsByWeek(db: Db, bounds: readonly string[]): Promise<Map<number, number>> {
  const published = db
    .selectFrom('plans')
    .select(weekOf('published_at', bounds).as('week'))
    .where('published_at', '>=', bounds[0]!)
    .where('published_at', '<', bounds[bounds.length - 1]!)
    .as('p');
  const rows = await db
    .selectFrom(published)
    .select((eb) => ['p.week', eb.fn.countAll<number>().as('n')])
    .groupBy('p.week')
    .execute();
  return new Map(rows.map((row) => [Number(row.week), Number(row.n)]));
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

/** Re-proposal tasks (one per cancellation by a client) opened in [from, to). */
export async function findReproposalsCreated(db: Db, from: string, to: string) {
  return db
    .selectFrom('agent_tasks')
    .innerJoin('accounts as client', 'client.id', 'agent_tasks.client_id')
    .select(['agent_tasks.id', 'agent_tasks.client_id', 'agent_tasks.created_at', 'agent_tasks.due_at', 'agent_tasks.done_at', 'client.display_name as client_name'])
    .where('agent_tasks.kind', '=', 'reproposer')
    .where('agent_tasks.created_at', '>=', from)
    .where('agent_tasks.created_at', '<', to)
    .orderBy('agent_tasks.created_at')
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
