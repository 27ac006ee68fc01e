import type { FastifyInstance } from 'fastify';

export interface Route {
  method: string;
  pattern: string;
}

/**
 * The route table, from `printRoutes`: a tree whose lines carry a path segment and the methods
 * answered there; a route's path is its ancestors' segments put end to end. Read from the app
 * itself, so that sweeps over every route cover routes added later too.
 */
export function routeTable(app: FastifyInstance): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([\s│]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.push({ method, pattern: stack.join('') });
  }
  return routes;
}
