import { type Kysely, sql } from 'kysely';
import type { Config } from '../../config';
import { countAccounts } from '../../modules/accounts/account.repository';
import type { Clock } from '../../platform/clock';
import type { Database } from '../database';
import { isPostgres } from '../migrations/schema-helpers';
import { seedDemoIfEmpty } from './demo';

/** The demo data goes into an empty database at start, except in production or when turned off. */
export async function seedDemoAtStart(config: Config, db: Kysely<Database>, clock: Clock): Promise<boolean> {
  if (config.NODE_ENV === 'production' || config.SEED_DEMO === 'never') return false;
  return withSeedLock(db, async (locked) => {
    try {
      return await seedDemoIfEmpty(locked, clock);
    } catch (error) {
      // Another process on the same SQLite file seeded between our check and our first write.
      if ((await countAccounts(locked)) > 0) return false;
      throw error;
    }
  });
}

/**
 * Runs the emptiness check and the seed as one critical section, so that two processes starting
 * on one empty database do not both seed (one would fail on a duplicate e-mail). PostgreSQL: a
 * session advisory lock on one connection, keyed by the schema. SQLite: the one connection,
 * held for the whole section, serializes callers within a process; across processes the seed's
 * own transaction lets one writer through and the other finds the accounts there.
 */
async function withSeedLock<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    if (!isPostgres(db)) return work(connection);
    const key = sql`hashtext('aq.seed-demo:' || current_schema())`;
    await sql`select pg_advisory_lock(${key})`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}
