import type { Db } from '../../db/types';
import { type Actor, clientScopeOf } from '../../platform/access/actor';
import { NotFoundError } from '../../platform/errors';
import { assignClient, type ClientIdentity, findClient, findClientById, findDisplayNames, findTeamOf, lockSchedules } from './directory.repository';

export type { ClientIdentity };

/** The client as the actor may see them; unknown or out of reach → not found. */
export async function getClient(db: Db, actor: Actor, clientId: number): Promise<ClientIdentity> {
  const client = await findClient(db, clientScopeOf(actor), clientId);
  if (!client) throw new NotFoundError('CLIENT.NOT_FOUND');
  return client;
}

/** Who to notify about a client's file (their address and language), whatever the actor. */
export async function clientRecipient(db: Db, clientId: number): Promise<ClientIdentity> {
  const client = await findClientById(db, clientId);
  if (!client) throw new NotFoundError('CLIENT.NOT_FOUND');
  return client;
}

export const CASELOAD_PAGE_SIZE = 25;

/** The file number people quote (« AQ-000123 »): the client's id, padded. */
export function fileNumber(clientId: number): string {
  return `AQ-${String(clientId).padStart(6, '0')}`;
}

export function teamOf(db: Db, accountId: number): Promise<string | null> {
  return findTeamOf(db, accountId);
}

export function assignClientToAgent(db: Db, clientId: number, agentId: number): Promise<void> {
  return assignClient(db, clientId, agentId);
}

/** Serializes scheduling for these people until the current transaction ends. */
export function lockSchedulesOf(db: Db, accountIds: number[]): Promise<void> {
  return lockSchedules(db, accountIds);
}

/** Display names by id (staff pages name who did what). */
export function displayNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  return findDisplayNames(db, [...new Set(ids)]);
}
