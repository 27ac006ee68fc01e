import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../errors';

/** A database id as a URL writes it: digits without a leading zero, within the int4 ids. */
export const pathIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().max(2_147_483_647));

/**
 * The id in a page's path parameter (`id` unless named): anything but a well-formed id is a page
 * that does not exist, answered as an unknown or foreign id is (404, `notFoundCode` in the logs).
 */
export function pathId(request: FastifyRequest, name = 'id', notFoundCode?: string): number {
  const parsed = pathIdSchema.safeParse((request.params as Record<string, unknown> | undefined)?.[name]);
  if (!parsed.success) throw new NotFoundError(notFoundCode);
  return parsed.data;
}

/** A text path parameter (a reason's code, a date), as the URL gives it; '' when absent. */
export function pathText(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
