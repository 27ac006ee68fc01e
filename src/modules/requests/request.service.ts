import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import { type Actor, clientScopeOf } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { BusinessCalendar } from '../../platform/business-time/business-calendar';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { mayTakeRequests, seesOpenRequests, teamScoped } from './request.policy';
import { assignClientToAgent, teamOf } from '../accounts/directory.service';
import { findOpenRequests, findRequestOfClient, findUnassignedRequest, markFirstProposed, markTakenIfFree } from './request.repository';
import type { IntakeRequest } from './request.tables';

export type { IntakeRequest };

export interface OpenRequest {
  id: number;
  clientId: number;
  clientName: string;
  submittedAt: string;
  /** Null while nobody has taken it: the team's agents may « Prendre en charge ». */
  agentId: number | null;
}

/** Requests waiting for a first appointment that this staff member should see. */
export async function openRequestsFor(db: Db, actor: Actor): Promise<OpenRequest[]> {
  if (!seesOpenRequests(actor)) return [];
  const team = teamScoped(actor) ? await teamOf(db, actor.id) : null;
  const rows = await findOpenRequests(db, { scope: clientScopeOf(actor), team });
  return rows.map((row) => ({ id: row.id, clientId: row.client_id, clientName: row.client_name, submittedAt: row.submitted_at, agentId: row.agent_id }));
}

export type TakeResult = { ok: true; clientId: number } | { ok: false; code: 'ALREADY_TAKEN' };

/**
 * « Prendre en charge »: an agent of the request's team takes an unassigned request; the client
 * becomes theirs. Two agents pressing at once: one takes it, the other is told it is taken.
 */
export async function takeRequest(db: Db, actor: Actor, requestId: number, clock: Clock): Promise<TakeResult> {
  if (!mayTakeRequests(actor)) throw new NotFoundError('REQUEST.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const team = await teamOf(trx, actor.id);
    const request = await findUnassignedRequest(trx, requestId, team);
    if (!request) {
      return { ok: false, code: 'ALREADY_TAKEN' };
    }
    const at = clock().toISOString();
    if (!(await markTakenIfFree(trx, request.id, actor.id, at))) return { ok: false, code: 'ALREADY_TAKEN' };
    await assignClientToAgent(trx, request.client_id, actor.id);
    await recordAudit(trx, { at, actorId: actor.id, action: 'request.taken', subjectType: 'intake_request', subjectId: request.id, clientId: request.client_id, ip: actor.ip ?? null });
    return { ok: true, clientId: request.client_id };
  });
}

/**
 * The moment promised for a request's first proposal: the configured business hours
 * (FIRST_APPOINTMENT_BUSINESS_HOURS) after its submission, by the business calendar. The one
 * computation behind the confirmation, the agents' queue and the client's home page.
 */
export function firstProposalDueAt(calendar: BusinessCalendar, submittedAt: string | Date, businessHours: number): string {
  return calendar.addBusinessHours(new Date(submittedAt), businessHours).toISOString();
}

/** The client's latest request, for their file. */
export function requestOfClient(db: Db, clientId: number): Promise<IntakeRequest | undefined> {
  return findRequestOfClient(db, clientId);
}

/** Called in the transaction that proposes a client's appointment: their request is answered. */
export function recordFirstProposal(db: Db, clientId: number, at: string): Promise<void> {
  return markFirstProposed(db, clientId, at);
}
