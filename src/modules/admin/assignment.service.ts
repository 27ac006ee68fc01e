import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { agentContact } from '../accounts/account.service';
import { clientRecipient, lockSchedulesOf } from '../accounts/directory.service';
import { applyFutureAppointmentPlan, type PlannedFate, planFingerprint, planFutureAppointments } from '../appointments/appointment-reassignment.service';
import type { AppointmentDeps } from '../appointments/appointment.service';
import { notifyClient } from '../messages/message.service';
import type { AssignRequestCode, ReassignFieldCode, RequestTeamCode } from './admin.errors';
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
  setRequestTeam,
} from './assignment.repository';
import { reassignmentMail, reassignmentMessage } from './reassignment.notifications';
import { type AgentChoice, type LanguageNeed, languageNeeds, rankAgents } from './agent-suggestion.service';
import { languageNeedOf, speaksFor } from './language-need';
import { splitLanguages } from './staff.service';
import { allTeams, isTeamChoosable, type Team } from './team.service';
import { readAnswers } from '../requests/request-draft.schema';

export type { AgentCaseload, AgentChoice, LanguageNeed };

export const REASSIGN_NOTE_MAX = 2000;
/** At most this many clients in one « Réassigner » (one page of a caseload and then some). */
export const REASSIGN_MAX_CLIENTS = 500;

export interface UnassignedRequest {
  id: number;
  clientId: number;
  clientName: string;
  team: string;
  submittedAt: string;
  /** The language an agent should speak for this client (the interpreter's, or the client's). */
  need: LanguageNeed;
}

export interface AssignmentsOverview {
  agents: AgentCaseload[];
  unassigned: Array<UnassignedRequest & { choices: AgentChoice[] }>;
  /** Every team, for showing their names. */
  teams: Team[];
}

/**
 * « Réassigner »: every agent with their caseload count, and the requests nobody has yet, each
 * with the agents to offer: those who speak the client's language (or the interpreter's) first,
 * with their caseload, then the others (rankAgents).
 */
export async function assignmentsOverview(db: Db, actor: Actor): Promise<AssignmentsOverview> {
  const [agents, unassigned, teams] = await Promise.all([findAgentCaseloads(db), unassignedRequests(db, actor), allTeams(db)]);
  return { agents, teams, unassigned: unassigned.map((request) => ({ ...request, choices: rankAgents(agents, [request.need]) })) };
}

/** Open requests whose client has no agent yet, oldest first (without counting every caseload). */
export async function unassignedRequests(db: Db, actor: Actor): Promise<UnassignedRequest[]> {
  assertManager(actor);
  const requests = await findUnassignedRequests(db);
  return requests.map((r) => ({ id: r.id, clientId: r.client_id, clientName: r.client_name, team: r.team, submittedAt: r.submitted_at, need: languageNeedOf(readAnswers(r.answers), r.client_locale) }));
}

export interface Caseload {
  agent: AgentCaseload;
  clients: Array<{ id: number; display_name: string; email: string; need: LanguageNeed }>;
  /**
   * The agents the clients may move to (the agent themself, deactivated agents and invitees who
   * have not accepted left out), those who speak what the chosen clients need first (rankAgents).
   */
  targets: AgentChoice[];
  /** The need the targets were ranked for: one client chosen, theirs; several, none (each client's is on their line). */
  chosenNeed?: LanguageNeed;
  teams: Team[];
}

/**
 * One agent's caseload: their clients, each with the language they need, and who else could take
 * them, ranked for the clients chosen (`chosen`, ids of this caseload; none: by caseload only).
 * Unknown agent → not found.
 */
export async function caseloadOf(db: Db, actor: Actor, agentId: number, chosen: readonly number[] = []): Promise<Caseload> {
  assertManager(actor);
  const agents = await findAgentCaseloads(db);
  const agent = agents.find((a) => a.id === agentId);
  if (!agent) throw new NotFoundError('AGENT.NOT_FOUND');
  const rows = await findClientsOfAgent(db, agentId);
  const needs = await languageNeeds(
    db,
    rows.map((client) => client.id),
  );
  const clients = rows.map((client) => ({ id: client.id, display_name: client.display_name, email: client.email, need: needs.get(client.id) ?? { codes: [], interpreter: null } }));
  const chosenNeeds = clients.filter((client) => chosen.includes(client.id)).map((client) => client.need);
  return { agent, clients, targets: rankAgents(agents, chosenNeeds, { except: agentId }), ...(chosenNeeds.length === 1 ? { chosenNeed: chosenNeeds[0] } : {}), teams: await allTeams(db) };
}

export interface ReassignInput {
  clientIds: number[];
  agentId: number | null;
  note: string;
}

export interface ReassignmentPreview {
  agent: { id: number; name: string };
  /**
   * The clients that change agent, each with their planned future appointments and what will
   * happen to them, and whether the new agent speaks what the client needs (`need`).
   */
  clients: Array<{ id: number; name: string; appointments: PlannedFate[]; need: LanguageNeed; isSpoken: boolean }>;
  /** What the manager saw, sent back with the confirmation (planFingerprint). */
  fingerprint: string;
}

type Checked =
  | { ok: true; agent: { id: number; display_name: string; languages: string | null }; moving: Array<{ id: number; display_name: string; agent_id: number | null }>; note: string }
  | { ok: false; code: 'INVALID'; codes: ReassignFieldCode[] };

/** The form's clients, agent and note, checked; the clients already with that agent are left out. */
async function checkReassignment(db: Db, input: ReassignInput): Promise<Checked> {
  const note = input.note.trim();
  const ids = [...new Set(input.clientIds)].slice(0, REASSIGN_MAX_CLIENTS);
  const errors: ReassignFieldCode[] = [];
  const clients = await findClientsByIds(db, ids);
  if (clients.length === 0) errors.push('CLIENTS_REQUIRED');
  const agent = input.agentId === null ? undefined : await findActiveAgent(db, input.agentId);
  if (!agent) errors.push('AGENT_REQUIRED');
  else if (agent.invitation_pending) errors.push('AGENT_NOT_ACCEPTED');
  if (note.length > REASSIGN_NOTE_MAX) errors.push('NOTE_TOO_LONG');
  if (errors.length > 0 || !agent) return { ok: false, code: 'INVALID', codes: errors };
  return { ok: true, agent, moving: clients.filter((client) => client.agent_id !== agent.id), note };
}

async function previewOf(db: Db, checked: Extract<Checked, { ok: true }>, deps: AppointmentDeps): Promise<ReassignmentPreview> {
  const plan = await planFutureAppointments(db, { clientIds: checked.moving.map((c) => c.id), agentId: checked.agent.id }, deps);
  const needs = await languageNeeds(
    db,
    checked.moving.map((c) => c.id),
  );
  const spoken = splitLanguages(checked.agent.languages);
  return {
    agent: { id: checked.agent.id, name: checked.agent.display_name },
    clients: checked.moving.map((client) => {
      const need = needs.get(client.id) ?? { codes: [], interpreter: null };
      return { id: client.id, name: client.display_name, appointments: plan.filter((p) => p.appointment.client_id === client.id), need, isSpoken: need.codes.length === 0 || speaksFor(spoken, need) };
    }),
    fingerprint: planFingerprint(plan),
  };
}

export type PreviewResult = { ok: true; preview: ReassignmentPreview } | { ok: false; code: 'INVALID'; codes: ReassignFieldCode[] };

/**
 * What « Réassigner » will do, before the manager confirms: for each client that changes agent,
 * each planned future appointment and whether it moves to the new agent or is cancelled and
 * re-proposed (and why). Nothing is written.
 */
export async function previewReassignment(db: Db, actor: Actor, input: ReassignInput, deps: AppointmentDeps): Promise<PreviewResult> {
  assertManager(actor);
  const checked = await checkReassignment(db, input);
  if (!checked.ok) return checked;
  return { ok: true, preview: await previewOf(db, checked, deps) };
}

export type ReassignResult =
  | { ok: true; moved: number; agentName: string; appointmentsMoved: number; appointmentsCancelled: number }
  | { ok: false; code: 'INVALID'; codes: ReassignFieldCode[] }
  | { ok: false; code: 'PLAN_CHANGED'; preview: ReassignmentPreview };

/**
 * Moves one client or many to an agent, with a note that goes on each client's timeline, and
 * their future with them, in one transaction under the schedule locks of everyone involved (a
 * proposal made meanwhile waits, then sees the new agent's appointments): each planned future
 * appointment moves to the new agent or is cancelled and becomes the new agent's re-proposal;
 * open tasks follow the client; each client gets one message (and its e-mail) saying who their
 * agent is now and what happened to each appointment. When `expected` (the preview's
 * fingerprint) no longer matches, nothing is done and the new preview comes back.
 */
export async function reassignClients(db: Db, actor: Actor, input: ReassignInput & { expected?: string }, deps: AppointmentDeps): Promise<ReassignResult> {
  assertManager(actor);
  return inTransaction(db, async (trx) => {
    const checked = await checkReassignment(trx, input);
    if (!checked.ok) return checked;
    const { agent, moving, note } = checked;
    const formerAgents = moving.flatMap((client) => (client.agent_id === null ? [] : [client.agent_id]));
    await lockSchedulesOf(trx, [agent.id, ...formerAgents, ...moving.map((client) => client.id)]);
    const preview = await previewOf(trx, checked, deps);
    if (input.expected !== undefined && input.expected !== preview.fingerprint) return { ok: false, code: 'PLAN_CHANGED', preview };

    await moveClients(
      trx,
      moving.map((client) => client.id),
      agent.id,
    );
    const contact = { display_name: agent.display_name, email: (await agentContact(trx, agent.id))?.email ?? '' };
    const applied = await applyFutureAppointmentPlan(trx, actor, { plan: preview.clients.flatMap((c) => c.appointments), agentId: agent.id }, deps);
    const at = deps.clock().toISOString();
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
      const fates = applied.filter((a) => a.appointment.client_id === client.id);
      const recipient = await clientRecipient(trx, client.id);
      await notifyClient(
        trx,
        {
          client: recipient,
          dedupeKey: `reassigned:${client.id}:${agent.id}:${at}`,
          content: reassignmentMessage(agent.display_name, fates),
          email: (links) => reassignmentMail({ client: recipient, agent: contact, fates, publicUrl: deps.publicUrl, messageUrl: links.message, now: deps.clock() }),
        },
        deps,
      );
    }
    const cancelled = applied.filter((a) => a.fate.action === 'cancel').length;
    return { ok: true, moved: moving.length, agentName: agent.display_name, appointmentsMoved: applied.length - cancelled, appointmentsCancelled: cancelled };
  });
}

export type AssignRequestResult = { ok: true; clientId: number; clientName: string; agentName: string } | { ok: false; code: AssignRequestCode };

/** Gives an unassigned request to an agent; if someone took it meanwhile, says so. */
export async function assignRequest(db: Db, actor: Actor, input: { requestId: number; agentId: number | null }, clock: Clock): Promise<AssignRequestResult> {
  assertManager(actor);
  return inTransaction(db, async (trx) => {
    const agent = input.agentId === null ? undefined : await findActiveAgent(trx, input.agentId);
    if (!agent) return { ok: false, code: 'ASSIGNEE_REQUIRED' };
    if (agent.invitation_pending) return { ok: false, code: 'ASSIGNEE_NOT_ACCEPTED' };
    const request = await findUnassignedRequestById(trx, input.requestId);
    const at = clock().toISOString();
    if (!request || !(await assignRequestIfFree(trx, { id: request.id, clientId: request.client_id }, agent.id, at))) return { ok: false, code: 'ALREADY_ASSIGNED' };
    await recordAudit(trx, { at, actorId: actor.id, action: 'request.assigned', subjectType: 'intake_request', subjectId: request.id, clientId: request.client_id, ip: actor.ip ?? null, details: { to: agent.id } });
    return { ok: true, clientId: request.client_id, clientName: request.client_name, agentName: agent.display_name };
  });
}

export type RequestTeamResult = { ok: true; clientName: string; team: string } | { ok: false; code: RequestTeamCode };

/**
 * Sends an unassigned request to another team's queue (its agents may then « Prendre en charge »):
 * the team is one of the list (an active team); someone who took it meanwhile wins. Audited.
 */
export async function sendRequestToTeam(db: Db, actor: Actor, input: { requestId: number; team: string }, clock: Clock): Promise<RequestTeamResult> {
  assertManager(actor);
  const team = input.team.trim();
  if (!team || !(await isTeamChoosable(db, team, null))) return { ok: false, code: 'TEAM_UNKNOWN' };
  return inTransaction(db, async (trx) => {
    const request = await findUnassignedRequestById(trx, input.requestId);
    if (!request || !(await setRequestTeam(trx, request.id, team))) return { ok: false, code: 'ALREADY_ASSIGNED' };
    if (request.team !== team) {
      await recordAudit(trx, {
        at: clock().toISOString(),
        actorId: actor.id,
        action: 'request.team_changed',
        subjectType: 'intake_request',
        subjectId: request.id,
        clientId: request.client_id,
        ip: actor.ip ?? null,
        details: { before: { team: request.team }, after: { team } },
      });
    }
    return { ok: true, clientName: request.client_name, team };
  });
}
