import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabase } from '../test/helpers/database';
import { seedDemo } from '../src/seed/demo';
import { keptCounts, recountedCounts } from '../src/modules/admin/dashboard.repository';
import { addBulkClients } from './bench-data';

test('the bulk load leaves every trigger in place and moves the page versions and dashboard counts the triggers would have', async (t) => {
  const { db } = await testDatabase(t);
  await seedDemo(db, () => new Date());
  const versionOf = async (accountId: number) => Number((await db.selectFrom('page_versions').select('version').where('account_id', '=', accountId).executeTakeFirstOrThrow()).version);
  const marie = await db.selectFrom('accounts').select('id').where('email', '=', 'marie.tremblay@example.com').executeTakeFirstOrThrow();
  const marieBefore = await versionOf(marie.id);

  await addBulkClients(db, 1400, { appointments: 2, actions: 3, auditLines: 1 });

  const bulk = await db.selectFrom('accounts').select(['id', 'agent_id']).where('email', 'like', 'bulk-%@example.test').where('role', '=', 'client').execute();
  assert.equal(bulk.length, 1400);
  const withoutVersion = await db.selectFrom('accounts').leftJoin('page_versions', 'page_versions.account_id', 'accounts.id').select('accounts.id').where('page_versions.account_id', 'is', null).execute();
  assert.deepEqual(withoutVersion, [], 'every account has a page version');
  assert.ok((await versionOf(marie.id)) > marieBefore, 'Marie received bulk clients: her pages moved on');
  // The dashboard's counts, whose triggers were set aside too, were filled for the bulk rows.
  const kept = await keptCounts(db);
  assert.deepEqual(kept, await recountedCounts(db));
  assert.ok([...kept.values()].reduce((total, row) => total + (row.requests ?? 0), 0) >= 1400, 'the bulk requests are counted');

  // The triggers are back: a change to a bulk client's plan action moves that client's pages and their agent's.
  const client = bulk[0]!;
  const [clientBefore, agentBefore] = [await versionOf(client.id), await versionOf(client.agent_id!)];
  const plan = await db.selectFrom('plans').select('id').where('client_id', '=', client.id).executeTakeFirstOrThrow();
  await db.updateTable('plan_actions').set({ title: 'Changed' }).where('plan_id', '=', plan.id).where('position', '=', 0).execute();
  assert.ok((await versionOf(client.id)) > clientBefore);
  assert.ok((await versionOf(client.agent_id!)) > agentBefore);
  // And the counting triggers are back: the client's plan unpublished leaves the counts.
  await db.updateTable('plans').set({ published_at: null, status: 'brouillon' }).where('id', '=', plan.id).execute();
  assert.deepEqual(await keptCounts(db), await recountedCounts(db));
  // And a new account still gets its page version from the trigger.
  const created = await db
    .insertInto('accounts')
    .values({
      email: 'after-bulk@example.test',
      password_hash: 'x',
      role: 'client',
      display_name: 'After',
      phone: null,
      locale: 'fr',
      time_zone: 'America/Toronto',
      agent_id: null,
      team: null,
      created_at: new Date().toISOString(),
      password_changed_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.equal(await versionOf(created.id), 1);
});
