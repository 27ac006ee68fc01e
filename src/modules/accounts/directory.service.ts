import type { Db } from '../../db/types';
import { type Actor, clientScopeOf } from '../../platform/access/actor';
import { NotFoundError } from '../../platform/errors';
import { maySearchCaseload } from './account.policy';
import { assignClient, type ClientIdentity, findClient, findClientById, findClients, findDisplayNames, findTeamOf, lockSchedules } from './directory.repository';

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

export interface CaseloadPage {
  clients: ClientIdentity[];
  total: number;
  page: number;
  pages: number;
}

/** The file number people quote (« AQ-000123 »): the client's id, padded. */
export function fileNumber(clientId: number): string {
  return `AQ-${String(clientId).padStart(6, '0')}`;
}

/** « AQ-000123 », « aq000123 » or « 123 » → '123'; any other search stays as typed. */
function normalizeSearch(search: string | undefined): string | undefined {
  const term = search?.trim();
  const number = term && /^(?:aq-?)?0*(\d{1,10})$/i.exec(term);
  return number ? number[1] : term;
}

/** « Mes clients »: the actor's caseload (a manager: everyone), searched and paged. */
export async function searchCaseload(db: Db, actor: Actor, input: { search?: string; page: number }): Promise<CaseloadPage> {
  if (!maySearchCaseload(actor)) throw new NotFoundError('CASELOAD.NOT_FOUND');
  const page = Math.max(1, input.page);
  const { rows, total } = await findClients(db, clientScopeOf(actor), { search: normalizeSearch(input.search), limit: CASELOAD_PAGE_SIZE, offset: (page - 1) * CASELOAD_PAGE_SIZE });
  return { clients: rows, total, page, pages: Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE)) };
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
