import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/**
 * Refuses a NUL character anywhere in the query string or a form: PostgreSQL cannot store it in
 * text (it would fail the query with a 500) and no person types one. Registered before the CSRF
 * check so the answer is a plain 400.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (hasNul(request.query) || hasNul(request.body)) throw new AppError('INPUT.NUL_CHARACTER', 400, 'error.badRequest.body');
  });
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}
