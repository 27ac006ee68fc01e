/** Time zones offered (Québec's first); the person's own is added when it is not among them. */
export const TIME_ZONES = [
  'America/Toronto',
  'America/Halifax',
  'America/Vancouver',
  'America/Port-au-Prince',
  'America/Mexico_City',
  'America/Bogota',
  'America/Sao_Paulo',
  'Europe/Paris',
  'Europe/London',
  'Europe/Kyiv',
  'Africa/Casablanca',
  'Africa/Algiers',
  'Africa/Tunis',
  'Africa/Dakar',
  'Africa/Abidjan',
  'Africa/Douala',
  'Africa/Kinshasa',
  'Asia/Beirut',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Ho_Chi_Minh',
  'Asia/Manila',
  'Asia/Shanghai',
] as const;

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
