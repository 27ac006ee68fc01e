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
export async function testDatabase(t?: TestContext): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create schema ${schema}`);
    handle = connect({ databaseUrl: url, pgSchema: schema });
    cleanup = async () => {
      await handle.close();
      await adminQuery(url, `drop schema ${schema} cascade`);
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-test-'));
    handle = connect({ sqliteFile: path.join(dir, 'test.sqlite') });
    cleanup = async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await migrateToLatest(handle.db, handle.schema);
  t?.after(cleanup);
  return { ...handle, close: cleanup };
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
