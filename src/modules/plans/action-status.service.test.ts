import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { testDatabase } from '../../../test/helpers/database';
import { seedDemo } from '../../seed/demo';
import { findAuditBySubject } from '../../platform/audit/audit.repository';
import { NotFoundError } from '../../platform/errors';
import { toggleAction } from './action-status.service';
import { updateActionStatusIfVersion } from './plan.repository';

async function setUp(t: Parameters<typeof testDatabase>[0], start = new Date('2026-07-13T14:48:00.000Z')) {
  const database = await testDatabase(t);
  const clock = movableClock(start);
  const demo = await seedDemo(database.db, clock);
  const action = await database.db.selectFrom('plan_actions').selectAll().where('title', '=', 'Suivre la session Objectif Intégration').executeTakeFirstOrThrow();
  return { db: database.db, demo, clock, action };
}

describe(`toggling an action (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  test('ten parallel toggles from the same version: exactly one changes the action, and one audit line', async (t) => {
    const { db, demo, clock, action } = await setUp(t);
    const results = await Promise.all(Array.from({ length: 10 }, () => toggleAction(db, { role: 'client', id: demo.john.id }, { actionId: action.id, expectedVersion: action.version, now: clock() })));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.ok(results.filter((r) => !r.ok).every((r) => r.action.version === action.version + 1 && r.action.status === 'completee'));
    const row = await db.selectFrom('plan_actions').selectAll().where('id', '=', action.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'completee');
    assert.equal(row.version, action.version + 1);
    assert.equal(row.completed_on, '2026-07-13');
    assert.equal((await findAuditBySubject(db, 'plan_action', action.id)).length, 1);
  });

  test('the conditional UPDATE itself refuses a version that is no longer current', async (t) => {
    const { db, action } = await setUp(t);
    const change = { status: 'completee' as const, completedOn: '2026-07-13', at: new Date().toISOString() };
    assert.equal(await updateActionStatusIfVersion(db, action.id, action.version, change), true);
    assert.equal(await updateActionStatusIfVersion(db, action.id, action.version, change), false);
    const row = await db.selectFrom('plan_actions').select('version').where('id', '=', action.id).executeTakeFirstOrThrow();
    assert.equal(row.version, action.version + 1);
  });

  test('toggles that each carry the version they saw alternate the status, version by version', async (t) => {
    const { db, demo, clock, action } = await setUp(t);
    let version = action.version;
    for (const expected of ['completee', 'a_faire', 'completee', 'a_faire'] as const) {
      const result = await toggleAction(db, { role: 'client', id: demo.john.id }, { actionId: action.id, expectedVersion: version, now: clock() });
      assert.ok(result.ok);
      assert.equal(result.action.status, expected);
      assert.equal(result.action.completed_on, expected === 'completee' ? '2026-07-13' : null);
      version = result.action.version;
      clock.advance(60_000);
    }
    assert.equal(version, action.version + 4);
    assert.equal((await findAuditBySubject(db, 'plan_action', action.id)).length, 4);
  });

  test('« Date de fin » is the Québec date: 23:30 in Québec on July 13 is already July 14 in UTC', async (t) => {
    const { db, demo, action } = await setUp(t, new Date('2026-07-14T03:30:00.000Z'));
    const result = await toggleAction(db, { role: 'client', id: demo.john.id }, { actionId: action.id, expectedVersion: action.version, now: new Date('2026-07-14T03:30:00.000Z') });
    assert.ok(result.ok);
    assert.equal(result.action.completed_on, '2026-07-13');
  });

  test('a stale version is refused with the current state and changes nothing', async (t) => {
    const { db, demo, clock, action } = await setUp(t);
    const result = await toggleAction(db, { role: 'client', id: demo.john.id }, { actionId: action.id, expectedVersion: action.version + 5, now: clock() });
    assert.equal(result.ok, false);
    assert.equal(result.action.status, 'a_faire');
    assert.equal((await findAuditBySubject(db, 'plan_action', action.id)).length, 0);
  });

  test('another client’s action, or an action of a draft plan, is not found', async (t) => {
    const { db, demo, clock, action } = await setUp(t);
    await assert.rejects(toggleAction(db, { role: 'client', id: demo.jane.id }, { actionId: action.id, expectedVersion: action.version, now: clock() }), NotFoundError);
    const draft = await db.selectFrom('plan_actions').innerJoin('plans', 'plans.id', 'plan_actions.plan_id').select('plan_actions.id').where('plans.status', '=', 'brouillon').executeTakeFirstOrThrow();
    await assert.rejects(toggleAction(db, { role: 'client', id: demo.amina.id }, { actionId: draft.id, expectedVersion: 1, now: clock() }), NotFoundError);
  });
});
