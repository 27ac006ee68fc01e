import type { Actor } from '../../platform/access/actor';

/**
 * Who reaches the staff's workspace (« Ma file de travail », client files): agents for their
 * caseload, managers for everyone (the client scope says which clients). A client has none: to
 * them a client file does not exist and their queue is empty.
 */
export const hasWorkspace = (actor: Actor): boolean => actor.role !== 'client';
