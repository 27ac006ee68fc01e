import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { dialectName, testDatabase } from '../../test/helpers/database';
import { inTransaction } from './transaction';
import type { Db } from './types';

/**
 * What two server processes (WORKERS=2) do to one SQLite file: each transaction reads, awaits
 * (another query, a password hash…), then writes. Opened deferred, the second one's upgrade to a
 * write fails at once with SQLITE_BUSY (its snapshot is stale; busy_timeout does not apply), so
 * about one write in eight answered 500. Opened `begin immediate`, each waits for the write lock.
 */
test('SQLite: read-then-write transactions from two connections to one file all commit, none SQLITE_BUSY, none lost', { skip: dialectName !== 'sqlite', timeout: 60_000 }, async (t) => {
  const database = await testDatabase(t);
  const other = database.connectAgain();
  t.after(() => other.close());
  await database.db.insertInto('page_versions').values({ account_id: 1, version: 0 }).execute();

  const perConnection = 25;
  const errors: string[] = [];
  const increment = async (db: Db, n: number) => {
    try {
      await inTransaction(db, async (trx) => {
        const { version } = await trx.selectFrom('page_versions').select('version').where('account_id', '=', 1).executeTakeFirstOrThrow();
        await sleep(n % 3); // the awaited work between the read and the write
        await trx
          .updateTable('page_versions')
          .set({ version: Number(version) + 1 })
          .where('account_id', '=', 1)
          .execute();
      });
    } catch (error) {
      errors.push(String((error as { code?: string }).code ?? error));
    }
  };
  await Promise.all(Array.from({ length: perConnection }, (_, n) => [increment(database.db, n), increment(other.db, n)]).flat());

  assert.deepEqual(errors, [], `${errors.length} of ${2 * perConnection} transactions failed`);
  const { version } = await database.db.selectFrom('page_versions').select('version').where('account_id', '=', 1).executeTakeFirstOrThrow();
  assert.equal(Number(version), 2 * perConnection, 'each read-then-write saw the one before it');
});

test('a transaction that fails is rolled back and frees the write lock for the other connection', { skip: dialectName !== 'sqlite' }, async (t) => {
  const database = await testDatabase(t);
  const other = database.connectAgain();
  t.after(() => other.close());
  await assert.rejects(
    inTransaction(database.db, async (trx) => {
      await trx.insertInto('page_versions').values({ account_id: 2, version: 1 }).execute();
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  await inTransaction(other.db, (trx) => trx.insertInto('page_versions').values({ account_id: 3, version: 1 }).execute());
  const rows = await database.db.selectFrom('page_versions').select('account_id').where('account_id', 'in', [2, 3]).execute();
  assert.deepEqual(
    rows.map((r) => r.account_id),
    [3],
  );
});
