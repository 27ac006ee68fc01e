import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL schema in use, when not the default one. */
  schema?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** `postgres://…` selects PostgreSQL; otherwise the embedded SQLite file below. */
  databaseUrl?: string;
  /** SQLite file path, or `:memory:`. */
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests give each run its own). */
  pgSchema?: string;
  /** Told of every query and its duration (scripts/explain-queries.ts lists a page's queries). */
  onQuery?: (event: LogEvent) => void;
}

// PostgreSQL returns bigint (COUNT, SUM) as text by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export function connect(options: ConnectOptions): DatabaseHandle {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.pgSchema, options.onQuery);
  return connectSqlite(options.sqliteFile ?? './data/accompagnement.sqlite', options.onQuery);
}

function connectSqlite(file: string, log?: (event: LogEvent) => void): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged commit
  // survive a killed process or a power cut; busy_timeout waits instead of failing when a
  // second process (the outbox worker) holds the write lock.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): at 100k clients the hot indexes stay in memory
  // instead of being read through the OS on every request.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), ...(log ? { log } : {}) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; compiling SQL is a good share of a page's time on SQLite.
 * Our queries are a small, fixed set of SQL texts (values are bound parameters), so prepared
 * statements are kept and reused, least recently used dropped first. Safe because better-sqlite3
 * runs one statement at a time and Kysely's driver never leaves an iterator open.
 */
function withStatementCache(sqlite: SQLite.Database, capacity = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

function connectPostgres(url: string, schema?: string, log?: (event: LogEvent) => void): DatabaseHandle {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // No JIT compilation: our queries are short, and on the manager's dashboard at 100,000
    // clients compiling cost 10–30 ms per query whose plan PostgreSQL guessed expensive.
    options: ['-c jit=off', ...(schema ? [`-c search_path=${schema}`] : [])].join(' '),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return { db, dialect: 'postgres', schema, close: () => db.destroy() };
}
