import path from 'node:path';
import type { Config } from '../config';
import { connect, type DatabaseHandle } from './connect';
import { migrateToLatest } from './migrate';

/** The configured database (PostgreSQL, or the SQLite file in DATA_DIR), migrated to the latest schema. */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  const database = connect({ databaseUrl: config.DATABASE_URL, sqliteFile: path.join(config.DATA_DIR, 'accompagnement.sqlite') });
  await migrateToLatest(database.db);
  return database;
}
