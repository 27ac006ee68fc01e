import type { Actor } from '../../platform/access/actor';

/**
 * Who reaches the portal's own-data pages. « Mes documents », who opened my file and « Télécharger
 * mes données » (Loi 25, right of access) are the client's, about themself; staff read a client's
 * file from the workspace instead.
 */
export const mayReadOwnData = (actor: Actor): boolean => actor.role === 'client';
