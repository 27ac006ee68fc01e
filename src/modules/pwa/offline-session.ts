import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { memoizeRecent } from '../../platform/memo';
import { sessionEnd } from '../../platform/session/session.service';

/**
 * The header through which the service worker learns, on each page it fetches, whose copy it may
 * keep and for how long (docs/decisions/0007): `AQ-Offline-Session: <key>; max-age=<s>; lang=<fr|en>`.
 *
 * - Only a signed-in client's GET answers carry it. Any page without it (signed out, sign-in page,
 *   staff) makes the worker drop every page it kept.
 * - `key` is derived from the session token (an HMAC, as the CSRF token is): it names the worker's
 *   cache, so a new session (every sign-in) starts from nothing and another person's copy is never
 *   read; it reveals nothing of the token.
 * - `max-age` is how long the session can still live by its own rules (30 minutes idle from its
 *   last recorded activity, 12 hours at most): past it, the worker deletes the copy instead of
 *   showing it, since the server would by then ask for a new sign-in.
 */
export const OFFLINE_SESSION_HEADER = 'aq-offline-session';

export const offlineSessionKey = memoizeRecent((sessionToken: string): string => createHmac('sha256', sessionToken).update('aq-offline-v1').digest('base64url').slice(0, 32));

/** Who asks, as the session hook or the kept-page lane found them. */
type Asker = Pick<FastifyRequest, 'method' | 'account' | 'session' | 'sessionToken' | 'locale'>;

export function offlineSessionValue(asker: Asker, idleSeconds: number, now: Date): string | undefined {
  const { account, session, sessionToken } = asker;
  if (asker.method !== 'GET' || account?.role !== 'client' || !session || !sessionToken) return undefined;
  const seconds = Math.floor((sessionEnd(session, idleSeconds * 1000).getTime() - now.getTime()) / 1000);
  if (!(seconds > 0)) return undefined;
  return `${offlineSessionKey(sessionToken)}; max-age=${seconds}; lang=${asker.locale}`;
}

/** The header for the kept-page lane, which answers without Fastify's hooks. */
export function offlineSessionHeaders(asker: Asker, idleSeconds: number, now: Date): Record<string, string> {
  const value = offlineSessionValue(asker, idleSeconds, now);
  return value ? { [OFFLINE_SESSION_HEADER]: value } : {};
}

export function registerOfflineSession(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const value = offlineSessionValue(request, app.config.SESSION_IDLE_SECONDS, app.clock());
    if (value) reply.header(OFFLINE_SESSION_HEADER, value);
    return payload;
  });
}
