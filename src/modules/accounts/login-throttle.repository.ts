import type { Db } from '../../db/types';

export async function countFailuresSince(db: Db, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('throttle_key', '=', key)
    .where('failed_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertFailure(db: Db, key: string, at: string): Promise<void> {
  await db.insertInto('login_failures').values({ throttle_key: key, failed_at: at }).execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('throttle_key', '=', key).execute();
}

export async function deleteFailuresBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('failed_at', '<', before).execute();
}
