import { sql } from 'kysely';
import type { Account, Session } from '../../db/database';
import { compileOnce } from '../../db/compile-once';
import type { Db } from '../../db/types';

export async function insertSession(db: Db, session: Session): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfAccount(db: Db, accountId: number): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}

export async function deleteExpiredSessions(db: Db, idleBefore: string, now: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('expires_at', '<', now)]))
    .execute();
}

/**
 * The session, its account and the versions of what the account's pages show (ADR 0008) in one
 * round trip: this runs on every authenticated request, and a kept page needs nothing more.
 * Read on every request, so compiled once (src/db/compile-once.ts).
 */
const sessionWithAccount = compileOnce(
  (db, id: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select((eb) => [
        'sessions.id as session_id',
        'sessions.account_id',
        'sessions.created_at as session_created_at',
        'sessions.last_seen_at',
        'sessions.expires_at',
        eb.selectFrom('page_versions').select('version').whereRef('page_versions.account_id', '=', 'accounts.id').as('own_page_version'),
        eb.selectFrom('page_versions').select('version').where('page_versions.account_id', '=', sql.lit(0)).as('shared_page_version'),
      ])
      .selectAll('accounts')
      .where('sessions.id', '=', id)
      // A deactivated account's sessions stop resolving at once, whatever rows remain.
      .where('accounts.deactivated_at', 'is', null),
  (id) => [id],
);

export interface PageVersions {
  own: number;
  shared: number;
}

export interface SessionWithAccount {
  session: Session;
  account: Account;
  pageVersions: PageVersions;
}

export async function findSessionWithAccount(db: Db, id: string): Promise<SessionWithAccount | undefined> {
  const [row] = await sessionWithAccount(db, id);
  if (!row) return undefined;
  const { session_id, account_id, session_created_at, last_seen_at, expires_at, own_page_version, shared_page_version, ...account } = row;
  return {
    session: { id: session_id, account_id, created_at: session_created_at, last_seen_at, expires_at },
    account: account as Account,
    pageVersions: { own: Number(own_page_version ?? 0), shared: Number(shared_page_version ?? 0) },
  };
}
