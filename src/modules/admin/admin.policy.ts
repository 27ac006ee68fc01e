import type { Actor } from '../../platform/access/actor';
import { NotFoundError } from '../../platform/errors';

/**
 * Who may run the service: only a manager. Anyone else is told the thing does not exist (404),
 * the same answer as the routes' role guard, so a service called from elsewhere stays shut too.
 */
export function assertManager(actor: Actor): asserts actor is Extract<Actor, { role: 'manager' }> {
  if (actor.role !== 'manager') throw new NotFoundError('ADMIN.NOT_FOUND');
}
