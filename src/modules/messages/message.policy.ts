import type { Actor } from '../../platform/access/actor';

/**
 * Who does what in the message centre. The client is the recipient: opening a message or a
 * conversation is their read receipt, and they answer their agent with « Répondre ». Staff write to
 * the clients of their scope and mark the clients' replies read; their reading changes nothing.
 * Which clients' messages each reaches is the client scope (clientScopeOf).
 */

/** Opening a message is a read receipt only for its recipient, the client. */
export const readsAsRecipient = (actor: Actor): boolean => actor.role === 'client';

/** Only a client replies in their conversations (« Répondre »). */
export const mayReply = (actor: Actor): boolean => actor.role === 'client';

/** Staff (an agent for their caseload, a manager for anyone) write to clients and read their replies. */
export const mayWriteToClients = (actor: Actor): boolean => actor.role !== 'client';
