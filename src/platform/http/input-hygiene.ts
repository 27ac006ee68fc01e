import type { FastifyInstance } from 'fastify';
import { AppError, NotFoundError } from '../errors';
import { isApiUrl } from './api-request';

/** No form or API body of ours nests this deep; a deeper one is an attack or a bug. */
export const MAX_INPUT_DEPTH = 32;

/**
 * What the service reads, and how it refuses the rest before any handler sees it:
 * - bodies only as a form (`application/x-www-form-urlencoded`) or JSON. Fastify's own text/plain
 *   parser is removed, so a text body, like any other type without a parser (octet-stream,
 *   multipart), is a 415 in the person's language (the error handlers word it), never a string
 *   that a handler expecting fields would trip over;
 * - on a page (not the API, whose schemas say what they take), a JSON body that is not an object:
 *   no form is an array or a number;
 * - a NUL character in the path, the query string or a form: PostgreSQL cannot store it in text (it
 *   would fail the query with a 500) and no person types one. In a path it names no page: 404;
 * - a body nested absurdly deep (JSON allows thousands of levels, and any recursive walk would
 *   overflow the stack).
 * Registered before the CSRF check so the answer is a plain 4xx.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.addHook('preHandler', async (request) => {
    if (inspect(request.params) === 'nul') throw new NotFoundError('INPUT.NUL_IN_PATH');
    for (const input of [request.query, request.body]) {
      const problem = inspect(input);
      if (problem === 'nul') throw new AppError('INPUT.NUL_CHARACTER', 400, 'error.badRequest.body');
      if (problem === 'too_deep') throw new AppError('INPUT.TOO_DEEP', 400, 'error.badRequest.body');
    }
    if (request.body !== undefined && !isApiUrl(request.url) && !isFields(request.body)) throw new AppError('INPUT.NOT_A_FORM', 400, 'error.badRequest.body');
  });
}

function isFields(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
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
