/**
 * What the service worker and the page script share about the copies kept for offline reading
 * (docs/decisions/0007-offline-reading-on-a-shared-phone.md). Plain browser code, no imports.
 */

/** One Cache Storage cache per session: `aq-pages-<key>`, the key from the `AQ-Offline-Session` header. */
export const PAGES_CACHE_PREFIX = 'aq-pages-';

export const OFFLINE_SESSION_HEADER = 'aq-offline-session';

/** The pages a signed-in client may read offline: « Mes actions » (both tabs), an action, the appointments (both tabs), an appointment. */
const OFFLINE_PAGES = [/^\/accompagnement-quebec\/actions$/, /^\/accompagnement-quebec\/actions\/\d+$/, /^\/rendez-vous$/, /^\/rendez-vous\/\d+$/];

export function isOfflinePage(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  return OFFLINE_PAGES.some((pattern) => pattern.test(path));
}

export interface OfflineSession {
  key: string;
  maxAgeSeconds: number;
  lang: 'fr' | 'en';
}

/** `<key>; max-age=<s>; lang=<fr|en>` → its parts; anything else → undefined. */
export function parseOfflineSession(value: string | null): OfflineSession | undefined {
  if (!value) return undefined;
  const [key, ...params] = value.split(';').map((part) => part.trim());
  if (!/^[\w-]{16,64}$/.test(key)) return undefined;
  const fields = new Map(params.map((param) => param.split('=') as [string, string]));
  const maxAgeSeconds = Number(fields.get('max-age'));
  if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds <= 0) return undefined;
  return { key, maxAgeSeconds, lang: fields.get('lang') === 'en' ? 'en' : 'fr' };
}

/** Deletes every kept page of every session. */
export async function clearOfflinePages(storage: CacheStorage): Promise<void> {
  const names = (await storage.keys()).filter((name) => name.startsWith(PAGES_CACHE_PREFIX));
  await Promise.all(names.map((name) => storage.delete(name)));
}
