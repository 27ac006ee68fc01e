import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { pingDatabase } from '../../db/health.repository';
import { migrationStatus } from '../../db/migration-status';
import type { SqliteFileStatus } from '../../db/sqlite-file';
import { outboxBacklog } from './outbox-backlog.repository';

export type CheckName = 'database' | 'migrations' | 'outbox';

/** Why a check fails: the ops route words it for the operator (checkText). */
export type CheckCode = 'DATABASE_UNREACHABLE' | 'DATABASE_FILE_GONE' | 'MIGRATIONS_PENDING' | 'MIGRATIONS_UNKNOWN' | 'OUTBOX_STALLED' | 'CHECK_FAILED';

export type CheckResult =
  /** `note`: what was skipped or kept on purpose; never personal data, safe to show. */
  | { ok: true; note?: string }
  | {
      ok: false;
      code: CheckCode;
      /** The migrations pending, or applied but unknown to this code. */
      migrations?: string[];
      /** What became of the SQLite file under the open database, and of its rescue copy. */
      file?: SqliteFileStatus;
      /** How long the oldest pending mail has waited, and the limit, in minutes. */
      waitedMinutes?: number;
      limitMinutes?: number;
      /** The exception behind a failure, for the log only (it may name hosts and ports). */
      cause?: unknown;
    };

export interface Readiness {
  ready: boolean;
  checks: Record<CheckName, CheckResult>;
}

export interface ReadinessInput {
  db: Kysely<Database>;
  now: Date;
  /**
   * Whether someone is meant to deliver the outbox. Without SMTP, mail stays in the outbox by
   * design (read on the development page), so its age says nothing about a stuck worker.
   */
  deliveryConfigured: boolean;
  outboxMaxAgeMinutes: number;
  /** SQLite on a file: why the file at its path is no longer the open one (db/sqlite-file.ts). */
  fileProblem?: () => SqliteFileStatus | undefined;
}

/**
 * Whether this instance should receive traffic: the database answers (and, on SQLite, from the file
 * its path names: a deleted file still answers, from an inode that vanishes at restart), its schema
 * is the one this code expects, and mail is not piling up undelivered. Each check is named so that
 * an operator reading a 503 knows where to look.
 */
export async function checkReadiness(input: ReadinessInput): Promise<Readiness> {
  const database = await attempt(async (): Promise<CheckResult> => {
    await pingDatabase(input.db);
    const file = input.fileProblem?.();
    if (file) return { ok: false, code: 'DATABASE_FILE_GONE', file };
    return { ok: true };
  });
  const skipped: CheckResult = { ok: false, code: 'DATABASE_UNREACHABLE' };
  // A deleted file still answers (from the open one): the other checks still say what they see.
  const answers = database.ok || database.code === 'DATABASE_FILE_GONE';
  const migrations = answers ? await attempt(() => checkMigrations(input.db)) : skipped;
  const outbox = answers ? await attempt(() => checkOutbox(input)) : skipped;
  const checks = { database, migrations, outbox };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

async function checkMigrations(db: Kysely<Database>): Promise<CheckResult> {
  const { pending, unknown } = await migrationStatus(db);
  if (pending.length > 0) return { ok: false, code: 'MIGRATIONS_PENDING', migrations: pending };
  if (unknown.length > 0) return { ok: false, code: 'MIGRATIONS_UNKNOWN', migrations: unknown };
  return { ok: true };
}

async function checkOutbox(input: ReadinessInput): Promise<CheckResult> {
  const backlog = await outboxBacklog(input.db);
  if (!input.deliveryConfigured) return { ok: true, note: `no SMTP configured; ${backlog.pending} mail kept` };
  if (!backlog.oldestPendingAt) return { ok: true };
  const ageMinutes = (input.now.getTime() - Date.parse(backlog.oldestPendingAt)) / 60_000;
  if (ageMinutes > input.outboxMaxAgeMinutes) {
    return { ok: false, code: 'OUTBOX_STALLED', waitedMinutes: Math.floor(ageMinutes), limitMinutes: input.outboxMaxAgeMinutes };
  }
  return { ok: true };
}

async function attempt(check: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await check();
  } catch (error) {
    return { ok: false, code: 'CHECK_FAILED', cause: error };
  }
}
