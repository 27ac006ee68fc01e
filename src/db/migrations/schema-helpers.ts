import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

/** True when the migration runs on PostgreSQL; the only place migrations look at the dialect. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Adds an auto-incrementing integer primary key `id`, spelled the way each dialect wants it
 * (`serial` on PostgreSQL, `integer primary key autoincrement` on SQLite).
 */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db) ? table.addColumn('id', 'serial', (col) => col.primaryKey()) : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}

/** A CHECK constraint that a column holds one of a fixed set of values (code-defined, never user input). */
export function checkIn(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
