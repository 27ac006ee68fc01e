import type { Actor } from '../../platform/access/actor';

/**
 * Who reaches requests: a client fills in and transmits their own; staff see the open requests
 * of their scope (an agent those of their team, a manager all), and only an agent takes one
 * (« Prendre en charge »: the client becomes theirs).
 */

/** Only a client has a request of their own (the form, its draft, their wait for a first appointment). */
export const hasOwnRequest = (actor: Actor): boolean => actor.role === 'client';

/** Staff see open requests; a client none. */
export const seesOpenRequests = (actor: Actor): boolean => actor.role !== 'client';

/** An agent sees the open requests of their own team; a manager every team's. */
export const teamScoped = (actor: Actor): boolean => actor.role === 'agent';

/** Only an agent takes a request: the client joins their caseload. */
export const mayTakeRequests = (actor: Actor): boolean => actor.role === 'agent';
