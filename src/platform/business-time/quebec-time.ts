import { DateTime } from 'luxon';

/** Québec time: every date and time the service shows is in this zone unless said otherwise. */
export const QUEBEC_ZONE = 'America/Toronto';

/** Today's date in Québec (YYYY-MM-DD): the « Date de fin » of an action completed now. */
export function quebecDate(now: Date): string {
  return DateTime.fromJSDate(now, { zone: QUEBEC_ZONE }).toISODate() ?? '';
}

/** `2022-07-13 10:48`, as the guide lists notes. */
export function quebecDateTime(isoUtc: string): string {
  return DateTime.fromISO(isoUtc, { zone: 'utc' }).setZone(QUEBEC_ZONE).toFormat('yyyy-MM-dd HH:mm');
}

/** Just the Québec date of a stored instant. */
export function quebecDateOf(isoUtc: string): string {
  return DateTime.fromISO(isoUtc, { zone: 'utc' }).setZone(QUEBEC_ZONE).toISODate() ?? '';
}
