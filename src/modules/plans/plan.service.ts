import type { Db } from '../../db/types';
import { NotFoundError } from '../../platform/errors';
import { agentContactOfClient } from '../accounts/account.service';
import { DOMAINS, type DomainCode } from './domains';
import {
  findActionsOfPlan,
  findClientAction,
  findClientActionNotes,
  findClientFileNotes,
  findClientNote,
  findPublishedPlanOfClient,
} from './plan.repository';
import type { PlanAction, PlanNote } from './plan.tables';

export interface AgentContact {
  name: string;
  email: string;
  phone: string | null;
}

/** What « Accompagnement Québec » shows: the 3.1 screen until the plan is published. */
export type PlanHome =
  | { state: 'notCreated' }
  | { state: 'published'; agent: AgentContact | null; notes: PlanNote[] };

/**
 * The client's plan home. Integration point for the appointments module: the route may pass the
 * first needs-assessment appointment to the view of the `notCreated` state.
 */
export async function planHomeFor(db: Db, clientId: number): Promise<PlanHome> {
  const plan = await findPublishedPlanOfClient(db, clientId);
  if (!plan) return { state: 'notCreated' };
  const [agent, notes] = await Promise.all([agentOf(db, clientId), findClientFileNotes(db, clientId)]);
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

/** « Mes actions »: the five domains in order, each with the actions of the tab; null without a published plan. */
export async function actionsByDomain(db: Db, clientId: number, tab: ActionsTab): Promise<DomainGroup[] | null> {
  const plan = await findPublishedPlanOfClient(db, clientId);
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

/** One action of the client's published plan with its client-visible notes; 404 otherwise. */
export async function actionForClient(db: Db, clientId: number, actionId: number): Promise<{ action: PlanAction; notes: PlanNote[] }> {
  const action = await findClientAction(db, clientId, actionId);
  if (!action) throw new NotFoundError('PLAN.ACTION_NOT_FOUND');
  return { action, notes: await findClientActionNotes(db, clientId, actionId) };
}

/**
 * One note the client may read, with its action when it is on one. A note of a draft plan, an
 * internal note and someone else's note are all 404, like an unknown id.
 */
export async function noteForClient(db: Db, clientId: number, noteId: number): Promise<{ note: PlanNote; action: PlanAction | null }> {
  const note = await findClientNote(db, clientId, noteId);
  if (!note) throw new NotFoundError('PLAN.NOTE_NOT_FOUND');
  if (note.action_id !== null) {
    const action = await findClientAction(db, clientId, note.action_id);
    if (!action) throw new NotFoundError('PLAN.NOTE_NOT_FOUND');
    return { note, action };
  }
  if (!(await findPublishedPlanOfClient(db, clientId))) throw new NotFoundError('PLAN.NOTE_NOT_FOUND');
  return { note, action: null };
}
