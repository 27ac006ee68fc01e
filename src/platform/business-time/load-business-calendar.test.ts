import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabase } from '../../../test/helpers/database';
import { insertClosureDays, updateClosureDay } from './closure-day.repository';
import { loadBusinessCalendar } from './load-business-calendar';

const HOURS = { businessDayStartHour: 8, businessDayEndHour: 16 };

test('the calendar skips the closure days in force, not the retired ones, and is kept per set of days', async (t) => {
  const { db } = await testDatabase(t);
  // Thursday, December 24, 2026: a business day until the manager closes it.
  assert.equal((await loadBusinessCalendar(db, HOURS)).isBusinessDay('2026-12-24'), true);
  await insertClosureDays(db, [{ date: '2026-12-24', label_fr: 'Veille de Noël', label_en: 'Christmas Eve' }]);
  const closed = await loadBusinessCalendar(db, HOURS);
  assert.equal(closed.isBusinessDay('2026-12-24'), false);
  assert.equal(await loadBusinessCalendar(db, HOURS), closed, 'the same days and hours: the same (memoized) calendar');
  await updateClosureDay(db, '2026-12-24', { active: 0 });
  assert.equal((await loadBusinessCalendar(db, HOURS)).isBusinessDay('2026-12-24'), true, 'a retired closure day no longer closes');
});
