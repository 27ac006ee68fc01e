import { compileOnce } from '../../db/compile-once';
import type { Db } from '../../db/types';

/** Read on every kept page's request, so compiled once (src/db/compile-once.ts). */
const versionsOf = compileOnce(
  (db, accountId: number) => db.selectFrom('page_versions').select(['account_id', 'version']).where('account_id', 'in', [accountId, 0]),
  (accountId) => [accountId, 0],
);

/**
 * The version of what an account's pages show, and of what everyone's pages share (account 0).
 * Database triggers move them in the same transaction as every change (migration 0013).
 */
export async function findPageVersions(db: Db, accountId: number): Promise<{ own: number; shared: number }> {
  const rows = await versionsOf(db, accountId);
  const version = (id: number) => Number(rows.find((row) => Number(row.account_id) === id)?.version ?? 0);
  return { own: version(accountId), shared: version(0) };
}
