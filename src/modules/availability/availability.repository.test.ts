import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';
import { insertAbsence, replaceWeeklyHours, findWeeklyHours } from './availability.repository';
import { absencesBetween } from './availability.service';

describe(`agent availability tables (${dialectName})`, () => {
  test('absencesBetween returns the absences touching the range, both ends included', async (t) => {
    const { db } = await testDatabase(t);
    const agent = await createAccount(db, { role: 'agent' });
    const other = await createAccount(db, { role: 'agent' });
    const at = '2026-12-01T15:00:00.000Z';
    const base = { created_at: at, created_by: agent.id, label: null };
    await insertAbsence(db, { ...base, agent_id: agent.id, kind: 'vacances', starts_on: '2026-12-10', ends_on: '2026-12-14' });
    await insertAbsence(db, { ...base, agent_id: agent.id, kind: 'autre', label: 'Congrès', starts_on: '2026-12-20', ends_on: '2026-12-20' });
    await insertAbsence(db, { ...base, agent_id: agent.id, kind: 'formation', starts_on: '2026-11-01', ends_on: '2026-11-30' });
    await insertAbsence(db, { ...base, agent_id: other.id, kind: 'vacances', starts_on: '2026-12-01', ends_on: '2026-12-31' });
    const found = await absencesBetween(db, agent.id, '2026-12-14', '2026-12-20');
    assert.deepEqual(
      found.map(({ kind, label, startsOn, endsOn }) => ({ kind, label, startsOn, endsOn })),
      [
        { kind: 'vacances', label: null, startsOn: '2026-12-10', endsOn: '2026-12-14' },
        { kind: 'autre', label: 'Congrès', startsOn: '2026-12-20', endsOn: '2026-12-20' },
      ],
    );
    assert.equal((await absencesBetween(db, agent.id, '2026-12-15', '2026-12-19')).length, 0);
  });

  test('the schema refuses an absence that ends before it starts and hours that end before they start', async (t) => {
    const { db } = await testDatabase(t);
    const agent = await createAccount(db, { role: 'agent' });
    await assert.rejects(insertAbsence(db, { agent_id: agent.id, kind: 'vacances', label: null, starts_on: '2026-12-10', ends_on: '2026-12-09', created_at: 'x', created_by: agent.id }));
    await assert.rejects(replaceWeeklyHours(db, agent.id, [{ weekday: 1, start_minute: 600, end_minute: 540 }]));
    await replaceWeeklyHours(db, agent.id, [{ weekday: 2, start_minute: 540, end_minute: 720 }]);
    assert.deepEqual(await findWeeklyHours(db, agent.id), [{ agent_id: agent.id, weekday: 2, start_minute: 540, end_minute: 720 }]);
  });
});
