import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cookieName, cookieOptions } from '../../platform/http/cookies';
import { DEVICE_COOKIE_LIFETIME_SECONDS, type DeviceCookie, issueDeviceCookie, readDeviceCookie } from './device-cookie';

/** Without SESSION_SECRET, one per process: device cookies then last as long as the process (see config.ts). */
const processSecret = randomBytes(32).toString('base64url');

function secretOf(app: FastifyInstance): string {
  return app.config.SESSION_SECRET ?? processSecret;
}

/** The browser's genuine device cookie, if it holds one. */
export function deviceOf(app: FastifyInstance, request: FastifyRequest): DeviceCookie | undefined {
  return readDeviceCookie(secretOf(app), request.cookies[cookieName(app.config, 'device')], app.clock());
}

/**
 * At a successful sign-in (after the second factor for staff) or through an unlock link: the
 * browser becomes a known device of the account (HttpOnly, SameSite=Lax, Secure over HTTPS,
 * half a year). A cookie it already holds for this account is kept, with its device id.
 */
export function rememberDevice(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, accountId: number): void {
  if (deviceOf(app, request)?.accountId === accountId) return;
  reply.setCookie(cookieName(app.config, 'device'), issueDeviceCookie(secretOf(app), accountId, app.clock()), cookieOptions(app.config, DEVICE_COOKIE_LIFETIME_SECONDS));
}
