import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { connect, type DatabaseHandle } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';

/**
 * A fresh, migrated database for one test: a temporary SQLite file, or — when DATABASE_URL
 * points at PostgreSQL — a schema of its own that is dropped afterwards. Each test is isolated.
 */
export interface TestDatabase extends DatabaseHandle {
  /** A second, independent connection to the same database: what another process would have. */
  connectAgain(): DatabaseHandle;
}

export async function testDatabase(t?: TestContext): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  let connectAgain: () => DatabaseHandle;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create schema ${schema}`);
    handle = connect({ databaseUrl: url, pgSchema: schema });
    connectAgain = () => connect({ databaseUrl: url, pgSchema: schema });
    const migrated = handle;
    await withSchemaLock(url, 'shared', () => migrateToLatest(migrated.db, schema));
    cleanup = async () => {
      await migrated.close();
      await withSchemaLock(url, 'exclusive', () => adminQuery(url, `drop schema ${schema} cascade`));
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-test-'));
    handle = connect({ sqliteFile: path.join(dir, 'test.sqlite') });
    connectAgain = () => connect({ sqliteFile: path.join(dir, 'test.sqlite') });
    await migrateToLatest(handle.db);
    cleanup = async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  t?.after(cleanup);
  return { ...handle, close: cleanup, connectAgain };
}

/**
 * Kysely's migrator introspects every table of the database; when another test process drops its
 * schema at that moment, PostgreSQL fails the introspection (« schema … does not exist »). So
 * migrations hold a shared advisory lock and drops an exclusive one: they never overlap.
 */
const SCHEMA_LOCK = 727_274;

async function withSchemaLock<T>(url: string, mode: 'shared' | 'exclusive', work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(mode === 'shared' ? 'select pg_advisory_lock_shared($1)' : 'select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await work();
  } finally {
    await client.end();
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export const dialectName = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
