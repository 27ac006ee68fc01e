import type { Locale } from '../../platform/i18n/locale';
import { QUEBEC_ZONE } from '../../platform/business-time/quebec-time';
import { zoneCity } from '../../platform/i18n/time-zones';

export { QUEBEC_ZONE };

/**
 * Every date and time a page or an e-mail shows, in one place and one style: Québec time unless
 * a zone is given, « jeudi 3 décembre 2026 » / "Thursday, December 3, 2026" (« 1er » in French),
 * « 10 h 00 » / "10:00 a.m.", a zone named in words (« heure de Paris »). `isoDate` is only for
 * machines (a `<time datetime>` attribute, comparing days), never for people.
 *
 * Why plain Intl and not luxon: these run for every row of every list, and building a
 * DateTimeFormat is the costly part, so each one is built once per (locale, zone, style) and
 * reused. The outputs are the ones luxon gave (its DATE_HUGE is the same Intl call).
 */

type Style = 'parts' | 'long';

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  // Numeric fields only, read with formatToParts and assembled here, so the separators never
  // depend on the ICU version.
  parts: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  // luxon's DateTime.DATE_HUGE: « mardi 1 décembre 2026 », « Tuesday, December 1, 2026 ».
  long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
};

const LANGUAGE_TAG: Record<Locale, string> = { fr: 'fr-CA', en: 'en-CA' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The cached formatter of a locale, zone and style; throws RangeError on an unknown zone. */
function formatter(locale: Locale, zone: string, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { ...STYLES[style], timeZone: zone });
    formatters.set(key, cached);
  }
  return cached;
}

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: number;
  minute: string;
}

/** The wall-clock reading of an instant in a zone. */
function wallClock(iso: string, zone: string): WallClock {
  const clock: WallClock = { year: '', month: '', day: '', hour: 0, minute: '' };
  for (const part of formatter('en', zone, 'parts').formatToParts(Date.parse(iso))) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'minute') clock[part.type] = part.value;
    else if (part.type === 'hour') clock.hour = Number(part.value) % 24;
  }
  return clock;
}

/** `2026-12-03`, the day in a zone: for `<time datetime>` and comparisons, not for people to read. */
export function isoDate(iso: string, zone = QUEBEC_ZONE): string {
  const { year, month, day } = wallClock(iso, zone);
  return `${year}-${month}-${day}`;
}

/** `jeudi 3 décembre 2026 à 10 h 00` / `Thursday, December 3, 2026 at 10:00 a.m.` */
export function formatDateTime(iso: string, locale: Locale, zone = QUEBEC_ZONE): string {
  return `${formatLongDate(iso, locale, zone)} ${locale === 'fr' ? 'à' : 'at'} ${formatTime(iso, locale, zone)}`;
}

/** Zones that keep Québec's clock: named « heure du Québec », never after Toronto or Montréal. */
const QUEBEC_ZONES = new Set([QUEBEC_ZONE, 'America/Montreal']);

/**
 * A zone in words from its city: « heure de Paris », « heure d'Amsterdam », "Paris time" —
 * people know their city, not `Europe/Paris` nor "Central European Time".
 */
export function formatZoneName(zone: string, locale: Locale): string {
  // The service's own zone is Québec's, whatever city the IANA database names it after.
  if (QUEBEC_ZONES.has(zone)) return locale === 'en' ? 'Québec time' : 'heure du Québec';
  const city = zoneCity(zone, locale);
  if (locale === 'en') return `${city} time`;
  return /^[aeiouyhàâéèêëîïôöûüAEIOUYHÀÂÉÈÊËÎÏÔÖÛÜ]/.test(city) ? `heure d'${city}` : `heure de ${city}`;
}

/** `jeudi 3 décembre 2026` / `Thursday, December 3, 2026`; French writes the 1st « 1er ». */
export function formatLongDate(iso: string, locale: Locale, zone = QUEBEC_ZONE): string {
  const text = formatter(locale, zone, 'long').format(Date.parse(iso));
  return locale === 'fr' ? text.replace(/^(\S+ )1 /, '$11er ') : text;
}

/** A calendar day (`2026-12-03`, no time) in words: `jeudi 3 décembre 2026`, whatever the zone. */
export function formatDay(day: string, locale: Locale): string {
  return formatLongDate(`${day.slice(0, 10)}T12:00:00Z`, locale, 'UTC');
}

/** `10 h 00` in French (Québec typography), `10:00 a.m.` in English, with no-break spaces. */
export function formatTime(iso: string, locale: Locale, zone = QUEBEC_ZONE): string {
  const { hour, minute } = wallClock(iso, zone);
  // No-break spaces: a time never breaks across lines (« 10 h » / « 00 »).
  if (locale === 'fr') return `${hour}\u00a0h\u00a0${minute}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minute}\u00a0${hour < 12 ? 'a.m.' : 'p.m.'}`;
}

/** Whole minutes between two instants (an appointment's length). */
export function durationMinutes(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60000);
}

/** True when the zone shows a different clock time than Québec at that instant; false for an unknown zone. */
export function differsFromQuebec(iso: string, zone: string): boolean {
  if (zone === QUEBEC_ZONE) return false;
  try {
    const own = wallClock(iso, zone);
    const quebec = wallClock(iso, QUEBEC_ZONE);
    return own.day !== quebec.day || own.hour !== quebec.hour || own.minute !== quebec.minute || own.month !== quebec.month || own.year !== quebec.year;
  } catch {
    return false;
  }
}
