import type { Kysely } from 'kysely';
import { migrations } from './migrate';

export interface MigrationStatus {
  /** Migrations this code knows that the database has not run: start the server (it migrates). */
  pending: string[];
  /** Migrations the database has run that this code does not know: the code is older than the schema. */
  unknown: string[];
}

/**
 * Compares kysely's record of applied migrations with the list this code ships. A plain read of
 * `kysely_migration` (in the connection's schema): cheap enough for a readiness probe, and with
 * none of the migrator's side effects (it would create its tables when they are missing).
 */
export async function migrationStatus(db: Kysely<any>): Promise<MigrationStatus> {
  const rows: { name: string }[] = await db.selectFrom('kysely_migration').select('name').execute();
  const applied = new Set(rows.map((r) => r.name));
  const known = Object.keys(migrations);
  return {
    pending: known.filter((name) => !applied.has(name)),
    unknown: [...applied].filter((name) => !known.includes(name)).sort(),
  };
}
