import type { Config } from '../../config';

/**
 * Cookie names and options. Over HTTPS the names take the `__Host-` prefix, which the browser
 * only accepts with Secure, Path=/ and no Domain: the cookie cannot be set by a sibling host.
 */
export function cookieName(config: Config, base: 'session' | 'csrf' | 'lang' | 'sign_in' | 'device' | 'draft'): string {
  return config.isHttps ? `__Host-aq_${base}` : `aq_${base}`;
}

export function cookieOptions(config: Config, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.isHttps,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}
