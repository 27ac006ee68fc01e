import type { Actor } from '../../platform/access/actor';

/**
 * Who reaches which agenda: an agent their own (« Mon agenda »), a manager any agent's. Another
 * agent's agenda does not exist for an agent (404), and a client has none.
 */
export const hasOwnAgenda = (actor: Actor): boolean => actor.role === 'agent';

export const mayOpenAgendaOf = (actor: Actor, agentId: number): boolean => actor.role === 'manager' || (actor.role === 'agent' && actor.id === agentId);

/** Only the agent subscribes: the secret address is theirs alone, shown once, to them. */
export const maySubscribeTo = (actor: Actor, agentId: number): boolean => actor.role === 'agent' && actor.id === agentId;

/** The agent, or a manager (a lost phone, a departure), ends a subscription. */
export const mayRevokeFeedOf = (actor: Actor, agentId: number): boolean => mayOpenAgendaOf(actor, agentId);

/** Whether the actor opens the appointments of a client followed by this agent (null: nobody). */
export const reachesClientsOf = (actor: Actor, clientAgentId: number | null): boolean => actor.role === 'manager' || (actor.role === 'agent' && clientAgentId === actor.id);
