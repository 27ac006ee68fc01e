import path from 'node:path';
import type { Config } from '../config';
import { connect, type DatabaseHandle, poolSizeFor } from './connect';
import { migrateToLatest } from './migrate';

/**
 * The configured database (PostgreSQL — in DATABASE_SCHEMA when set —, or the SQLite file in
 * DATA_DIR), migrated to the latest schema unless `migrate: false` (a cluster's workers: their
 * primary migrated before forking them). `onConnectionLost` hears of pooled PostgreSQL connections
 * the server ended (the pool replaces them).
 */
export async function openDatabase(config: Config, { migrate = true, onConnectionLost }: { migrate?: boolean; onConnectionLost?: (error: Error) => void } = {}): Promise<DatabaseHandle> {
  const database = connect({
    databaseUrl: config.DATABASE_URL,
    pgSchema: config.DATABASE_SCHEMA,
    sqliteFile: path.join(config.DATA_DIR, 'accompagnement.sqlite'),
    onConnectionLost,
    poolSize: poolSizeFor(config.WORKERS),
  });
  if (migrate) await migrateToLatest(database.db, database.dialect === 'postgres' ? config.DATABASE_SCHEMA : undefined);
  return database;
}
