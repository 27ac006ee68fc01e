import { sql } from 'kysely';
import type { Db } from '../../db/types';

/**
 * Counts one hit in a bucket's fixed window, in one statement every instance can run at once: the
 * row is created, or its count goes up, or (a new window) starts again at 1. Returns the count.
 */
export async function hitCounter(db: Db, bucket: string, windowStart: number): Promise<number> {
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ bucket, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        hits: sql<number>`case when rate_limit_counters.window_start = ${windowStart} then rate_limit_counters.hits + 1 else 1 end`,
        window_start: windowStart,
      }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

/** The count of a bucket's window without counting a hit (0 when another window is on). */
export async function readCounter(db: Db, bucket: string, windowStart: number): Promise<number> {
  const row = await db.selectFrom('rate_limit_counters').select('hits').where('bucket', '=', bucket).where('window_start', '=', windowStart).executeTakeFirst();
  return Number(row?.hits ?? 0);
}

/** Removes the counters of windows long gone (a token that stopped calling, an address seen once). */
export async function deleteCountersBefore(db: Db, windowStart: number): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('window_start', '<', windowStart).execute();
}
