import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { pingDatabase } from '../../db/health.repository';
import { migrationStatus } from '../../db/migration-status';
import { outboxBacklog } from './outbox-backlog.repository';

export type CheckName = 'database' | 'migrations' | 'outbox';

export interface CheckResult {
  ok: boolean;
  /** Why it failed, or what was skipped; never personal data, safe to show. */
  detail?: string;
  /** The exception behind a failure, for the log only (it may name hosts and ports). */
  error?: unknown;
}

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
}

/**
 * Whether this instance should receive traffic: the database answers, its schema is the one this
 * code expects, and mail is not piling up undelivered. Each check is named so that an operator
 * reading a 503 knows where to look.
 */
export async function checkReadiness(input: ReadinessInput): Promise<Readiness> {
  const database = await attempt(async () => {
    await pingDatabase(input.db);
    return { ok: true };
  });
  const skipped = { ok: false, detail: 'database unreachable' };
  const migrations = database.ok ? await attempt(() => checkMigrations(input.db)) : skipped;
  const outbox = database.ok ? await attempt(() => checkOutbox(input)) : skipped;
  const checks = { database, migrations, outbox };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

async function checkMigrations(db: Kysely<Database>): Promise<CheckResult> {
  const { pending, unknown } = await migrationStatus(db);
  if (pending.length > 0) return { ok: false, detail: `pending: ${pending.join(', ')}` };
  if (unknown.length > 0) return { ok: false, detail: `applied but unknown to this code: ${unknown.join(', ')}` };
  return { ok: true };
}

async function checkOutbox(input: ReadinessInput): Promise<CheckResult> {
  const backlog = await outboxBacklog(input.db);
  if (!input.deliveryConfigured) return { ok: true, detail: `no SMTP configured; ${backlog.pending} mail kept` };
  if (!backlog.oldestPendingAt) return { ok: true };
  const ageMinutes = (input.now.getTime() - Date.parse(backlog.oldestPendingAt)) / 60_000;
  if (ageMinutes > input.outboxMaxAgeMinutes) {
    return { ok: false, detail: `oldest pending mail waits for ${Math.floor(ageMinutes)} min (limit ${input.outboxMaxAgeMinutes})` };
  }
  return { ok: true };
}

async function attempt(check: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await check();
  } catch (error) {
    return { ok: false, detail: 'error', error };
  }
}
