import { accountInScope } from '../../db/scope';
import type { Db } from '../../db/types';
import type { ClientScope } from '../../platform/access/actor';
import type { Account } from '../../db/database';

export type ClientIdentity = Pick<Account, 'id' | 'display_name' | 'email' | 'phone' | 'locale' | 'time_zone' | 'agent_id' | 'team' | 'created_at' | 'grammatical_gender'>;

const IDENTITY = ['id', 'display_name', 'email', 'phone', 'locale', 'time_zone', 'agent_id', 'team', 'created_at', 'grammatical_gender'] as const;

/** One client within the scope; a staff account, or a client out of scope, is unknown. */
export async function findClient(db: Db, scope: ClientScope, clientId: number): Promise<ClientIdentity | undefined> {
  return db.selectFrom('accounts').select(IDENTITY).where('id', '=', clientId).where('role', '=', 'client').where(accountInScope(scope)).executeTakeFirst();
}

/** A client regardless of scope, for the rules that must reach the person (notifications). */
export async function findClientById(db: Db, clientId: number): Promise<ClientIdentity | undefined> {
  return db.selectFrom('accounts').select(IDENTITY).where('id', '=', clientId).where('role', '=', 'client').executeTakeFirst();
}

/** Assigns a client to an agent (taking a request). */
export async function assignClient(db: Db, clientId: number, agentId: number): Promise<void> {
  await db.updateTable('accounts').set({ agent_id: agentId }).where('id', '=', clientId).where('role', '=', 'client').execute();
}

/** An agent's team, or null. */
export async function findTeamOf(db: Db, accountId: number): Promise<string | null> {
  const row = await db.selectFrom('accounts').select('team').where('id', '=', accountId).executeTakeFirst();
  return row?.team ?? null;
}

/**
 * Takes the scheduling lock of these people, in id order (no deadlock between two transactions
 * locking the same pair): an UPDATE holds the row lock on PostgreSQL and the write lock on SQLite
 * until the transaction ends.
 */
export async function lockSchedules(db: Db, accountIds: number[]): Promise<void> {
  for (const id of [...new Set(accountIds)].sort((a, b) => a - b)) {
    await db
      .updateTable('accounts')
      .set((eb) => ({ schedule_version: eb('schedule_version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
}

/** Display names of accounts, for lines that name who did something. */
export async function findDisplayNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
