import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { type DatabaseConnection, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { up } from './0013-page-versions';

/** Every statement a migration sends, compiled for one dialect, without a database. */
async function statementsOf(migration: (db: Kysely<any>) => Promise<void>, dialect: 'postgres' | 'sqlite'): Promise<string[]> {
  const sent: string[] = [];
  const connection: DatabaseConnection = {
    executeQuery: async (query) => {
      sent.push(`${query.sql} -- ${JSON.stringify(query.parameters)}`);
      return { rows: [] };
    },
    streamQuery: async function* () {},
  };
  const db = new Kysely<any>({
    dialect: {
      createAdapter: () => (dialect === 'postgres' ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => Object.assign(new DummyDriver(), { acquireConnection: async () => connection }),
      createIntrospector: (kysely) => (dialect === 'postgres' ? new PostgresIntrospector(kysely) : new SqliteIntrospector(kysely)),
      createQueryCompiler: () => (dialect === 'postgres' ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
  });
  await migration(db);
  return sent;
}

// Migration 0013 has landed, so it is frozen: the code that writes its triggers may be tidied, the
// SQL it sends may not. These are the digests of that SQL as it landed (statements joined by \n).
test('migration 0013 sends, on each database, the very SQL it landed with', async () => {
  const digest = (statements: string[]) => createHash('sha256').update(statements.join('\n')).digest('hex');
  const postgres = await statementsOf(up, 'postgres');
  const sqlite = await statementsOf(up, 'sqlite');
  assert.equal(postgres.length, 27);
  assert.equal(sqlite.length, 37);
  assert.equal(digest(postgres), 'b260b59112a39feb4d5ffec7fb12a88fcab00534c8807d1e50fb0bcfacf20a5c');
  assert.equal(digest(sqlite), '7802796dec63ebc663e743708421dfb45251aff2c2f055e389e91c74c84d4d69');
});
