import type { Actor } from '../../platform/access/actor';
import { NotFoundError } from '../../platform/errors';

/**
 * Who may run the service: only a manager. Anyone else is told the thing does not exist (404),
 * the same answer as the routes' role guard, so a service called from elsewhere stays shut too.
 */
export function assertManager(actor: Actor): asserts actor is Extract<Actor, { role: 'manager' }> {
  if (actor.role !== 'manager') throw new NotFoundError('ADMIN.NOT_FOUND');
}

/**
 * The role a manager gives in « Ajouter un membre du personnel »: an agent or a manager (`admin`);
 * refused when none is chosen or another is asked (a client is never invited).
 */
export function invitedRole(input: { role: string }): { ok: true; value: 'agent' | 'admin' } | { ok: false; code: 'ROLE_REQUIRED' | 'ROLE_INVALID' } {
  if (input.role === 'agent' || input.role === 'admin') return { ok: true, value: input.role };
  return { ok: false, code: input.role ? 'ROLE_INVALID' : 'ROLE_REQUIRED' };
}

/** An agent works in a team (the team decides which requests they see); a manager need not. */
export function worksInATeam(member: { role: string | null }): boolean {
  return member.role === 'agent';
}
