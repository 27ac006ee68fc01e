import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, type LogEvent, PostgresDialect, SqliteDialect, SqliteDriver } from 'kysely';
import pg from 'pg';
import { type ChangeToken, postgresChangeToken, sqliteChangeToken } from './change-token';
import { preparedStatementName } from './compile-once';
import type { Database } from './database';
import { SqliteFileGoneError, type SqliteFileStatus, watchSqliteFile } from './sqlite-file';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL schema in use, when not the default one. */
  schema?: string;
  /** SQLite on a file: why the file at its path is no longer the open one, if it is not (sqlite-file.ts). */
  fileProblem?: () => SqliteFileStatus | undefined;
  /** Moves once a commit may have changed a session, an account or a page version, on any connection (change-token.ts). */
  changeToken: ChangeToken;
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
  /** PostgreSQL: told when the server ends an idle pooled connection (the pool replaces it). */
  onConnectionLost?: (error: Error) => void;
  /** PostgreSQL: the most connections this process opens (10 unless told; `poolSizeFor` shares them among workers). */
  poolSize?: number;
}

/** Connections PostgreSQL gives all workers of one server together: room under its default 100 for a second server and tools. */
const CONNECTIONS_PER_SERVER = 40;

/**
 * The pool of each of `workers` processes: 10 (a worker runs one thread; ten queries in flight keep
 * it busy) until the workers together would open more than CONNECTIONS_PER_SERVER, then their share.
 */
export function poolSizeFor(workers: number): number {
  return Math.max(1, Math.min(10, Math.floor(CONNECTIONS_PER_SERVER / Math.max(1, workers))));
}

// PostgreSQL returns bigint (COUNT, SUM) as text by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export function connect(options: ConnectOptions): DatabaseHandle {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.pgSchema, options.onQuery, options.onConnectionLost, options.poolSize);
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
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // 64 MiB of page cache (the default is 2 MiB): at 100k clients the hot indexes stay in memory
  // instead of being read through the OS on every request.
  sqlite.pragma('cache_size = -65536');
  const fileProblem = file === ':memory:' ? undefined : watchSqliteFile(file, (target) => sqlite.backup(target));
  const changes = sqliteChangeToken(sqlite);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, withStatementCache(sqlite, changes.written, fileProblem)), ...(log ? { log } : {}) });
  return { db, dialect: 'sqlite', fileProblem, changeToken: changes.token, close: () => db.destroy() };
}

/** How long a statement (or a transaction's start) waits for another process's write lock. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Every transaction takes the write lock at its start (`begin immediate`): our transactions all
 * read, then write. Opened deferred (Kysely's `begin`), a transaction reads from a snapshot and
 * upgrades to a write later; when another process committed in between, that upgrade fails at once
 * with SQLITE_BUSY(_SNAPSHOT), which busy_timeout does not cover (with WORKERS=2, about 12 % of
 * concurrent writes answered 500). Taken at the start, the lock is waited for, and what the
 * transaction reads is still true when it writes.
 *
 * The wait is asynchronous: busy_timeout would sleep the whole process (better-sqlite3 is
 * synchronous) while another process, or another connection of this one, holds the lock; each
 * try here is made without it, and a busy lock is tried again after a short timer, up to the same
 * BUSY_TIMEOUT_MS. Plain statements outside a transaction keep busy_timeout.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #sqlite: SQLite.Database;
  readonly #database: ReturnType<typeof withStatementCache>;
  constructor(sqlite: SQLite.Database, database: ReturnType<typeof withStatementCache>) {
    super({ database });
    this.#sqlite = sqlite;
    this.#database = database;
  }
  override createDriver(): Driver {
    const sqlite = this.#sqlite;
    return new (class extends SqliteDriver {
      override async beginTransaction(connection: DatabaseConnection): Promise<void> {
        await beginImmediate(sqlite, connection);
      }
    })({ database: this.#database });
  }
}

async function beginImmediate(sqlite: SQLite.Database, connection: DatabaseConnection): Promise<void> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    sqlite.pragma('busy_timeout = 0');
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      return;
    } catch (error) {
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw error;
    } finally {
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    // 1, 2, 4 … ms up to 20 ms, with jitter so that waiting connections do not try in step.
    await sleep(Math.min(20, 2 ** attempt) * (0.5 + Math.random()));
  }
}

/**
 * Kysely prepares every query anew; compiling SQL is a good share of a page's time on SQLite.
 * Our queries are a small, fixed set of SQL texts (values are bound parameters), so prepared
 * statements are kept and reused, least recently used dropped first. Safe because better-sqlite3
 * runs one statement at a time and Kysely's driver never leaves an iterator open.
 *
 * Every statement that may write is counted (`written`) before it runs: `PRAGMA data_version`
 * does not move for a connection's own commits, and what this process keeps in memory must not
 * outlive its own writes either (change-token.ts).
 */
function withStatementCache(sqlite: SQLite.Database, written: () => void, fileProblem?: () => SqliteFileStatus | undefined, capacity = 500) {
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
      refuseLostWrite(statement, fileProblem);
      if (!statement.readonly) written();
      return statement;
    },
  };
}

/**
 * A statement that writes runs only while the file at the path is the open one. Otherwise its
 * commit would be acknowledged and lost at the next start (sqlite-file.ts): refusing it answers 503
 * and nothing is acknowledged. Reads go on: the open file still holds every committed row. One
 * stat(2) per write, a few microseconds beside the fsync of each commit (synchronous=FULL).
 */
function refuseLostWrite(statement: SQLite.Statement, fileProblem?: () => SqliteFileStatus | undefined): void {
  if (statement.readonly || !fileProblem) return;
  const status = fileProblem();
  if (status) throw new SqliteFileGoneError(status.problem);
}

function connectPostgres(url: string, schema?: string, log?: (event: LogEvent) => void, onConnectionLost?: (error: Error) => void, poolSize = 10): DatabaseHandle {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // No JIT compilation: our queries are short, and on the manager's dashboard at 100,000
    // clients compiling cost 10–30 ms per query whose plan PostgreSQL guessed expensive.
    options: ['-c jit=off', ...(schema ? [`-c search_path=${schema}`] : [])].join(' '),
  });
  // A pooled connection that PostgreSQL ends while idle (a restart, a failover,
  // pg_terminate_backend, idle_session_timeout) is reported here; without a listener the process
  // would exit. The pool has already dropped it and opens a new one for the next query; a request
  // made while the database is away fails with an error the edge answers 503 (db/unavailable.ts).
  pool.on('error', (error) => onConnectionLost?.(error));
  // A connection ended while checked out (inside a request's query or transaction) emits its error
  // on the client itself, where the pool no longer listens: unheard, it would end the process. Its
  // query fails (the request answers 503) and the pool discards the connection when it comes back.
  pool.on('connect', (client) => {
    client.on('error', (error) => onConnectionLost?.(error));
    preparingNamedStatements(client);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return { db, dialect: 'postgres', schema, changeToken: postgresChangeToken(pool), close: () => db.destroy() };
}

/**
 * The hot reads (`compileOnce`, src/db/compile-once.ts) run as named prepared statements: each
 * connection parses and plans their text once, then sends only the values (issue 21: parsing was
 * most of a short query's time on the server). Kysely calls `query(text, values)`; a text that
 * has a name is sent with it, every other query as before (an unnamed statement per call, since
 * texts with lists of varying length would fill each connection with statements used once).
 */
function preparingNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length === 2 ? preparedStatementName(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
}
