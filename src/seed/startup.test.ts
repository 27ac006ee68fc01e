import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../config';
import { countAccounts } from '../modules/accounts/account.repository';
import { systemClock } from '../platform/clock';
import { testDatabase } from '../../test/helpers/database';
import { seedDemoAtStart } from './startup';

test('demo data is seeded into an empty database in development, once', async (t) => {
  const { db } = await testDatabase(t);
  assert.equal(await seedDemoAtStart(loadConfig({ NODE_ENV: 'development' }), db, systemClock), true);
  const accounts = await countAccounts(db);
  assert.ok(accounts >= 6);
  assert.equal(await seedDemoAtStart(loadConfig({ NODE_ENV: 'development' }), db, systemClock), false, 'never twice');
  assert.equal(await countAccounts(db), accounts);
});

test('demo data is never seeded in production', async (t) => {
  const { db } = await testDatabase(t);
  assert.equal(await seedDemoAtStart(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://aq.example.org' }), db, systemClock), false);
  assert.equal(await seedDemoAtStart(loadConfig({ SEED_DEMO: 'never' }), db, systemClock), false);
  assert.equal(await countAccounts(db), 0);
});

test('two processes starting on one empty database seed it once, and neither fails', async (t) => {
  const handle = await testDatabase(t);
  const { db } = handle;
  // On PostgreSQL the second "process" has its own pool on the same database.
  const other = handle.dialect === 'postgres' ? handle.connectAgain() : handle;
  if (other !== handle) t.after(() => other.close());
  const config = loadConfig({ NODE_ENV: 'development' });
  const results = await Promise.all([seedDemoAtStart(config, db, systemClock), seedDemoAtStart(config, other.db, systemClock)]);
  assert.deepEqual(results.sort(), [false, true]);
  const reference = await testDatabase(t);
  await seedDemoAtStart(config, reference.db, systemClock);
  assert.equal(await countAccounts(db), await countAccounts(reference.db));
});
