import { type Kysely, sql } from 'kysely';
import type { Database } from './database';
import { isPostgres } from './migrations/schema-helpers';

/**
 * Runs `work` as one critical section across the processes sharing the database, on one
 * connection that `work` receives. PostgreSQL: a session advisory lock keyed by `name` and the
 * schema. SQLite: the one connection, held for the whole section, serializes callers within a
 * process; across processes the work's own write transaction lets one writer through at a time.
 */
export async function withAdvisoryLock<T>(db: Kysely<Database>, name: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    if (!isPostgres(db)) return work(connection);
    const key = sql`hashtext(${name} || ':' || current_schema())`;
    await sql`select pg_advisory_lock(${key})`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}
