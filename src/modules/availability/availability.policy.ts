import type { Actor } from '../../platform/access/actor';

/**
 * Whose availability an actor may read and set: an agent their own, a manager any agent's. The
 * answer is the agent's id, or null (the edge answers 404: another's availability looks unknown).
 */
export function availabilityAgentOf(actor: Actor, requestedAgentId?: number): number | null {
  if (actor.role === 'agent') return requestedAgentId === undefined || requestedAgentId === actor.id ? actor.id : null;
  if (actor.role === 'manager') return requestedAgentId ?? null;
  return null;
}

/** Only a manager turns on, per team, the clients' choice of their new moment. */
export const mayManageTeamSettings = (actor: Actor): boolean => actor.role === 'manager';
