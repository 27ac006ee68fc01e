import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBusinessCalendar } from '../../platform/business-time/business-calendar';
import { type FreeSlotQuery, momentProblems, nearestFreeSlots, searchFreeSlots } from './free-slots.service';
import { fromRequest, fromText, statedAvailability } from './stated-availability';

const calendar = createBusinessCalendar({ closureDays: ['2026-12-24'], dayStartHour: 8, dayEndHour: 16 });
// Tuesday 1 December 2026, 10:00 in Québec (UTC−5).
const TUESDAY_10H = new Date('2026-12-01T15:00:00Z');

const query = (over: Partial<FreeSlotQuery> = {}): FreeSlotQuery => ({
  calendar,
  businessHours: { startHour: 8, endHour: 16 },
  weeklyHours: [],
  absences: [],
  from: TUESDAY_10H,
  durationMinutes: 60,
  businessDays: 10,
  busy: [],
  clientAvailability: null,
  ...over,
});
const moments = (slots: Array<{ date: string; time: string }>) => slots.map((s) => `${s.date} ${s.time}`);

describe('free-slot search', () => {
  test('business hours by default: every 30 minutes from now, the last one ending at the day’s end', () => {
    const slots = searchFreeSlots(query());
    assert.deepEqual(moments(slots.slice(0, 3)), ['2026-12-01 10:00', '2026-12-01 10:30', '2026-12-01 11:00']);
    const tuesday = slots.filter((s) => s.date === '2026-12-01');
    assert.equal(tuesday.at(-1)?.time, '15:00', 'a 60-minute slot ends by 16:00');
    assert.equal(slots.find((s) => s.date === '2026-12-02')?.time, '08:00');
    assert.equal(slots[0].startsAt, '2026-12-01T15:00:00.000Z');
    assert.equal(slots[0].endsAt, '2026-12-01T16:00:00.000Z');
    assert.ok(!slots.some((s) => s.date === '2026-12-05' || s.date === '2026-12-06'), 'no weekend');
    // 10 business days: Tue 1 Dec … Mon 14 Dec.
    assert.deepEqual([...new Set(slots.map((s) => s.date))].at(-1), '2026-12-14');
    assert.equal(searchFreeSlots(query(), 8).length, 8);
  });

  test('the agent’s weekly hours replace the business hours; a day without hours is off', () => {
    const slots = searchFreeSlots(query({ weeklyHours: [{ weekday: 3, startMinute: 9 * 60 + 30, endMinute: 12 * 60 }], businessDays: 5 }));
    assert.deepEqual(moments(slots), ['2026-12-02 09:30', '2026-12-02 10:00', '2026-12-02 10:30', '2026-12-02 11:00']);
  });

  test('absences take whole days, both ends included', () => {
    const slots = searchFreeSlots(query({ absences: [{ startsOn: '2026-12-02', endsOn: '2026-12-04' }], businessDays: 5 }));
    assert.deepEqual([...new Set(slots.map((s) => s.date))], ['2026-12-01', '2026-12-07']);
  });

  test('closure days and holidays are skipped and still count among the business days', () => {
    const from = new Date('2026-12-23T13:00:00Z'); // Wednesday 23 December, 8:00
    const dates = [...new Set(searchFreeSlots(query({ from, businessDays: 3 })).map((s) => s.date))];
    // 24 December is a closure day, 25 Christmas, 26 and 27 a weekend.
    assert.deepEqual(dates, ['2026-12-23', '2026-12-28', '2026-12-29']);
    const newYear = [...new Set(searchFreeSlots(query({ from: new Date('2026-12-31T13:00:00Z'), businessDays: 2 })).map((s) => s.date))];
    assert.deepEqual(newYear, ['2026-12-31', '2027-01-04'], 'New Year’s Day is a holiday; 2 and 3 January a weekend');
  });

  test('neither the agent’s nor the client’s planned appointments are offered, to the minute', () => {
    const busy = [
      { startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:30:00.000Z' }, // the agent's, 11:00–12:30
      { startsAt: '2026-12-01T18:00:00.000Z', endsAt: '2026-12-01T18:30:00.000Z' }, // the client's, 13:00–13:30
    ];
    const tuesday = searchFreeSlots(query({ busy })).filter((s) => s.date === '2026-12-01');
    assert.deepEqual(
      tuesday.map((s) => s.time),
      ['10:00', '13:30', '14:00', '14:30', '15:00'],
    );
  });

  test('across the change to daylight time (Sunday 14 March 2027), slots keep their wall-clock time', () => {
    const from = new Date('2027-03-12T13:00:00Z'); // Friday 12 March, 8:00 EST
    const busy = [{ startsAt: '2027-03-15T13:00:00.000Z', endsAt: '2027-03-15T14:00:00.000Z' }]; // Monday 9:00 EDT
    const slots = searchFreeSlots(query({ from, busy, businessDays: 2, weeklyHours: [1, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 10 * 60 })) }));
    assert.deepEqual(
      slots.map((s) => [s.date, s.time, s.startsAt]),
      [
        ['2027-03-12', '08:00', '2027-03-12T13:00:00.000Z'],
        ['2027-03-12', '08:30', '2027-03-12T13:30:00.000Z'],
        ['2027-03-12', '09:00', '2027-03-12T14:00:00.000Z'],
        ['2027-03-15', '08:00', '2027-03-15T12:00:00.000Z'],
      ],
    );
    // And back to standard time (Sunday 1 November 2026): Monday 8:00 is 13:00 UTC again.
    const november = searchFreeSlots(query({ from: new Date('2026-10-30T12:00:00Z'), businessDays: 2 }));
    assert.equal(november.find((s) => s.date === '2026-10-30')?.startsAt, '2026-10-30T12:00:00.000Z');
    assert.equal(november.find((s) => s.date === '2026-11-02')?.startsAt, '2026-11-02T13:00:00.000Z');
  });

  test('slots inside the client’s stated availability come first, marked, then the others', () => {
    const clientAvailability = fromRequest(['jeudi'], ['apres_midi']);
    const slots = searchFreeSlots(query({ clientAvailability }), 8);
    assert.deepEqual(moments(slots.slice(0, 3)), ['2026-12-03 13:00', '2026-12-03 13:30', '2026-12-03 14:00']);
    assert.ok(slots.slice(0, 6).every((s) => s.isInClientAvailability));
    // Thursday afternoon within 16:00 hours: 13:00…15:00 on 3 and 10 December = 10 slots; the first 8 suffice.
    assert.equal(slots.length, 8);
    const all = searchFreeSlots(query({ clientAvailability }));
    const firstOther = all.findIndex((s) => !s.isInClientAvailability);
    assert.equal(firstOther, 10);
    assert.equal(moments([all[firstOther]])[0], '2026-12-01 10:00');
  });

  test('momentProblems names the closed day, the hours (the service’s or the agent’s) and the absence', () => {
    const schedule = query();
    assert.deepEqual(momentProblems(schedule, '2026-12-05', 600, 60), ['CLOSED_DAY']);
    assert.deepEqual(momentProblems(schedule, '2026-12-03', 15 * 60 + 30, 60), ['OUTSIDE_HOURS']);
    assert.deepEqual(momentProblems(schedule, '2026-12-03', 600, 60), []);
    const own = query({ weeklyHours: [{ weekday: 4, startMinute: 600, endMinute: 720 }], absences: [{ startsOn: '2026-12-10', endsOn: '2026-12-10' }] });
    assert.deepEqual(momentProblems(own, '2026-12-03', 9 * 60, 60), ['OUTSIDE_AGENT_HOURS']);
    assert.deepEqual(momentProblems(own, '2026-12-02', 600, 60), ['OUTSIDE_AGENT_HOURS'], 'a day off');
    assert.deepEqual(momentProblems(own, '2026-12-10', 600, 60), ['AGENT_ABSENT']);
  });

  test('the nearest free slots of a refused moment, before and after it, in time order', () => {
    const slots = searchFreeSlots(query({ busy: [{ startsAt: '2026-12-02T15:00:00.000Z', endsAt: '2026-12-02T16:00:00.000Z' }] }));
    const nearest = nearestFreeSlots(slots, new Date('2026-12-02T15:00:00.000Z'), 3);
    assert.deepEqual(moments(nearest), ['2026-12-02 08:30', '2026-12-02 09:00', '2026-12-02 11:00']);
  });
});

describe('stated availability', () => {
  test('the request’s days and periods; the cancellation’s words win when they name something', () => {
    assert.deepEqual(fromRequest(['mardi', 'jeudi'], ['matin']), { weekdays: [2, 4], periods: [{ startMinute: 540, endMinute: 720 }] });
    assert.equal(fromRequest([], []), null);
    assert.deepEqual(fromText('Les mercredis après-midi, ou vendredi'), { weekdays: [3, 5], periods: [{ startMinute: 780, endMinute: 1020 }] });
    assert.deepEqual(fromText('Monday morning'), { weekdays: [1], periods: [{ startMinute: 540, endMinute: 720 }] });
    assert.equal(fromText('I am free soon, call me'), null);
    const request = fromRequest(['lundi'], []);
    assert.deepEqual(statedAvailability(request, 'n’importe quand'), request);
    assert.deepEqual(statedAvailability(request, 'jeudi')?.weekdays, [4]);
  });
});
