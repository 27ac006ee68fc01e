import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { createBusinessCalendar, QUEBEC_ZONE } from './business-calendar';

/** An instant given as a Québec wall-clock time, e.g. '2026-01-09T14:00'. */
function at(localDateTime: string): Date {
  return DateTime.fromISO(localDateTime, { zone: QUEBEC_ZONE }).toJSDate();
}

/** An instant shown as Québec wall-clock time with its offset, e.g. '2026-01-13T14:00-05:00'. */
function local(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: QUEBEC_ZONE }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
}

const calendar = createBusinessCalendar({ closureDays: [], dayStartHour: 8, dayEndHour: 16 });

/**
 * Every day off of a year: date-holidays 3.37 (CA, QC) `public` days + Easter Monday (`optional`
 * there) + the Sunday→Monday moves of June 24 and July 1. What date-holidays does NOT give for QC,
 * and so stays a business day unless the manager adds a closure day:
 * - Dec 26 (Boxing Day): not a statutory holiday in Québec.
 * - Sept 30 (National Day for Truth and Reconciliation): federal only, not a Québec holiday.
 * - Christmas / New Year's Day on a Saturday (2027-12-25, 2028-01-01): neither the library nor our
 *   rules move them to a weekday; only June 24 and July 1 move, and only from a Sunday.
 */
const HOLIDAYS: Record<number, Record<string, string>> = {
  2026: {
    '2026-01-01': 'Nouvel An',
    '2026-04-03': 'Vendredi saint',
    '2026-04-06': 'Lundi de Pâques',
    '2026-05-18': 'Journée nationale des patriotes',
    '2026-06-24': 'Fête nationale du Québec',
    '2026-07-01': 'Fête du Canada',
    '2026-09-07': 'Fête du travail',
    '2026-10-12': 'Action de grâce',
    '2026-12-25': 'Noël',
  },
  2027: {
    '2027-01-01': 'Nouvel An',
    '2027-03-26': 'Vendredi saint',
    '2027-03-29': 'Lundi de Pâques',
    '2027-05-24': 'Journée nationale des patriotes',
    '2027-06-24': 'Fête nationale du Québec',
    '2027-07-01': 'Fête du Canada',
    '2027-09-06': 'Fête du travail',
    '2027-10-11': 'Action de grâce',
    '2027-12-25': 'Noël', // a Saturday: not moved
  },
  2028: {
    '2028-01-01': 'Nouvel An', // a Saturday: not moved
    '2028-04-14': 'Vendredi saint',
    '2028-04-17': 'Lundi de Pâques',
    '2028-05-22': 'Journée nationale des patriotes',
    '2028-06-24': 'Fête nationale du Québec', // a Saturday: not moved (only Sundays move)
    '2028-07-01': 'Fête du Canada', // a Saturday: not moved
    '2028-09-04': 'Fête du travail',
    '2028-10-09': 'Action de grâce',
    '2028-12-25': 'Noël',
  },
  2029: {
    '2029-01-01': 'Nouvel An',
    '2029-03-30': 'Vendredi saint',
    '2029-04-02': 'Lundi de Pâques',
    '2029-05-21': 'Journée nationale des patriotes',
    '2029-06-24': 'Fête nationale du Québec', // a Sunday…
    '2029-06-25': 'Fête nationale du Québec (reportée au lundi)', // …so the Monday is off
    '2029-07-01': 'Fête du Canada', // a Sunday…
    '2029-07-02': 'Fête du Canada (reportée au lundi)', // …so the Monday is off
    '2029-09-03': 'Fête du travail',
    '2029-10-08': 'Action de grâce',
    '2029-12-25': 'Noël',
  },
};

function* daysOf(year: number): Generator<string> {
  for (let d = DateTime.utc(year, 1, 1); d.year === year; d = d.plus({ days: 1 })) yield d.toISODate()!;
}

describe('holidays', () => {
  for (const [year, expected] of Object.entries(HOLIDAYS)) {
    test(`${year}: exactly the listed Québec holidays, none of them a business day`, () => {
      const found: Record<string, string> = {};
      for (const iso of daysOf(Number(year))) {
        const name = calendar.holidayName(iso);
        if (name !== undefined) found[iso] = name;
      }
      assert.deepEqual(found, expected);
      for (const iso of Object.keys(expected)) assert.equal(calendar.isBusinessDay(iso), false, iso);
    });
  }

  test('days date-holidays does not give for QC stay business days', () => {
    for (const iso of ['2026-12-28', '2026-09-30', '2027-09-30', '2027-12-27', '2028-01-03', '2028-06-26', '2028-07-03']) {
      assert.equal(calendar.isBusinessDay(iso), true, iso);
    }
  });

  test('observances of the library (Saint-Valentin, Halloween…) are not holidays', () => {
    assert.equal(calendar.holidayName('2027-02-02'), undefined); // Jour de la marmotte, a Tuesday
    assert.equal(calendar.isBusinessDay('2027-02-02'), true);
    assert.equal(calendar.isBusinessDay('2026-03-17'), true); // Saint-Patrick, a Tuesday
  });
});

describe('isBusinessDay', () => {
  test('weekends are not business days', () => {
    assert.equal(calendar.isBusinessDay('2026-01-03'), false); // Saturday
    assert.equal(calendar.isBusinessDay('2026-01-04'), false); // Sunday
    assert.equal(calendar.isBusinessDay('2026-01-05'), true); // Monday
    assert.equal(calendar.isBusinessDay('2026-01-09'), true); // Friday
  });

  test("a manager's closure day is not a business day, and is not a holiday", () => {
    const closed = createBusinessCalendar({ closureDays: ['2026-12-24'], dayStartHour: 8, dayEndHour: 16 });
    assert.equal(calendar.isBusinessDay('2026-12-24'), true);
    assert.equal(closed.isBusinessDay('2026-12-24'), false);
    assert.equal(closed.holidayName('2026-12-24'), undefined);
    assert.equal(closed.isBusinessDay('2026-12-23'), true);
  });

  test('a Date counts by its Québec local date, not its UTC date', () => {
    // 03:00 UTC on Jan 2 is still Jan 1, 22:00 in Québec: New Year's Day.
    assert.equal(calendar.isBusinessDay(new Date('2026-01-02T03:00:00Z')), false);
    assert.equal(calendar.holidayName(new Date('2026-01-02T03:00:00Z')), 'Nouvel An');
    // 04:30 UTC on Saturday Jan 3 is still Friday Jan 2, 23:30 in Québec.
    assert.equal(calendar.isBusinessDay(new Date('2026-01-03T04:30:00Z')), true);
  });

  test('invalid dates and options are refused', () => {
    assert.throws(() => calendar.isBusinessDay('2026-02-30'), RangeError);
    assert.throws(() => calendar.isBusinessDay('26-01-05'), RangeError);
    assert.throws(() => calendar.isBusinessDay(new Date('nope')), RangeError);
    assert.throws(() => createBusinessCalendar({ closureDays: ['2026/12/24'], dayStartHour: 8, dayEndHour: 16 }), RangeError);
    assert.throws(() => createBusinessCalendar({ closureDays: [], dayStartHour: 16, dayEndHour: 8 }), RangeError);
    assert.throws(() => calendar.addBusinessDays(at('2026-01-05T10:00'), -1), RangeError);
    assert.throws(() => calendar.addBusinessDays(at('2026-01-05T10:00'), 1.5), RangeError);
    assert.throws(() => calendar.addBusinessHours(at('2026-01-05T10:00'), Number.NaN), RangeError);
  });
});

describe('addBusinessDays', () => {
  test('cancelled Friday 14:00 → due Tuesday 14:00 (across a weekend)', () => {
    const due = calendar.addBusinessDays(at('2026-01-09T14:00'), 2);
    assert.equal(due.toISOString(), '2026-01-13T19:00:00.000Z');
  });

  test('zero days on a business day is the same instant', () => {
    assert.equal(local(calendar.addBusinessDays(at('2026-01-07T09:15'), 0)), '2026-01-07T09:15-05:00');
  });

  test('across Christmas, New Year and closure days', () => {
    const closed = createBusinessCalendar({
      closureDays: ['2026-12-24', '2026-12-28', '2026-12-31'],
      dayStartHour: 8,
      dayEndHour: 16,
    });
    // Thu 24 closed, Fri 25 Noël, weekend, Mon 28 closed → Tue 29, Wed 30.
    assert.equal(local(closed.addBusinessDays(at('2026-12-23T10:00'), 2)), '2026-12-30T10:00-05:00');
    // … Thu 31 closed, Fri Jan 1 Nouvel An, weekend → Mon Jan 4.
    assert.equal(local(closed.addBusinessDays(at('2026-12-23T10:00'), 3)), '2027-01-04T10:00-05:00');
    // Without the closure days only Christmas and the weekend are skipped.
    assert.equal(local(calendar.addBusinessDays(at('2026-12-23T10:00'), 2)), '2026-12-28T10:00-05:00');
  });

  test('across Easter (Good Friday and Easter Monday)', () => {
    assert.equal(local(calendar.addBusinessDays(at('2026-04-02T09:30'), 1)), '2026-04-07T09:30-04:00');
    assert.equal(local(calendar.addBusinessDays(at('2027-03-25T09:30'), 2)), '2027-03-31T09:30-04:00');
  });

  test('starting on a Saturday counts from Monday at the start of the day, and ends at a close, not at an opening', () => {
    // Monday 08:00 + 2 days is Wednesday 08:00, the same business moment as Tuesday 16:00: written so.
    assert.equal(local(calendar.addBusinessDays(at('2026-01-10T11:00'), 2)), '2026-01-13T16:00-05:00');
    assert.equal(local(calendar.addBusinessDays(at('2026-12-06T10:00'), 2)), '2026-12-08T16:00-05:00', 'John cancels on Sunday: « mardi 8 décembre à 16 h 00 »');
    assert.equal(calendar.businessHoursBetween(at('2026-01-13T16:00'), at('2026-01-14T08:00')), 0, 'no business time between the two');
    assert.equal(local(calendar.addBusinessDays(at('2026-01-10T11:00'), 0)), '2026-01-12T08:00-05:00', 'zero days: the opening itself, never a moment before');
  });

  test('starting on a holiday counts from the next business day at the start of the day', () => {
    // Good Friday 2026 → Easter Monday is off too → Tue Apr 7 08:00, + 1 → Wed Apr 8 08:00, written Tue Apr 7 16:00.
    assert.equal(local(calendar.addBusinessDays(at('2026-04-03T12:00'), 1)), '2026-04-07T16:00-04:00');
  });

  test('starting in the year-end closure: the close of the last business day it reaches', () => {
    const closed = createBusinessCalendar({ closureDays: ['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'], dayStartHour: 8, dayEndHour: 16 });
    // Christmas Day (closed) → next opening Mon Jan 4 08:00 (Jan 1 holiday, weekend); + 2 → Wed Jan 6 08:00, written Tue Jan 5 16:00.
    assert.equal(local(closed.addBusinessDays(at('2026-12-25T09:00'), 2)), '2027-01-05T16:00-05:00');
    // + 1 from the closure: Mon Jan 4 16:00 — the first business day's close.
    assert.equal(local(closed.addBusinessDays(at('2026-12-25T09:00'), 1)), '2027-01-04T16:00-05:00');
  });

  test('across the March 2027 DST change (Sunday Mar 14): same wall-clock time', () => {
    const due = calendar.addBusinessDays(at('2027-03-12T14:00'), 2);
    assert.equal(local(due), '2027-03-16T14:00-04:00');
    assert.equal(due.toISOString(), '2027-03-16T18:00:00.000Z'); // 19:00Z before, 18:00Z after
    // 02:30 does not exist on Mar 14: stepping through that Sunday must not push Monday to 03:30.
    assert.equal(local(calendar.addBusinessDays(at('2027-03-12T02:30'), 1)), '2027-03-15T02:30-04:00');
  });

  test('across the November 2027 DST change (Sunday Nov 7): same wall-clock time', () => {
    const due = calendar.addBusinessDays(at('2027-11-05T14:00'), 2);
    assert.equal(local(due), '2027-11-09T14:00-05:00');
    assert.equal(due.toISOString(), '2027-11-09T19:00:00.000Z'); // 18:00Z before, 19:00Z after
    // 01:30 happens twice on Nov 7: Monday must still be 01:30.
    assert.equal(local(calendar.addBusinessDays(at('2027-11-05T01:30'), 1)), '2027-11-08T01:30-05:00');
  });

  test('June 24 and July 1 on a Sunday (2029): the Monday is off, and counted once', () => {
    assert.equal(calendar.isBusinessDay('2029-06-25'), false);
    assert.equal(calendar.isBusinessDay('2029-07-02'), false);
    // Fri Jun 22 → weekend (Sun 24 Fête nationale), Mon 25 observed → Tue 26, Wed 27.
    assert.equal(local(calendar.addBusinessDays(at('2029-06-22T10:00'), 1)), '2029-06-26T10:00-04:00');
    assert.equal(local(calendar.addBusinessDays(at('2029-06-22T10:00'), 2)), '2029-06-27T10:00-04:00');
    // Fri Jun 29 → weekend (Sun Jul 1 Fête du Canada), Mon Jul 2 observed → Tue Jul 3.
    assert.equal(local(calendar.addBusinessDays(at('2029-06-29T10:00'), 1)), '2029-07-03T10:00-04:00');
    // On a Saturday (2028) nothing moves: Monday is a business day.
    assert.equal(local(calendar.addBusinessDays(at('2028-06-23T10:00'), 1)), '2028-06-26T10:00-04:00');
  });

  test('property: for 400 consecutive days, +2 business days lands on a business day, strictly later, 2 business days on', () => {
    const closed = createBusinessCalendar({ closureDays: ['2026-12-24', '2026-12-31'], dayStartHour: 8, dayEndHour: 16 });
    let day = DateTime.fromISO('2026-01-01T10:00', { zone: QUEBEC_ZONE });
    for (let i = 0; i < 400; i++, day = day.plus({ days: 1 })) {
      const from = day.toJSDate();
      const due = closed.addBusinessDays(from, 2);
      const label = `${local(from)} → ${local(due)}`;
      assert.ok(closed.isBusinessDay(due), label);
      assert.ok(due.getTime() > from.getTime(), label);
      // Business days in (from's date, due's date]: 2, whether from is a business day or counting
      // started at the next one's opening (then it ends at a close: the day before an opening).
      let count = 0;
      for (let d = day.startOf('day').plus({ days: 1 }); d.toISODate()! <= closed.quebecDate(due); d = d.plus({ days: 1 })) {
        if (closed.isBusinessDay(d.toISODate()!)) count++;
      }
      assert.equal(count, 2, label);
    }
  });
});

describe('addBusinessHours', () => {
  test('Friday 15:00 + 24 business hours → Wednesday 15:00 (1 h Fri + 8 h Mon + 8 h Tue + 7 h Wed)', () => {
    const due = calendar.addBusinessHours(at('2026-01-09T15:00'), 24);
    assert.equal(due.toISOString(), '2026-01-14T20:00:00.000Z');
  });

  test('24 business hours from a day start = 3 business days', () => {
    assert.equal(local(calendar.addBusinessHours(at('2026-01-05T08:00'), 24)), '2026-01-07T16:00-05:00');
  });

  test('a deadline that fills the day ends at its close, one more minute goes to the next business day', () => {
    assert.equal(local(calendar.addBusinessHours(at('2026-01-09T15:00'), 1)), '2026-01-09T16:00-05:00');
    assert.equal(local(calendar.addBusinessHours(at('2026-01-09T15:00'), 1 + 1 / 60)), '2026-01-12T08:01-05:00');
    assert.equal(local(calendar.addBusinessHours(at('2026-01-09T15:00'), 1.5)), '2026-01-12T08:30-05:00');
  });

  test('before opening, after closing and on a weekend, counting starts at the next opening', () => {
    assert.equal(local(calendar.addBusinessHours(at('2026-01-05T06:00'), 2)), '2026-01-05T10:00-05:00');
    assert.equal(local(calendar.addBusinessHours(at('2026-01-05T17:00'), 2)), '2026-01-06T10:00-05:00');
    assert.equal(local(calendar.addBusinessHours(at('2026-01-05T16:00'), 2)), '2026-01-06T10:00-05:00');
    assert.equal(local(calendar.addBusinessHours(at('2026-01-10T11:00'), 24)), '2026-01-14T16:00-05:00');
  });

  test('skips holidays and closure days', () => {
    // Thu 2027-03-25 12:00: 4 h Thu, Good Friday and Easter Monday off, 4 h Tue.
    assert.equal(local(calendar.addBusinessHours(at('2027-03-25T12:00'), 8)), '2027-03-30T12:00-04:00');
    const closed = createBusinessCalendar({ closureDays: ['2026-12-24'], dayStartHour: 8, dayEndHour: 16 });
    // Wed 2026-12-23 15:00: 1 h Wed, 24 closed, 25 Noël, weekend, 7 h Mon 28.
    assert.equal(local(closed.addBusinessHours(at('2026-12-23T15:00'), 8)), '2026-12-28T15:00-05:00');
  });

  test('across both DST changes of 2027: same wall-clock time', () => {
    assert.equal(local(calendar.addBusinessHours(at('2027-03-12T15:00'), 24)), '2027-03-17T15:00-04:00');
    assert.equal(local(calendar.addBusinessHours(at('2027-11-05T15:00'), 24)), '2027-11-10T15:00-05:00');
  });

  test('uses the configured day hours', () => {
    const nineToFive = createBusinessCalendar({ closureDays: [], dayStartHour: 9, dayEndHour: 17 });
    assert.equal(local(nineToFive.addBusinessHours(at('2026-01-09T16:00'), 2)), '2026-01-12T10:00-05:00');
    assert.equal(local(nineToFive.addBusinessHours(at('2026-01-12T08:00'), 8)), '2026-01-12T17:00-05:00');
  });
});

describe('quebecDate', () => {
  test('is the Québec local date, in winter and summer time', () => {
    assert.equal(calendar.quebecDate(new Date('2026-03-01T04:59:00Z')), '2026-02-28');
    assert.equal(calendar.quebecDate(new Date('2026-03-01T05:00:00Z')), '2026-03-01');
    assert.equal(calendar.quebecDate(new Date('2026-07-01T03:59:00Z')), '2026-06-30');
    assert.equal(calendar.quebecDate(new Date('2026-07-01T04:00:00Z')), '2026-07-01');
  });
});

describe('business hours between two instants', () => {
  const calendar = createBusinessCalendar({ closureDays: ['2026-12-24'], dayStartHour: 8, dayEndHour: 16 });
  const at = (local: string) => DateTime.fromISO(local, { zone: 'America/Toronto' }).toJSDate();
  test('inside one business day, across a night and a weekend, and over a holiday or closure day', () => {
    assert.equal(calendar.businessHoursBetween(at('2026-12-01T10:00'), at('2026-12-01T13:00')), 3);
    assert.equal(calendar.businessHoursBetween(at('2026-12-01T15:00'), at('2026-12-02T09:00')), 2);
    assert.equal(calendar.businessHoursBetween(at('2026-12-04T15:00'), at('2026-12-07T09:00')), 2, 'Friday to Monday');
    assert.equal(calendar.businessHoursBetween(at('2026-12-23T15:00'), at('2026-12-28T09:00')), 2, 'Dec 24 closed, Dec 25 holiday, weekend');
    assert.equal(calendar.businessHoursBetween(at('2026-12-01T13:00'), at('2026-12-01T10:00')), 0);
  });
  test('agrees with addBusinessHours', () => {
    const from = at('2026-12-03T14:30');
    assert.equal(calendar.businessHoursBetween(from, calendar.addBusinessHours(from, 24)), 24);
  });
});

describe('the fast path gives what luxon gives, at any instant (DST changes included)', () => {
  // The reference: the calendar as first written, each step in luxon.
  const reference = {
    quebecDate: (instant: Date) => DateTime.fromJSDate(instant, { zone: QUEBEC_ZONE }).toISODate()!,
    addBusinessDays(instant: Date, days: number): Date {
      const local = DateTime.fromJSDate(instant, { zone: QUEBEC_ZONE });
      let day = local.toISODate()!;
      let wallClock = { hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond };
      let steps = days;
      if (!calendar.isBusinessDay(day)) {
        do day = DateTime.fromISO(day, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
        while (!calendar.isBusinessDay(day));
        wallClock = { hour: 8, minute: 0, second: 0, millisecond: 0 };
        // Whole days from an opening end at the close of the business day before the last opening.
        if (days > 0) {
          steps = days - 1;
          wallClock = { hour: 16, minute: 0, second: 0, millisecond: 0 };
        }
      }
      for (let i = 0; i < steps; i++) {
        do day = DateTime.fromISO(day, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
        while (!calendar.isBusinessDay(day));
      }
      return DateTime.fromISO(day, { zone: QUEBEC_ZONE }).set(wallClock).toJSDate();
    },
  };
  // Instants near the 2026–2028 DST changes (where the offset moves), and anywhere in those years.
  const dstChanges = ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2027-03-14T07:00:00Z', '2027-11-07T06:00:00Z', '2028-03-12T07:00:00Z'].map(Date.parse);
  const instant = fc.oneof(
    fc.tuple(fc.constantFrom(...dstChanges), fc.integer({ min: -3 * 24 * 3600_000, max: 3 * 24 * 3600_000 })).map(([change, delta]) => new Date(change + delta)),
    fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
  );
  test('quebecDate and addBusinessDays', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 12 }), (at, days) => {
        assert.equal(calendar.quebecDate(at), reference.quebecDate(at));
        assert.equal(calendar.addBusinessDays(at, days).toISOString(), reference.addBusinessDays(at, days).toISOString());
      }),
      { numRuns: 3000 },
    );
  });
  test('businessHoursBetween adds up to what addBusinessHours added', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (at, hours) => {
        assert.equal(calendar.businessHoursBetween(at, calendar.addBusinessHours(at, hours), 100), hours);
      }),
      { numRuns: 1000 },
    );
  });
});
