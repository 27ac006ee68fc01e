import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { AssignRequestCode, ReassignFieldCode } from './admin.errors';
import { assertManager } from './admin.policy';
import {
  type AgentCaseload,
  assignRequestIfFree,
  findActiveAgent,
  findAgentCaseloads,
  findClientsByIds,
  findClientsOfAgent,
  findUnassignedRequestById,
  findUnassignedRequests,
  moveClients,
} from './assignment.repository';

export type { AgentCaseload };

export const REASSIGN_NOTE_MAX = 2000;
/** At most this many clients in one « Réassigner » (one page of a caseload and then some). */
export const REASSIGN_MAX_CLIENTS = 500;

export interface UnassignedRequest {
  id: number;
  clientId: number;
  clientName: string;
  team: string;
  submittedAt: string;
}

export interface AssignmentsOverview {
  agents: AgentCaseload[];
  unassigned: UnassignedRequest[];
}

/** « Réassigner »: every agent with their caseload count, and the requests nobody has yet. */
export async function assignmentsOverview(db: Db, actor: Actor): Promise<AssignmentsOverview> {
  const [agents, unassigned] = await Promise.all([findAgentCaseloads(db), unassignedRequests(db, actor)]);
  return { agents, unassigned };
}

/** Open requests whose client has no agent yet, oldest first (without counting every caseload). */
export async function unassignedRequests(db: Db, actor: Actor): Promise<UnassignedRequest[]> {
  assertManager(actor);
  const requests = await findUnassignedRequests(db);
  return requests.map((r) => ({ id: r.id, clientId: r.client_id, clientName: r.client_name, team: r.team, submittedAt: r.submitted_at }));
}

export interface Caseload {
  agent: AgentCaseload;
  clients: Array<{ id: number; display_name: string; email: string }>;
  /** The active agents the clients may move to (the agent themself excluded). */
  targets: AgentCaseload[];
}

/** One agent's caseload: their clients, and who else could take them. Unknown agent → not found. */
export async function caseloadOf(db: Db, actor: Actor, agentId: number): Promise<Caseload> {
  assertManager(actor);
  const agents = await findAgentCaseloads(db);
  const agent = agents.find((a) => a.id === agentId);
  if (!agent) throw new NotFoundError('AGENT.NOT_FOUND');
  const clients = await findClientsOfAgent(db, agentId);
  return { agent, clients, targets: agents.filter((a) => a.active && a.id !== agentId) };
}

export type ReassignResult = { ok: true; moved: number; agentName: string } | { ok: false; code: 'INVALID'; codes: ReassignFieldCode[] };

/**
 * Moves one client or many to an agent, with a note that goes on each client's timeline. The work
 * follows: every query of an agent's work reads the client's current agent.
 */
export async function reassignClients(db: Db, actor: Actor, input: { clientIds: number[]; agentId: number | null; note: string }, clock: Clock): Promise<ReassignResult> {
  assertManager(actor);
  const note = input.note.trim();
  const ids = [...new Set(input.clientIds)].slice(0, REASSIGN_MAX_CLIENTS);
  return inTransaction(db, async (trx) => {
    const errors: ReassignFieldCode[] = [];
    const clients = await findClientsByIds(trx, ids);
    if (clients.length === 0) errors.push('CLIENTS_REQUIRED');
    const agent = input.agentId === null ? undefined : await findActiveAgent(trx, input.agentId);
    if (!agent) errors.push('AGENT_REQUIRED');
    if (note.length > REASSIGN_NOTE_MAX) errors.push('NOTE_TOO_LONG');
    if (errors.length > 0 || !agent) return { ok: false, code: 'INVALID', codes: errors };
    const moving = clients.filter((client) => client.agent_id !== agent.id);
    await moveClients(
      trx,
      moving.map((client) => client.id),
      agent.id,
    );
    const at = clock().toISOString();
    for (const client of moving) {
      await recordAudit(trx, {
        at,
        actorId: actor.id,
        action: 'client.reassigned',
        subjectType: 'account',
        subjectId: client.id,
        clientId: client.id,
        ip: actor.ip ?? null,
        details: { from: client.agent_id, to: agent.id, ...(note ? { note } : {}) },
      });
    }
    return { ok: true, moved: moving.length, agentName: agent.display_name };
  });
}

export type AssignRequestResult = { ok: true; clientId: number; clientName: string; agentName: string } | { ok: false; code: AssignRequestCode };

/** Gives an unassigned request to an agent; if someone took it meanwhile, says so. */
export async function assignRequest(db: Db, actor: Actor, input: { requestId: number; agentId: number | null }, clock: Clock): Promise<AssignRequestResult> {
  assertManager(actor);
  return inTransaction(db, async (trx) => {
    const agent = input.agentId === null ? undefined : await findActiveAgent(trx, input.agentId);
    if (!agent) return { ok: false, code: 'ASSIGNEE_REQUIRED' };
    const request = await findUnassignedRequestById(trx, input.requestId);
    const at = clock().toISOString();
    if (!request || !(await assignRequestIfFree(trx, { id: request.id, clientId: request.client_id }, agent.id, at))) return { ok: false, code: 'ALREADY_ASSIGNED' };
    await recordAudit(trx, { at, actorId: actor.id, action: 'request.assigned', subjectType: 'intake_request', subjectId: request.id, clientId: request.client_id, ip: actor.ip ?? null, details: { to: agent.id } });
    return { ok: true, clientId: request.client_id, clientName: request.client_name, agentName: agent.display_name };
  });
}
