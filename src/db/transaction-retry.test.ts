import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialectName, testDatabase } from '../../test/helpers/database';
import { inTransaction } from './transaction';
import type { Db } from './types';

/**
 * PostgreSQL breaks a deadlock by ending one of the transactions (40P01): under the multi-instance
 * load a client's cancellation and the agent's proposal met that way and one answered 500. The
 * transaction is run again, and both changes are made. (SQLite has one writer at a time: its
 * transactions cannot deadlock.)
 */
test('PostgreSQL: two transactions that lock the same rows in opposite orders both commit (the deadlock victim is run again)', { skip: dialectName !== 'postgres' && 'PostgreSQL only', timeout: 30_000 }, async (t) => {
  const database = await testDatabase(t);
  const other = database.connectAgain();
  t.after(() => other.close());
  await database.db
    .insertInto('page_versions')
    .values([
      { account_id: 1001, version: 0 },
      { account_id: 1002, version: 0 },
    ])
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();

  // Each has locked its first row before either goes for its second: a deadlock, every time.
  let firstLocks = 0;
  let bothLocked!: () => void;
  const barrier = new Promise<void>((resolve) => {
    bothLocked = resolve;
  });
  const bump = (db: Db, accountId: number) =>
    db
      .updateTable('page_versions')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('account_id', '=', accountId)
      .execute();
  let runs = 0;
  const crossing = (db: Db, first: number, second: number) =>
    inTransaction(db, async (trx) => {
      runs++;
      await bump(trx, first);
      if (++firstLocks === 2) bothLocked();
      await barrier;
      await bump(trx, second);
    });

  const results = await Promise.allSettled([crossing(database.db, 1001, 1002), crossing(other.db, 1002, 1001)]);
  assert.deepEqual(
    results.map((result) => (result.status === 'fulfilled' ? 'ok' : String((result.reason as Error).message))),
    ['ok', 'ok'],
  );
  assert.equal(runs, 3, 'one of them ran twice');
  const versions = await database.db.selectFrom('page_versions').select(['account_id', 'version']).where('account_id', 'in', [1001, 1002]).orderBy('account_id').execute();
  assert.deepEqual(
    versions.map((row) => Number(row.version)),
    [2, 2],
    'both transactions’ changes are there, once each',
  );
});
