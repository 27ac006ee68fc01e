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

/**
 * Triggers that move page versions whenever a row of `table` is inserted, changed or deleted
 * (ADR 0008): `touches(row)` is the predicate on page_versions naming whose pages show that row
 * (`row` is `old` or `new`). `name` keeps trigger names unique when one table gets two sets.
 */
export async function bumpPageVersionsOn(db: Kysely<any>, table: string, touches: (row: 'old' | 'new') => string, name = table): Promise<void> {
  const bump = (row: 'old' | 'new') => `update page_versions set version = version + 1 where ${touches(row)}`;
  if (isPostgres(db)) {
    await sql
      .raw(`create function aq_bump_${name}() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' then ${bump('old')}; end if;
          if tg_op <> 'DELETE' then ${bump('new')}; end if;
          return null;
        end $$`)
      .execute(db);
    await sql.raw(`create trigger aq_bump_${name} after insert or update or delete on ${table} for each row execute function aq_bump_${name}()`).execute(db);
  } else {
    await sql.raw(`create trigger aq_bump_${name}_insert after insert on ${table} begin ${bump('new')}; end`).execute(db);
    await sql.raw(`create trigger aq_bump_${name}_update after update on ${table} begin ${bump('old')}; ${bump('new')}; end`).execute(db);
    await sql.raw(`create trigger aq_bump_${name}_delete after delete on ${table} begin ${bump('old')}; end`).execute(db);
  }
}
