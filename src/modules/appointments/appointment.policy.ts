import { type Actor, type ClientScope, clientScopeOf, subjectClientId } from '../../platform/access/actor';

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

/** A client's own appointments are theirs alone: a client sees their own, staff name the client. */
export const appointmentsClientId = (actor: Actor, clientId?: number): number => subjectClientId(actor, clientId) ?? 0;

/** The client's own views (next appointment, the wait after a cancellation) exist only for a client. */
export const hasOwnAppointments = (actor: Actor): boolean => actor.role === 'client';

/** Staff's work on appointments (re-proposals, outcomes, plans to publish): none for a client. */
export const hasScheduleWork = (actor: Actor): boolean => mayManageSchedule(actor);

/**
 * Who keeps an appointment proposed to a client without an agent: the agent who proposes it
 * (the client joins their caseload); a manager proposes only for a client who has one.
 */
export const agentOfProposal = (actor: Actor, clientAgentId: number | null): number | null => clientAgentId ?? (actor.role === 'agent' ? actor.id : null);

/** Who may correct a recorded outcome (within its window): the appointment's own agent, or a manager. */
export const mayCorrectOutcome = (actor: Actor, appointment: { agent_id: number }): boolean => actor.role === 'manager' || (actor.role === 'agent' && actor.id === appointment.agent_id);

/** Only the client chooses their own new moment after cancelling (when their agent's team allows it). */
export const mayChooseOwnMoment = (actor: Actor): boolean => actor.role === 'client';
