import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { dialectName } from '../../test/helpers/database';
import { connect, type DatabaseHandle } from './connect';
import { migrateToLatest, migrations } from './migrate';
import { seedDemoAtStart } from '../seed/startup';
import { loadConfig } from '../config';

/**
 * Instances started together on one empty database (a deployment's first start, or a new
 * version's rollout) each migrate at start: the schema is made once, by one of them, and none
 * fails; then the demo data goes in once.
 */
test(`three instances starting together on an empty database migrate it once and all start (${dialectName})`, async (t) => {
  const { open, cleanup } = await emptyDatabase();
  t.after(cleanup);
  const handles: DatabaseHandle[] = [0, 1, 2].map(() => open());
  t.after(() => Promise.all(handles.map((handle) => handle.close())));
  const results = await Promise.allSettled(handles.map((handle) => migrateToLatest(handle.db)));
  assert.deepEqual(
    results.map((result) => (result.status === 'fulfilled' ? 'ok' : String(result.reason))),
    ['ok', 'ok', 'ok'],
  );
  const done = await handles[0]!.db
    .selectFrom('kysely_migration' as never)
    .select('name' as never)
    .execute();
  assert.equal(done.length, Object.keys(migrations).length, 'each migration recorded once');
  const config = loadConfig({ NODE_ENV: 'development' });
  const seeded = await Promise.all(handles.map((handle) => seedDemoAtStart(config, handle.db, () => new Date())));
  assert.equal(seeded.filter(Boolean).length, 1, 'the demo data seeded once');
});

async function emptyDatabase(): Promise<{ open: () => DatabaseHandle; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-together-'));
    const file = path.join(dir, 'accompagnement.sqlite');
    return { open: () => connect({ sqliteFile: file }), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `aq_t_${randomBytes(6).toString('hex')}`;
  await admin(url, `create database ${name}`);
  const address = new URL(url);
  address.pathname = `/${name}`;
  return { open: () => connect({ databaseUrl: address.toString() }), cleanup: () => admin(url, `drop database if exists ${name} with (force)`) };
}

async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
