import type { Db } from '../../db/types';
import type { Account } from '../../db/database';
import { type Contact, findAgentContactOfClient, findContact, findVideoRoom, updateAccountLocale } from './account.repository';

export type { Contact };

/** An agent's contact as a client sees it (name, e-mail, phone): for the appointments' details. */
export function agentContact(db: Db, agentId: number): Promise<Contact | undefined> {
  return findContact(db, agentId);
}

/** The agent's own video meeting room (a video appointment moved to them takes it), or null. */
export function agentVideoRoom(db: Db, agentId: number): Promise<string | null> {
  return findVideoRoom(db, agentId);
}

/** The contact of the agent who follows this client, if one does. */
export function agentContactOfClient(db: Db, clientId: number): Promise<Contact | undefined> {
  return findAgentContactOfClient(db, clientId);
}

/** Remembers the language the person chose, for every later session and for their e-mail. */
export function setPreferredLocale(db: Db, accountId: number, locale: Account['locale']): Promise<void> {
  return updateAccountLocale(db, accountId, locale);
}
