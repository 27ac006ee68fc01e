import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabase } from '../../test/helpers/database';
import { compileOnce } from './compile-once';

test("compileOnce runs the SQL compiled at the first call with each later call's values", async (t) => {
  const database = await testDatabase(t);
  const { db } = database;
  await db
    .insertInto('page_versions')
    .values([
      { account_id: 7, version: 3 },
      { account_id: 8, version: 5 },
    ])
    .execute();
  let builds = 0;
  const versionOf = compileOnce(
    (db, accountId: number) => {
      builds += 1;
      return db.selectFrom('page_versions').select('version').where('account_id', '=', accountId);
    },
    (accountId) => [accountId],
  );
  assert.deepEqual(
    (await versionOf(db, 7)).map((r) => Number(r.version)),
    [3],
  );
  assert.deepEqual(
    (await versionOf(db, 8)).map((r) => Number(r.version)),
    [5],
  );
  assert.deepEqual(await versionOf(db, 9), []);
  assert.equal(builds, 1);
});

test('compileOnce refuses a parameter list that does not match what the query binds', async (t) => {
  const { db } = await testDatabase(t);
  const wrong = compileOnce(
    (db, a: number, b: number) => db.selectFrom('page_versions').select('version').where('account_id', '=', a).where('version', '>', b),
    (a, b) => [b, a],
  );
  await assert.rejects(() => wrong(db, 1, 2), /compileOnce: the parameters listed/);
});
