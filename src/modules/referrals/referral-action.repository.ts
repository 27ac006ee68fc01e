import type { Db } from '../../db/types';
import type { ClientScope } from '../../platform/access/actor';

/** The client whose plan holds this action, within the scope; undefined otherwise. */
export async function findActionOwner(db: Db, scope: ClientScope, actionId: number): Promise<number | undefined> {
  let query = db.selectFrom('plan_actions').innerJoin('plans', 'plans.id', 'plan_actions.plan_id').select('plans.client_id').where('plan_actions.id', '=', actionId);
  if (scope.kind === 'own') query = query.where('plans.client_id', '=', scope.clientId);
  if (scope.kind === 'caseload') query = query.where('plans.client_id', 'in', db.selectFrom('accounts').select('id').where('agent_id', '=', scope.agentId));
  return (await query.executeTakeFirst())?.client_id;
}
