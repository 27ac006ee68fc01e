import type { Kysely } from 'kysely';
import type { Config } from '../config';
import { countAccounts } from '../modules/accounts/account.repository';
import type { Clock } from '../platform/clock';
import type { Database } from '../db/database';
import { withAdvisoryLock } from '../db/advisory-lock';
import { seedDemoIfEmpty } from './demo';

/** The demo data goes into an empty database at start, except in production or when turned off. */
export async function seedDemoAtStart(config: Config, db: Kysely<Database>, clock: Clock): Promise<boolean> {
  if (config.NODE_ENV === 'production' || config.SEED_DEMO === 'never') return false;
  // The emptiness check and the seed as one critical section: two processes starting on one
  // empty database must not both seed (one would fail on a duplicate e-mail).
  return withAdvisoryLock(db, 'aq.seed-demo', async (locked) => {
    try {
      return await seedDemoIfEmpty(locked, clock);
    } catch (error) {
      // Another process on the same SQLite file seeded between our check and our first write.
      if ((await countAccounts(locked)) > 0) return false;
      throw error;
    }
  });
}
