import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';
import { memoizeRecent } from '../memo';
import { isApiUrl } from './api-request';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every state-changing form must echo the request's CSRF token as `_csrf` (see the session hook
 * for where it comes from). Checked in preHandler, after the body is parsed. JSON callers may
 * send it as the `x-csrf-token` header.
 */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE.has(request.method)) return;
    // The JSON API never reads the session cookie (bearer tokens only), so no ambient credential
    // rides on a forged request there: nothing for a CSRF token to protect.
    if (isApiUrl(request.url)) return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent = typeof body?._csrf === 'string' ? body._csrf : request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, request.csrfToken)) {
      throw new AppError('CSRF.INVALID', 403, 'error.csrf.body');
    }
  });
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The CSRF token of a signed-in session: an HMAC keyed by the session token, which only the
 * server and the browser's HttpOnly cookie know. It is not read from the CSRF cookie, so a cookie
 * pair planted from an anonymous visit (cookie tossing from a sibling host) is worth nothing
 * once the person is signed in, and a new session (every sign-in) means a new token.
 */
export const sessionCsrfToken = memoizeRecent((sessionToken: string): string => createHmac('sha256', sessionToken).update('aq-csrf-v1').digest('base64url'));
