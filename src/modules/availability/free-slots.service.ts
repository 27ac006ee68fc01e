import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../../platform/business-time/business-calendar';
import { QUEBEC_ZONE } from '../../platform/business-time/quebec-time';

/**
 * The free-slot search: pure, over data loaded beforehand (the loader is the appointments
 * module's, which owns the appointments), so that it is tested without a database and costs only
 * arithmetic. Every wall-clock time is Québec's; a slot is composed from its local date and time
 * in QUEBEC_ZONE, so a DST change (always a Sunday night here, never a business day) shifts no slot.
 */

/** One range of the agent's hours on an ISO weekday (1 = Monday), minutes from midnight. */
export interface DayHours {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** When the client said they could meet: ISO weekdays and ranges of minutes (empty: any). */
export interface StatedAvailability {
  weekdays: number[];
  periods: Array<{ startMinute: number; endMinute: number }>;
}

/** What a moment is checked against, for one agent (and, for the busy times, one client). */
export interface AgentSchedule {
  calendar: BusinessCalendar;
  /** The service's business hours (config), the agent's hours when they set none. */
  businessHours: { startHour: number; endHour: number };
  /** The agent's own week; empty: the business hours, Monday to Friday. */
  weeklyHours: readonly DayHours[];
  /** Whole Québec days, both ends included. */
  absences: ReadonlyArray<{ startsOn: string; endsOn: string }>;
}

/** Why a moment is not within the agent's availability (the busy check aside). */
export type MomentProblem = 'CLOSED_DAY' | 'OUTSIDE_HOURS' | 'OUTSIDE_AGENT_HOURS' | 'AGENT_ABSENT';

export interface FreeSlot {
  /** ISO-8601 UTC. */
  startsAt: string;
  endsAt: string;
  /** Québec date 'YYYY-MM-DD' and time 'HH:MM', as the form's fields want them. */
  date: string;
  time: string;
  /** Inside the client's stated availability (shown first, and marked). */
  isInClientAvailability: boolean;
}

export interface FreeSlotQuery extends AgentSchedule {
  /** No slot starts before this instant. */
  from: Date;
  durationMinutes: number;
  /** How many business days to look through, the day of `from` included when it is one. */
  businessDays: number;
  /** Planned appointments of the agent and of the client (either one busy is enough). */
  busy: ReadonlyArray<{ startsAt: string; endsAt: string }>;
  clientAvailability: StatedAvailability | null;
  /** The grid of start times, from the start of the agent's day. */
  stepMinutes?: number;
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → 1 (Monday) … 7 (Sunday). */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The agent's hours on that date's weekday, or null when it is a day off. */
export function hoursOn(schedule: Pick<AgentSchedule, 'businessHours' | 'weeklyHours'>, date: string): { startMinute: number; endMinute: number } | null {
  const weekday = isoWeekday(date);
  if (schedule.weeklyHours.length === 0) {
    return weekday <= 5 ? { startMinute: schedule.businessHours.startHour * 60, endMinute: schedule.businessHours.endHour * 60 } : null;
  }
  return schedule.weeklyHours.find((d) => d.weekday === weekday) ?? null;
}

/** The absence covering that date, if any. */
export function absenceOn<T extends { startsOn: string; endsOn: string }>(absences: readonly T[], date: string): T | undefined {
  return absences.find((a) => a.startsOn <= date && date <= a.endsOn);
}

/**
 * Why a moment of `minutes` starting at the local `date` and `startMinute` is outside the agent's
 * availability: the service closed, outside the hours (the business hours when the agent kept
 * them, theirs otherwise), or in an absence. Empty when it is inside.
 */
export function momentProblems(schedule: AgentSchedule, date: string, startMinute: number, minutes: number): MomentProblem[] {
  if (!schedule.calendar.isBusinessDay(date)) return ['CLOSED_DAY'];
  const problems: MomentProblem[] = [];
  const hours = hoursOn(schedule, date);
  if (!hours || startMinute < hours.startMinute || startMinute + minutes > hours.endMinute) problems.push(schedule.weeklyHours.length === 0 ? 'OUTSIDE_HOURS' : 'OUTSIDE_AGENT_HOURS');
  if (absenceOn(schedule.absences, date)) problems.push('AGENT_ABSENT');
  return problems;
}

/** True when the slot lies within what the client said (a weekday they named, inside a period). */
export function isInStatedAvailability(availability: StatedAvailability | null, date: string, startMinute: number, minutes: number): boolean {
  if (!availability) return false;
  if (availability.weekdays.length > 0 && !availability.weekdays.includes(isoWeekday(date))) return false;
  if (availability.periods.length === 0) return true;
  return availability.periods.some((p) => p.startMinute <= startMinute && startMinute + minutes <= p.endMinute);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Every free slot of the coming business days, in order: a start every `stepMinutes` within the
 * agent's hours, on business days outside their absences, where neither the agent nor the client
 * has a planned appointment. Those inside the client's stated availability come first (each
 * group by time); `limit` cuts the list.
 */
export function searchFreeSlots(query: FreeSlotQuery, limit = Number.POSITIVE_INFINITY): FreeSlot[] {
  const step = query.stepMinutes ?? 30;
  const fromMs = query.from.getTime();
  // Sorted once: the overlap check walks forward with the candidates.
  const busy = query.busy.map((b) => ({ start: Date.parse(b.startsAt), end: Date.parse(b.endsAt) })).sort((a, b) => a.start - b.start);
  const preferred: FreeSlot[] = [];
  const others: FreeSlot[] = [];
  let date = query.calendar.quebecDate(query.from);
  let businessDaysSeen = 0;
  let firstBusy = 0;
  // A bound on the walk: a long closure or absence cannot make it loop for ever.
  for (let guard = 0; businessDaysSeen < query.businessDays && guard < 366; guard++, date = addDays(date, 1)) {
    if (!query.calendar.isBusinessDay(date)) continue;
    businessDaysSeen++;
    const hours = hoursOn(query, date);
    if (!hours || absenceOn(query.absences, date)) continue;
    // The zone's offset, read once a day at noon: it changes only on a Sunday night (never a
    // business day), so every wall-clock minute of this day has it (luxon per slot cost 20 ms).
    const offsetMinutes = DateTime.fromISO(`${date}T12:00`, { zone: QUEBEC_ZONE }).offset;
    const midnightMs = Date.parse(`${date}T00:00:00Z`) - offsetMinutes * 60_000;
    for (let minute = hours.startMinute; minute + query.durationMinutes <= hours.endMinute; minute += step) {
      const start = midnightMs + minute * 60_000;
      if (start < fromMs) continue;
      const end = start + query.durationMinutes * 60_000;
      while (firstBusy < busy.length && busy[firstBusy].end <= start) firstBusy++;
      if (overlapsAny(busy, firstBusy, start, end)) continue;
      const slot: FreeSlot = {
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(end).toISOString(),
        date,
        time: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
        isInClientAvailability: isInStatedAvailability(query.clientAvailability, date, minute, query.durationMinutes),
      };
      (slot.isInClientAvailability ? preferred : others).push(slot);
      if (preferred.length >= limit) return preferred;
    }
  }
  return [...preferred, ...others].slice(0, limit);
}

/** Busy intervals are sorted by start; those before `from` all ended before the candidate. */
function overlapsAny(busy: ReadonlyArray<{ start: number; end: number }>, from: number, start: number, end: number): boolean {
  for (let i = from; i < busy.length && busy[i].start < end; i++) if (busy[i].end > start) return true;
  return false;
}

/**
 * The `count` free slots nearest to a moment (before or after it, never in the past), in time
 * order: what a refused moment offers instead.
 */
export function nearestFreeSlots(slots: readonly FreeSlot[], moment: Date, count: number): FreeSlot[] {
  const at = moment.getTime();
  return [...slots]
    .sort((a, b) => Math.abs(Date.parse(a.startsAt) - at) - Math.abs(Date.parse(b.startsAt) - at) || a.startsAt.localeCompare(b.startsAt))
    .slice(0, count)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
