import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { connect, type DatabaseHandle } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';

/**
 * A fresh, migrated database for one test: a temporary SQLite file, or — when DATABASE_URL points
 * at PostgreSQL — a database (or, without the right to create one, a schema) of its own, dropped
 * afterwards. Each test is isolated.
 *
 * Migrating costs 0.1–0.3 s, and the suite makes hundreds of databases: so each test process
 * migrates one template, once, and every test gets a copy of it (a file copy on SQLite,
 * `CREATE DATABASE … TEMPLATE` on PostgreSQL, a few tens of milliseconds).
 */
export interface TestDatabase extends DatabaseHandle {
  /** PostgreSQL only: the address of this test's database (what another process would be given). */
  databaseUrl?: string;
  /** A second, independent connection to the same database: what another process would have. */
  connectAgain(): DatabaseHandle;
}

export async function testDatabase(t?: TestContext): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const made = url ? await postgresDatabase(url) : await sqliteDatabase();
  t?.after(made.cleanup);
  return { ...made.handle, databaseUrl: made.databaseUrl, close: made.cleanup, connectAgain: made.connectAgain };
}

interface MadeDatabase {
  handle: DatabaseHandle;
  databaseUrl?: string;
  connectAgain(): DatabaseHandle;
  cleanup(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// SQLite: a copy of a migrated file

let sqliteTemplate: Promise<string> | undefined;

/** A migrated SQLite file for this process, closed (so its WAL is folded into it) and kept. */
function migratedSqliteFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-template-'));
    const file = path.join(dir, 'template.sqlite');
    const handle = connect({ sqliteFile: file });
    await migrateToLatest(handle.db);
    await handle.close();
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    return file;
  })();
  return sqliteTemplate;
}

async function sqliteDatabase(): Promise<MadeDatabase> {
  const template = await migratedSqliteFile();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-test-'));
  const file = path.join(dir, 'test.sqlite');
  fs.copyFileSync(template, file);
  const handle = connect({ sqliteFile: file });
  return {
    handle,
    connectAgain: () => connect({ sqliteFile: file }),
    cleanup: once(async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a database made from a migrated template, or a schema migrated for the test

let postgresTemplate: Promise<PostgresTemplate | undefined> | undefined;

/** A migrated template and how to copy it (`strategy`, from PostgreSQL 15 on). */
interface PostgresTemplate {
  name: string;
  copy: string;
}

async function postgresDatabase(url: string): Promise<MadeDatabase> {
  postgresTemplate ??= migratedPostgresTemplate(url);
  const template = await postgresTemplate;
  if (!template) return postgresSchema(url);
  const name = `aq_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name} template ${template.name}${template.copy}`);
  const databaseUrl = withDatabase(url, name);
  const handle = connect({ databaseUrl });
  // The other connections a test opened are closed before the drop, which would end them under
  // their feet (their pools would report the lost connections as errors).
  const others: DatabaseHandle[] = [];
  return {
    handle,
    databaseUrl,
    connectAgain: () => {
      const other = connect({ databaseUrl });
      const close = once(() => other.close());
      others.push({ ...other, close });
      return { ...other, close };
    },
    cleanup: once(async () => {
      await Promise.all([handle, ...others].map((each) => each.close()));
      await dropDatabase(url, name);
    }),
  };
}

/**
 * A template database migrated once for this process, dropped when the process ends; undefined
 * when the role may not create databases (then each test migrates a schema of its own).
 */
async function migratedPostgresTemplate(url: string): Promise<PostgresTemplate | undefined> {
  const [{ rolcreatedb, version }] = await adminQuery<{ rolcreatedb: boolean; version: number }>(
    url,
    "select rolcreatedb, current_setting('server_version_num')::int as version from pg_roles where rolname = current_user",
  );
  if (!rolcreatedb) return undefined;
  const name = `aq_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const handle = connect({ databaseUrl: withDatabase(url, name) });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  // A database cannot be dropped from the `exit` event (it is synchronous): a child process does it.
  process.once('exit', () => dropDatabaseSync(url, name));
  // PostgreSQL 15 copies a template through the WAL by default, made for large templates; a file
  // copy of this small one is 2–5× faster (one checkpoint, cheap when the cluster skips fsync, as
  // CI's does).
  return { name, copy: version >= 150000 ? ' strategy file_copy' : '' };
}

async function postgresSchema(url: string): Promise<MadeDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  const handle = connect({ databaseUrl: url, pgSchema: schema });
  await withSchemaLock(url, 'shared', () => migrateToLatest(handle.db, schema));
  return {
    handle,
    databaseUrl: url,
    connectAgain: () => connect({ databaseUrl: url, pgSchema: schema }),
    cleanup: once(async () => {
      await handle.close();
      await withSchemaLock(url, 'exclusive', () => adminQuery(url, `drop schema ${schema} cascade`));
    }),
  };
}

/**
 * Drops a test's database once its connections are gone. A closed pool's last connection, or an
 * autovacuum worker, may still be attached for a moment, and `with (force)` cannot end a worker
 * that the role does not own (« must be a member of the role whose process is being terminated »):
 * so the drop waits and tries again, and forces only at the end.
 */
async function dropDatabase(url: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await adminQuery(url, `drop database if exists ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // object_in_use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(url, `drop database if exists ${name} with (force)`);
}

/** The same server and credentials, another database. */
function withDatabase(url: string, database: string): string {
  const address = new URL(url);
  address.pathname = `/${database}`;
  return address.toString();
}

function dropDatabaseSync(url: string, name: string): void {
  const program = `const pg = require('pg'); const c = new pg.Client({ connectionString: process.argv[1] }); c.connect().then(() => c.query('drop database if exists ${name} with (force)')).finally(() => c.end());`;
  spawnSync(process.execPath, ['-e', program, url], { stdio: 'ignore', timeout: 10_000 });
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

async function adminQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Cleanup runs once, whether the test's `after` or the test itself calls it first. */
function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= work();
    return done;
  };
}

export const dialectName = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
