import type { Db } from './types';

/**
 * Runs `work` in the caller's transaction when there is one, else in a new one. The one way a
 * service opens a transaction: services hand a handle around, they never build queries.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
