import type { Locale } from './locale';

/** Where each offered zone is, as people know it: the country (ISO 3166 region) and the city, in each language. */
const PLACES: Record<string, { region: string; city: { fr: string; en: string } }> = {
  'America/Toronto': { region: 'CA', city: { fr: 'Québec', en: 'Québec' } },
  'America/Halifax': { region: 'CA', city: { fr: 'Halifax', en: 'Halifax' } },
  'America/Vancouver': { region: 'CA', city: { fr: 'Vancouver', en: 'Vancouver' } },
  'America/Port-au-Prince': { region: 'HT', city: { fr: 'Port-au-Prince', en: 'Port-au-Prince' } },
  'America/Mexico_City': { region: 'MX', city: { fr: 'Mexico', en: 'Mexico City' } },
  'America/Bogota': { region: 'CO', city: { fr: 'Bogota', en: 'Bogotá' } },
  'America/Sao_Paulo': { region: 'BR', city: { fr: 'São Paulo', en: 'São Paulo' } },
  'Europe/Paris': { region: 'FR', city: { fr: 'Paris', en: 'Paris' } },
  'Europe/London': { region: 'GB', city: { fr: 'Londres', en: 'London' } },
  'Europe/Kyiv': { region: 'UA', city: { fr: 'Kyiv', en: 'Kyiv' } },
  'Africa/Casablanca': { region: 'MA', city: { fr: 'Casablanca', en: 'Casablanca' } },
  'Africa/Algiers': { region: 'DZ', city: { fr: 'Alger', en: 'Algiers' } },
  'Africa/Tunis': { region: 'TN', city: { fr: 'Tunis', en: 'Tunis' } },
  'Africa/Dakar': { region: 'SN', city: { fr: 'Dakar', en: 'Dakar' } },
  'Africa/Abidjan': { region: 'CI', city: { fr: 'Abidjan', en: 'Abidjan' } },
  'Africa/Douala': { region: 'CM', city: { fr: 'Douala', en: 'Douala' } },
  'Africa/Kinshasa': { region: 'CD', city: { fr: 'Kinshasa', en: 'Kinshasa' } },
  'Asia/Beirut': { region: 'LB', city: { fr: 'Beyrouth', en: 'Beirut' } },
  'Asia/Tehran': { region: 'IR', city: { fr: 'Téhéran', en: 'Tehran' } },
  'Asia/Kolkata': { region: 'IN', city: { fr: 'Calcutta', en: 'Kolkata' } },
  'Asia/Ho_Chi_Minh': { region: 'VN', city: { fr: 'Hô-Chi-Minh-Ville', en: 'Ho Chi Minh City' } },
  'Asia/Manila': { region: 'PH', city: { fr: 'Manille', en: 'Manila' } },
  'Asia/Shanghai': { region: 'CN', city: { fr: 'Shanghai', en: 'Shanghai' } },
};

/** Time zones offered (Québec's first); the person's own is added when it is not among them. */
const TIME_ZONES = Object.keys(PLACES);

/** The city a zone is named after, in the person's language: « Alger », "Algiers"; for an unlisted zone, the last part of its name. */
export function zoneCity(zone: string, locale: Locale): string {
  return PLACES[zone]?.city[locale] ?? (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

const regionNames = new Map<Locale, Intl.DisplayNames>();

/** « France — Paris », "United Kingdom — London": how a picker and a recap name a zone, never « Europe/Paris ». */
export function zoneLabel(zone: string, locale: Locale): string {
  const place = PLACES[zone];
  if (!place) return zoneCity(zone, locale);
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale === 'fr' ? 'fr-CA' : 'en-CA'], { type: 'region' })));
  return `${names.of(place.region) ?? place.region} — ${place.city[locale]}`;
}

/**
 * The options of a zone picker: Québec's first, then by country and city in the person's
 * language; the person's own zone first when it is not among them (kept, never silently changed).
 */
export function zoneOptions(locale: Locale, current?: string): { value: string; label: string }[] {
  const [quebec, ...others] = TIME_ZONES;
  const sorted = others.map((zone) => ({ value: zone, label: zoneLabel(zone, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));
  const options = [{ value: quebec, label: zoneLabel(quebec, locale) }, ...sorted];
  return current && !PLACES[current] ? [{ value: current, label: zoneLabel(current, locale) }, ...options] : options;
}

/** A zone the runtime knows (IANA name, at most 64 characters). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
