import type { Db } from '../../db/types';

/** Ids per statement: far under SQLite's and PostgreSQL's bound-parameter limits. */
const IDS_PER_QUERY = 500;

/** A queue's client as the filters and flags need it: whose client, and what they asked for. */
export interface QueueClientRow {
  id: number;
  agent_id: number | null;
  /** The latest request's answers (JSON): languages, interpreter, accessibility needs. */
  answers: string | null;
}

/**
 * The agent and the latest request's answers of each client in a queue: by primary key, the
 * answers by the intake_requests client index (one index search per client), a statement per
 * 500 clients — a manager's queue can hold thousands.
 */
export async function findQueueClients(db: Db, clientIds: readonly number[]): Promise<QueueClientRow[]> {
  const ids = [...new Set(clientIds)];
  const rows: QueueClientRow[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = await db
      .selectFrom('accounts as c')
      .select((eb) => [
        'c.id',
        'c.agent_id',
        eb.selectFrom('intake_requests').select('intake_requests.answers').whereRef('intake_requests.client_id', '=', 'c.id').orderBy('intake_requests.id', 'desc').limit(1).as('answers'),
      ])
      .where('c.id', 'in', ids.slice(i, i + IDS_PER_QUERY))
      .execute();
    for (const row of chunk) rows.push({ id: row.id, agent_id: row.agent_id, answers: (row.answers as string | null) ?? null });
  }
  return rows;
}
