import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { isPostgres } from './migrations/schema-helpers';
import * as m0001 from './migrations/0001-platform';
import * as m0002 from './migrations/0002-messages-and-mail';
import * as m0003 from './migrations/0003-appointments';
import * as m0004 from './migrations/0004-plans';
import * as m0005 from './migrations/0005-agent-workspace';
import * as m0007 from './migrations/0007-file-closure';
import * as m0008 from './migrations/0008-api-tokens';
import * as m0009 from './migrations/0009-intake';
import * as m0010 from './migrations/0010-manager';
import * as m0012 from './migrations/0012-staff-access';
import * as m0013 from './migrations/0013-page-versions';
import * as m0014 from './migrations/0014-cancellation-availability';
import * as m0015 from './migrations/0015-message-replies';
import * as m0016 from './migrations/0016-grammatical-gender';
import * as m0017 from './migrations/0017-dashboard-indexes';
import * as m0018 from './migrations/0018-dashboard-indexes-at-scale';
import * as m0019 from './migrations/0019-agent-availability';
import * as m0020 from './migrations/0020-calendar-feeds';
import * as m0021 from './migrations/0021-agent-video-room';
import * as m0022 from './migrations/0022-mail-parts';
import * as m0024 from './migrations/0024-plan-form-keys';
import * as m0025 from './migrations/0025-shared-limits-and-unlock-links';
import * as m0026 from './migrations/0026-form-drafts';
import * as m0027 from './migrations/0027-referrals';
import * as m0028 from './migrations/0028-dashboard-counts';
import * as m0029 from './migrations/0029-client-list-order';
import * as m0030 from './migrations/0030-change-version';
import * as m0031 from './migrations/0031-teams';

/** Migrations are listed here, in order, so the bundle needs no file-system scan. */
export const migrations: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-messages-and-mail': m0002,
  '0003-appointments': m0003,
  '0004-plans': m0004,
  '0005-agent-workspace': m0005,
  '0007-file-closure': m0007,
  '0008-api-tokens': m0008,
  '0009-intake': m0009,
  '0010-manager': m0010,
  '0012-staff-access': m0012,
  '0013-page-versions': m0013,
  '0014-cancellation-availability': m0014,
  '0015-message-replies': m0015,
  '0016-grammatical-gender': m0016,
  '0017-dashboard-indexes': m0017,
  '0018-dashboard-indexes-at-scale': m0018,
  '0019-agent-availability': m0019,
  '0020-calendar-feeds': m0020,
  '0021-agent-video-room': m0021,
  '0022-mail-parts': m0022,
  '0024-plan-form-keys': m0024,
  '0025-shared-limits-and-unlock-links': m0025,
  '0026-form-drafts': m0026,
  '0027-referrals': m0027,
  '0028-dashboard-counts': m0028,
  '0029-client-list-order': m0029,
  '0030-change-version': m0030,
  '0031-teams': m0031,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date; `schema` names the PostgreSQL schema when it is not `public`.
 * Instances that start together on one database migrate it one after the other (the first does
 * the work, the others find nothing left to do): see `oneAtATime`.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  await oneAtATime(db, schema, (locked) => runMigrations(locked, schema));
}

async function runMigrations(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}

/** How long a starting instance waits for another one's migrations (a big table's new index takes a while). */
const MIGRATION_WAIT_MS = 10 * 60 * 1000;

/**
 * Runs `work` while no other process migrates the same database. PostgreSQL: a session advisory
 * lock keyed by the schema, held on one connection around the whole of the migrator's work (Kysely
 * takes a lock of its own only after creating its tables, which two instances starting together
 * can race on). SQLite: the database file's own write lock, taken with `begin immediate` on the
 * one connection that then runs every migration, committed at the end (SQLite's DDL is
 * transactional, and Kysely opens no transaction of its own there): another process waits for the
 * lock, then finds the migrations done.
 */
async function oneAtATime(db: Kysely<any>, schema: string | undefined, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  await db.connection().execute(async (connection) => {
    if (isPostgres(db)) {
      const key = sql`hashtext(${`aq.migrate:${schema ?? ''}`})`;
      await sql`select pg_advisory_lock(${key})`.execute(connection);
      try {
        await work(db);
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(connection);
      }
      return;
    }
    await beginImmediate(connection);
    try {
      await work(connection);
      await sql`commit`.execute(connection);
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

/** Waits for the write lock without busy_timeout, which would block the whole process (better-sqlite3 is synchronous). */
async function beginImmediate(connection: Kysely<any>): Promise<void> {
  const deadline = Date.now() + MIGRATION_WAIT_MS;
  const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
  const busyTimeout = Number(rows[0]?.timeout ?? 0);
  await sql`pragma busy_timeout = 0`.execute(connection);
  try {
    for (;;) {
      try {
        await sql`begin immediate`.execute(connection);
        return;
      } catch (error) {
        if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error;
        await sleep(50);
      }
    }
  } finally {
    await sql.raw(`pragma busy_timeout = ${busyTimeout}`).execute(connection);
  }
}
