import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Database } from '../database';
import { seedDemoIfEmpty } from './demo';

/** The demo data goes into an empty database at start, except in production or when turned off. */
export async function seedDemoAtStart(config: Config, db: Kysely<Database>, clock: Clock): Promise<boolean> {
  if (config.NODE_ENV === 'production' || config.SEED_DEMO === 'never') return false;
  return seedDemoIfEmpty(db, clock);
}
