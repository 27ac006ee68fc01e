import type { Db } from '../../db/types';
import { type BusinessCalendar, createBusinessCalendar } from './business-calendar';
import { findClosureDays } from './closure-day.repository';

// Calendars memoize their per-day answers: one per (closure days, hours) lives across requests,
// and a closure day added or removed simply makes a new key.
const calendars = new Map<string, BusinessCalendar>();

/** The business calendar with the manager's closure days, for deadlines computed anywhere. */
export async function loadBusinessCalendar(db: Db, hours: { businessDayStartHour: number; businessDayEndHour: number }): Promise<BusinessCalendar> {
  const closureDays = (await findClosureDays(db)).map((day) => day.date);
  const key = `${hours.businessDayStartHour}-${hours.businessDayEndHour}|${closureDays.join(',')}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size > 20) calendars.clear();
    calendar = createBusinessCalendar({ closureDays, dayStartHour: hours.businessDayStartHour, dayEndHour: hours.businessDayEndHour });
    calendars.set(key, calendar);
  }
  return calendar;
}
