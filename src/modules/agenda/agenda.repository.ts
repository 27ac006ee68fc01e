import type { Db } from '../../db/types';

/** An agent's name by id; undefined for any other account (a manager, a client) or none. */
export async function findAgent(db: Db, agentId: number): Promise<{ id: number; display_name: string } | undefined> {
  return db.selectFrom('accounts').select(['id', 'display_name']).where('id', '=', agentId).where('role', '=', 'agent').executeTakeFirst();
}
