import type { Db } from '../../db/types';
import type { AuditDetails } from './audit-actions';

type Denial = AuditDetails['access.denied'];

/** Writes the one `access.denied` line of a coalescing window and returns its id. */
export async function insertDenialLine(db: Db, line: { at: string; actorId: number; ip: string; details: Denial }): Promise<number> {
  const row = await db
    .insertInto('audit_log')
    .values({ at: line.at, actor_id: line.actorId, action: 'access.denied', ip: line.ip, details: JSON.stringify(line.details) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Updates the facts of that line (its count and last URL) as more denials arrive in the window. */
export async function updateDenialLine(db: Db, id: number, details: Denial): Promise<void> {
  await db
    .updateTable('audit_log')
    .set({ details: JSON.stringify(details) })
    .where('id', '=', id)
    .where('action', '=', 'access.denied')
    .execute();
}
