import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every state-changing form must echo the CSRF cookie as `_csrf` (double-submit; the cookie is
 * HttpOnly and SameSite=Lax, so another site can neither read it nor send it along). Checked in
 * preHandler, after the body is parsed. JSON callers may send it as the `x-csrf-token` header.
 */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE.has(request.method)) return;
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
