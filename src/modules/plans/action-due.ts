import type { PlanAction } from './plan.tables';

/**
 * « En retard »: an action still « À faire » whose « À terminer d'ici le » date (set by the agent)
 * has passed in Québec. `today` is Québec's date (YYYY-MM-DD); dates compare as text.
 */
export function isActionLate(action: Pick<PlanAction, 'status' | 'due_on'>, today: string): boolean {
  return action.status === 'a_faire' && action.due_on !== null && action.due_on < today;
}
