import { type Actor, type ClientScope, clientScopeOf } from '../../platform/access/actor';

/**
 * What of a plan an actor reaches. A client: their own plan once published, and only the notes
 * meant for them. Staff: the plans of their scope, drafts and internal notes included.
 */
export interface PlanAccess {
  scope: ClientScope;
  seesDrafts: boolean;
  seesInternalNotes: boolean;
}

export function planAccess(actor: Actor): PlanAccess {
  const staff = actor.role !== 'client';
  return { scope: clientScopeOf(actor), seesDrafts: staff, seesInternalNotes: staff };
}

/** Only the client marks their actions done (« J'ai terminé »). */
export const mayMarkDone = (actor: Actor): boolean => actor.role === 'client';

/** Agents build and publish plans for their caseload; managers for anyone. */
export const mayEditPlans = (actor: Actor): boolean => actor.role === 'agent' || actor.role === 'manager';

/** Only a client has a plan home of their own (« Accompagnement Québec »); staff read plans by client. */
export const hasOwnPlanHome = (actor: Actor): boolean => actor.role === 'client';
