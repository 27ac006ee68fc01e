import { DateTime } from 'luxon';
import type { Locale } from '../../platform/i18n/locale';

import { QUEBEC_ZONE } from '../../platform/business-time/quebec-time';

export { QUEBEC_ZONE };

function at(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
}

/** `2026-12-03`: the guide's date style, the same in both languages. */
export function formatDate(iso: string, zone = QUEBEC_ZONE): string {
  return at(iso, zone).toFormat('yyyy-MM-dd');
}

/** `jeudi 3 décembre 2026` / `Thursday, December 3, 2026`. */
export function formatLongDate(iso: string, locale: Locale, zone = QUEBEC_ZONE): string {
  const text = at(iso, zone).setLocale(locale === 'fr' ? 'fr-CA' : 'en-CA').toLocaleString(DateTime.DATE_HUGE);
  // French writes the first day of the month as an ordinal: « mardi 1er décembre 2026 ».
  return locale === 'fr' ? text.replace(/^(\S+ )1 /, '$11er ') : text;
}

/** `10 h 00` in French (Québec typography), `10:00 a.m.` in English. */
export function formatTime(iso: string, locale: Locale, zone = QUEBEC_ZONE): string {
  const time = at(iso, zone);
  if (locale === 'fr') return time.toFormat("H 'h' mm");
  return `${time.toFormat('h:mm')} ${time.hour < 12 ? 'a.m.' : 'p.m.'}`;
}

export function durationMinutes(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60000);
}

/** True when the zone shows a different clock time than Québec at that instant. */
export function differsFromQuebec(iso: string, zone: string): boolean {
  const own = at(iso, zone);
  return zone !== QUEBEC_ZONE && own.isValid && own.offset !== at(iso, QUEBEC_ZONE).offset;
}
