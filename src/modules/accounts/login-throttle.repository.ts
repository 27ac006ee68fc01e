import type { Db } from '../../db/types';

/*
 * Sign-in attempts, one row per attempt and throttle key (`pair:…`, `account:…`, `ip:…`).
 * The table keeps its first name, login_failures: a row is written before the password is
 * checked and removed again when the attempt is refused or succeeds, so what stays are failures.
 */

/** Records one attempt under a key; each call commits on its own, so others see it at once. */
export async function insertAttempt(db: Db, key: string, at: string): Promise<number> {
  const row = await db.insertInto('login_failures').values({ throttle_key: key, failed_at: at }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** How many attempts a key holds after a time (an attempt leaves the window exactly one window later), and the oldest. */
export async function attemptsSince(db: Db, key: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('failed_at').as('oldest')])
    .where('throttle_key', '=', key)
    .where('failed_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null };
}

export async function deleteAttempts(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('login_failures').where('id', 'in', ids).execute();
}

export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('throttle_key', '=', key).execute();
}

export async function deleteAttemptsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('failed_at', '<', before).execute();
}
