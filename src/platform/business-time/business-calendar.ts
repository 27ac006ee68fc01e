import Holidays from 'date-holidays';
import { DateTime, IANAZone } from 'luxon';
import { QUEBEC_ZONE } from './quebec-time';

/**
 * Québec business time (README « Configuration »: the deadlines are counted in it): a clock that ticks only on business days
 * (Mon–Fri, not a Québec holiday, not a closure day configured by the manager), in America/Toronto.
 *
 * Dates are handled as 'YYYY-MM-DD' strings and stepped in UTC (where a day is always 24 hours);
 * instants are only composed from a local date and a wall-clock time at the end, in QUEBEC_ZONE.
 * So a DST change (always on a Sunday in this zone) never shifts a deadline's wall-clock time.
 */

export interface BusinessCalendarOptions {
  /** Extra closure days configured by the manager, as ISO dates 'YYYY-MM-DD' in Québec local time. */
  closureDays: readonly string[];
  /** Start and end of the business day, hours in America/Toronto (from config: default 8 and 16). */
  dayStartHour: number;
  dayEndHour: number;
}

export { QUEBEC_ZONE };

export interface BusinessCalendar {
  /** 'YYYY-MM-DD' (Québec local) or a Date (its Québec local date). Mon–Fri, not a holiday, not a closure day. */
  isBusinessDay(day: string | Date): boolean;
  /** The holiday name (FR) for that local date, or undefined. */
  holidayName(day: string | Date): string | undefined;
  /**
   * The instant `days` business days after `from`, at the same local wall-clock time; if `from` is
   * not in a business day, counting starts from the next business day's start.
   * E.g. cancelled Friday 14:00 → due Tuesday 14:00; cancelled Saturday → 2 days after Monday 08:00,
   * which is written as the close of the business day before it: Tuesday 16:00.
   */
  addBusinessDays(from: Date, days: number): Date;
  /**
   * The instant after `hours` business hours counted only inside [dayStartHour, dayEndHour) of
   * business days. E.g. 24 business hours with an 8-hour day = 3 business days.
   * A deadline that uses up a day exactly ends at that day's dayEndHour (Friday 15:00 + 1 h → Friday 16:00).
   */
  addBusinessHours(from: Date, hours: number): Date;
  /**
   * Business hours between two instants (0 when `to` is not after `from`): what « dû dans 3 h
   * ouvrables » counts. Stops counting after `capHours`, as callers only need "within a day or not".
   */
  businessHoursBetween(from: Date, to: Date, capHours?: number): number;
  /** Today's date in Québec ('YYYY-MM-DD') for an instant. */
  quebecDate(at: Date): string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOUR_MS = 3_600_000;

export function createBusinessCalendar(options: BusinessCalendarOptions): BusinessCalendar {
  const { dayStartHour, dayEndHour } = options;
  if (!isHour(dayStartHour) || !isHour(dayEndHour) || dayStartHour >= dayEndHour) {
    throw new RangeError(`Invalid business day hours: ${dayStartHour}–${dayEndHour}`);
  }
  const closureDays = new Set(options.closureDays.map(checkIsoDate));

  // Memoized per date: deadlines are computed on hot paths and luxon parsing dominates otherwise.
  // The maps only grow with the dates actually touched (a few hundred a year).
  const isBusinessIsoDate = memoize((iso: string): boolean => weekday(iso) <= 5 && holidaysOf(year(iso)).get(iso) === undefined && !closureDays.has(iso));

  const dayStartMs = memoize((iso: string) => localInstantMs(iso, dayStartHour));
  const dayEndMs = memoize((iso: string) => localInstantMs(iso, dayEndHour));
  const midnightMs = memoize((iso: string) => localInstantMs(iso, 0));
  const dayAfter = memoize((iso: string) => addDays(iso, 1));
  const nextBusinessIsoDate = memoize((iso: string): string => {
    let next = dayAfter(iso);
    while (!isBusinessIsoDate(next)) next = dayAfter(next);
    return next;
  });

  return {
    isBusinessDay: (day) => isBusinessIsoDate(toIsoDate(day)),

    holidayName(day) {
      const iso = toIsoDate(day);
      return holidaysOf(year(iso)).get(iso);
    },

    addBusinessDays(from, days) {
      if (!Number.isInteger(days) || days < 0) throw new RangeError(`Invalid business days: ${days}`);
      const local = localParts(checkInstant(from).getTime());
      let iso = local.iso;
      let wallClock = local.wallClock;
      if (!isBusinessIsoDate(iso)) {
        iso = nextBusinessIsoDate(iso);
        wallClock = { hour: dayStartHour, minute: 0, second: 0, millisecond: 0 };
        // Counted from a day's opening, whole days end at an opening too (Sunday + 2 → Wednesday
        // 08:00), which reads a day late. No business time lies between a business day's close
        // and the next one's opening, so the same deadline is written as that close (Tuesday 16:00).
        if (days > 0) {
          for (let i = 1; i < days; i++) iso = nextBusinessIsoDate(iso);
          return new Date(dayEndMs(iso));
        }
      }
      for (let i = 0; i < days; i++) iso = nextBusinessIsoDate(iso);
      return new Date(zonedInstantMs(iso, wallClock));
    },

    addBusinessHours(from, hours) {
      if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Invalid business hours: ${hours}`);
      let remainingMs = Math.round(hours * HOUR_MS);
      let cursorMs = checkInstant(from).getTime();
      let iso = localParts(cursorMs).iso;
      // Move the cursor into a business window: before the day's start → its start; after its end
      // or on a non-business day → the next business day's start.
      if (!isBusinessIsoDate(iso) || cursorMs >= dayEndMs(iso)) {
        iso = nextBusinessIsoDate(iso);
        cursorMs = dayStartMs(iso);
      }
      cursorMs = Math.max(cursorMs, dayStartMs(iso));
      for (;;) {
        const availableMs = dayEndMs(iso) - cursorMs;
        if (remainingMs <= availableMs) return new Date(cursorMs + remainingMs);
        remainingMs -= availableMs;
        iso = nextBusinessIsoDate(iso);
        cursorMs = dayStartMs(iso);
      }
    },

    businessHoursBetween(from, to, capHours = 10 * 24) {
      const endMs = checkInstant(to).getTime();
      let cursorMs = checkInstant(from).getTime();
      if (endMs <= cursorMs) return 0;
      let iso = localParts(cursorMs).iso;
      let totalMs = 0;
      const capMs = capHours * HOUR_MS;
      while (cursorMs < endMs && totalMs < capMs) {
        if (isBusinessIsoDate(iso)) {
          const windowStart = Math.max(cursorMs, dayStartMs(iso));
          const windowEnd = Math.min(endMs, dayEndMs(iso));
          if (windowEnd > windowStart) totalMs += windowEnd - windowStart;
        }
        iso = dayAfter(iso);
        cursorMs = Math.max(cursorMs, midnightMs(iso));
      }
      return Math.min(totalMs, capMs) / HOUR_MS;
    },

    quebecDate: (at) => localParts(checkInstant(at).getTime()).iso,
  };
}

// ---- Holidays -------------------------------------------------------------------------------

/** Holidays don't depend on the options, so one cache per year serves every calendar (hot path). */
const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();
let holidaySource: Holidays | undefined;

/** When these fall on a Sunday, the Monday after is the day off (Loi sur la fête nationale; Canada Day by custom). */
const SUNDAY_MOVED = ['06-24', '07-01'];

function holidaysOf(y: number): ReadonlyMap<string, string> {
  const cached = holidaysByYear.get(y);
  if (cached) return cached;
  holidaySource ??= new Holidays('CA', 'QC');
  const byDate = new Map<string, string>();
  for (const holiday of holidaySource.getHolidays(y, 'fr')) {
    // `date` is the local calendar date ('YYYY-MM-DD hh:mm:ss'), independent of the process time zone.
    const iso = holiday.date.slice(0, 10);
    const isEasterMonday = holiday.type === 'optional' && holiday.rule === 'easter 1';
    if (holiday.type === 'public' || isEasterMonday) byDate.set(iso, holiday.name);
  }
  // date-holidays 3.37 does not move these for CA-QC. The Sunday stays in the map (harmless: a
  // Sunday is never a business day); `has` keeps us from overwriting a Monday the library might add later.
  for (const monthDay of SUNDAY_MOVED) {
    const iso = `${y}-${monthDay}`;
    const name = byDate.get(iso);
    const monday = addDays(iso, 1);
    if (name !== undefined && weekday(iso) === 7 && !byDate.has(monday)) byDate.set(monday, `${name} (reportée au lundi)`);
  }
  holidaysByYear.set(y, byDate);
  return byDate;
}

// ---- Dates (plain 'YYYY-MM-DD', stepped in UTC so that no DST can interfere) ----------------

function toIsoDate(day: string | Date): string {
  return typeof day === 'string' ? checkIsoDate(day) : localParts(checkInstant(day).getTime()).iso;
}

// A work queue or a dashboard computes a deadline for every item (20,000 at national scale):
// luxon's zone arithmetic per call was most of the manager's dashboard. The same results come
// from the zone's offset, looked up once per UTC hour (Québec's offset only changes on the hour),
// and from plain UTC arithmetic on 'YYYY-MM-DD'; composing a local date and wall-clock time
// (DST gaps and overlaps resolved as luxon does) is remembered per date and time.
const quebec = IANAZone.create(QUEBEC_ZONE);
const MEMO_LIMIT = 100_000;
const offsetByUtcHour = new Map<number, number>();

/** The Québec offset (minutes) in force at an instant. */
function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    if (offsetByUtcHour.size >= MEMO_LIMIT) offsetByUtcHour.clear();
    offsetByUtcHour.set(hour, (offset = quebec.offset(hour * HOUR_MS)));
  }
  return offset;
}

interface WallClock {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** An instant's local date and wall-clock time in Québec (what luxon's fromJSDate in the zone gives). */
function localParts(ms: number): { iso: string; wallClock: WallClock } {
  const local = new Date(ms + offsetAt(ms) * 60_000);
  return {
    iso: local.toISOString().slice(0, 10),
    wallClock: { hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds(), millisecond: local.getUTCMilliseconds() },
  };
}

const zonedInstants = new Map<string, number>();

/** The instant of a local date and wall-clock time in Québec. */
function zonedInstantMs(iso: string, wallClock: WallClock): number {
  const key = `${iso}T${wallClock.hour}:${wallClock.minute}:${wallClock.second}.${wallClock.millisecond}`;
  let ms = zonedInstants.get(key);
  if (ms === undefined) {
    if (zonedInstants.size >= MEMO_LIMIT) zonedInstants.clear();
    zonedInstants.set(key, (ms = DateTime.fromISO(iso, { zone: QUEBEC_ZONE }).set(wallClock).toMillis()));
  }
  return ms;
}

const DAY_MS = 24 * HOUR_MS;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
}

function year(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The instant of `hour`:00 on a local date; hour 24 is the next day's midnight. */
function localInstantMs(iso: string, hour: number): number {
  if (hour === 24) return localInstantMs(addDays(iso, 1), 0);
  return DateTime.fromISO(iso, { zone: QUEBEC_ZONE }).set({ hour }).toMillis();
}

function memoize<T>(compute: (iso: string) => T): (iso: string) => T {
  const cache = new Map<string, T>();
  return (iso) => {
    let value = cache.get(iso);
    if (value === undefined) cache.set(iso, (value = compute(iso)));
    return value;
  };
}

function checkIsoDate(iso: string): string {
  if (!ISO_DATE.test(iso) || !DateTime.fromISO(iso, { zone: 'utc' }).isValid) {
    throw new RangeError(`Invalid ISO date: ${iso}`);
  }
  return iso;
}

function checkInstant(at: Date): Date {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid Date');
  return at;
}

function isHour(hour: number): boolean {
  return Number.isInteger(hour) && hour >= 0 && hour <= 24;
}
