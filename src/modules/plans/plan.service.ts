import type { Db } from '../../db/types';
import { type Actor, subjectClientId } from '../../platform/access/actor';
import { NotFoundError } from '../../platform/errors';
import { agentContactOfClient } from '../accounts/account.service';
import { DOMAINS, type DomainCode } from './domains';
import { hasOwnPlanHome, planAccess } from './plan.policy';
import { findAction, findActionNotes, findActionsOfPlan, findFileNotes, findNote, findPlanOfClient } from './plan.repository';
import type { PlanAction, PlanNote } from './plan.tables';

export interface AgentContact {
  name: string;
  email: string;
  phone: string | null;
}

/** What « Accompagnement Québec » shows: the 3.1 screen until the plan is published. */
export type PlanHome = { state: 'notCreated' } | { state: 'published'; agent: AgentContact | null; notes: PlanNote[] };

/**
 * The client's plan home (« Accompagnement Québec »), as the client sees it. Integration point
 * for the appointments module: the route may pass the first needs-assessment appointment to the
 * view of the `notCreated` state.
 */
export async function planHomeFor(db: Db, actor: Actor): Promise<PlanHome> {
  if (!hasOwnPlanHome(actor)) throw new NotFoundError('PLAN.NOT_FOUND');
  const access = planAccess(actor);
  const plan = await findPlanOfClient(db, access, actor.id);
  if (!plan) return { state: 'notCreated' };
  const [agent, notes] = await Promise.all([agentOf(db, actor.id), findFileNotes(db, access, actor.id)]);
  return { state: 'published', agent, notes };
}

/** The agent who follows the client (accounts.agent_id): name, e-mail and phone for the client. */
async function agentOf(db: Db, clientId: number): Promise<AgentContact | null> {
  const agent = await agentContactOfClient(db, clientId);
  return agent ? { name: agent.display_name, email: agent.email, phone: agent.phone } : null;
}

export type ActionsTab = 'a-faire' | 'completees';

export interface DomainGroup {
  domain: DomainCode;
  /** The actions of this tab in this domain. */
  actions: PlanAction[];
  done: number;
  total: number;
}

/**
 * « Mes actions »: the five domains in order, each with the actions of the tab; null without a
 * plan within reach (for a client: a published one). Staff name the client.
 */
export async function actionsByDomain(db: Db, actor: Actor, input: { clientId?: number; tab: ActionsTab }): Promise<DomainGroup[] | null> {
  const { tab } = input;
  const clientId = subjectClientId(actor, input.clientId);
  if (clientId === undefined) return null;
  const plan = await findPlanOfClient(db, planAccess(actor), clientId);
  if (!plan) return null;
  const actions = await findActionsOfPlan(db, plan.id);
  const wanted: PlanAction['status'] = tab === 'completees' ? 'completee' : 'a_faire';
  return DOMAINS.map((domain) => {
    const inDomain = actions.filter((action) => action.domain === domain);
    return {
      domain,
      actions: inDomain.filter((action) => action.status === wanted),
      done: inDomain.filter((action) => action.status === 'completee').length,
      total: inDomain.length,
    };
  });
}

/** One action within reach with the notes the actor may read on it; not found otherwise. */
export async function getAction(db: Db, actor: Actor, actionId: number): Promise<{ action: PlanAction; notes: PlanNote[] }> {
  const access = planAccess(actor);
  const found = await findAction(db, access, actionId);
  if (!found) throw new NotFoundError('PLAN.ACTION_NOT_FOUND');
  const { client_id: _clientId, ...action } = found;
  return { action, notes: await findActionNotes(db, access, actionId) };
}

/**
 * One note the actor may read, with its action when it is on one. For a client, a note of a
 * draft plan, an internal note and someone else's note are all not found, like an unknown id.
 */
export async function getNote(db: Db, actor: Actor, noteId: number): Promise<{ note: PlanNote; action: PlanAction | null }> {
  const access = planAccess(actor);
  const note = await findNote(db, access, noteId);
  if (!note) throw new NotFoundError('PLAN.NOTE_NOT_FOUND');
  if (note.action_id !== null) {
    const found = await findAction(db, access, note.action_id);
    if (!found) throw new NotFoundError('PLAN.NOTE_NOT_FOUND');
    const { client_id: _clientId, ...action } = found;
    return { note, action };
  }
  if (!(await findPlanOfClient(db, access, note.client_id))) throw new NotFoundError('PLAN.NOTE_NOT_FOUND');
  return { note, action: null };
}
