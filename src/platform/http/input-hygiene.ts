import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/** No form or API body of ours nests this deep; a deeper one is an attack or a bug. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Refuses a NUL character anywhere in the query string or a form: PostgreSQL cannot store it in
 * text (it would fail the query with a 500) and no person types one. Also refuses a body nested
 * absurdly deep (JSON allows thousands of levels, and any recursive walk would overflow the
 * stack). Registered before the CSRF check so the answer is a plain 400.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    for (const input of [request.query, request.body]) {
      const problem = inspect(input);
      if (problem === 'nul') throw new AppError('INPUT.NUL_CHARACTER', 400, 'error.badRequest.body');
      if (problem === 'too_deep') throw new AppError('INPUT.TOO_DEEP', 400, 'error.badRequest.body');
    }
  });
}

/** Walks the value with an explicit stack (never recursion), stopping at the first problem. */
export function inspect(value: unknown): 'nul' | 'too_deep' | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number };
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return 'nul';
    } else if (item.value && typeof item.value === 'object') {
      if (item.depth >= MAX_INPUT_DEPTH) return 'too_deep';
      for (const child of Object.values(item.value)) stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return undefined;
}
