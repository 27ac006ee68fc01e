import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The device cookie of OWASP's « Slow brute-force attack, device cookies »: issued to a browser at a
 * successful sign-in (or by an unlock link sent to the account's address), it names the account and
 * a random device id, and carries an HMAC made with the server's secret, so that nobody can make
 * one for an account they never signed in to. The sign-in throttle counts such a browser's
 * attempts under its own per-device limit rather than against the account's lockout, which
 * strangers' guesses from many addresses may have reached: the owner still gets in.
 *
 * Format: `v1.<accountId>.<deviceId>.<issuedAtSeconds>.<hmac>` (base64url HMAC-SHA256).
 */
export const DEVICE_COOKIE_LIFETIME_SECONDS = 180 * 24 * 3600;

export interface DeviceCookie {
  accountId: number;
  deviceId: string;
}

export function issueDeviceCookie(secret: string, accountId: number, now: Date): string {
  const body = `v1.${accountId}.${randomBytes(16).toString('base64url')}.${Math.floor(now.getTime() / 1000)}`;
  return `${body}.${mac(secret, body)}`;
}

/** The cookie's account and device when it is genuine and not older than its lifetime; undefined otherwise. */
export function readDeviceCookie(secret: string, value: string | undefined, now: Date): DeviceCookie | undefined {
  if (!value || value.length > 200) return undefined;
  const match = /^(v1\.(\d{1,12})\.([A-Za-z0-9_-]{22})\.(\d{1,12}))\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return undefined;
  const [, body, accountId, deviceId, issuedAt, given] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(mac(secret, body));
  if (!timingSafeEqual(expected, Buffer.from(given))) return undefined;
  const age = now.getTime() / 1000 - Number(issuedAt);
  if (age < -300 || age > DEVICE_COOKIE_LIFETIME_SECONDS) return undefined;
  return { accountId: Number(accountId), deviceId };
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`aq-device-v1|${body}`).digest('base64url');
}
