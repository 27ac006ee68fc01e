import { type Actor, type ClientScope, clientScopeOf } from '../../platform/access/actor';

/**
 * Who reaches which appointments: a client their own, an agent those of the clients assigned to
 * them, a manager all. Every query of this module goes through this scope.
 */
export function appointmentScope(actor: Actor): ClientScope {
  return clientScopeOf(actor);
}

/** Only the client cancels « as the client » (with a reason from the list, guide §2.3). */
export const mayCancelAsClient = (actor: Actor): boolean => actor.role === 'client';

/** Agents schedule, change, cancel and record outcomes for their caseload; managers for anyone. */
export const mayManageSchedule = (actor: Actor): boolean => actor.role === 'agent' || actor.role === 'manager';
