import { DateTime } from 'luxon';

/** Québec time: every date and time the service shows is in this zone unless said otherwise. */
export const QUEBEC_ZONE = 'America/Toronto';

/** Today's date in Québec (YYYY-MM-DD): the « Date de fin » of an action completed now. */
export function quebecDate(now: Date): string {
  return DateTime.fromJSDate(now, { zone: QUEBEC_ZONE }).toISODate() ?? '';
}
