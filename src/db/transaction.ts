import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from './types';

/**
 * Runs `work` in the caller's transaction when there is one, else in a new one. The one way a
 * service opens a transaction: services hand a handle around, they never build queries.
 *
 * PostgreSQL may end a transaction to break a deadlock (40P01) — two requests touching the same
 * rows in opposite orders, such as a client's cancellation and the agent's proposal, whose
 * triggers move both people's page versions — or a serialization failure (40001). Everything the
 * transaction did is rolled back, so it is run again, up to three times in all, after a short
 * random pause: the person sees their change made instead of a 500. (`work` does only database
 * work: mail goes through the outbox, in the same transaction.)
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await sleep(Math.random() * 20 * attempt);
    }
  }
}

const MAX_ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}
