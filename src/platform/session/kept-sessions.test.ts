import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { type KyselyPlugin, sql } from 'kysely';
import { buildTestApp, TestClient } from '../../../test/helpers/app';
import type { TestDatabase } from '../../../test/helpers/database';
import { dialectName } from '../../../test/helpers/database';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';

const START = new Date('2026-12-01T15:00:00Z');
const PAGE = '/accompagnement-quebec/actions';
const ACTION = 'Suivre la session Objectif Intégration';

/** Counts the queries that go through Kysely (every repository's), whatever their kind. */
function countingQueries(): { plugin: KyselyPlugin; count: () => number } {
  let count = 0;
  return {
    plugin: {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        count++;
        return args.result;
      },
    },
    count: () => count,
  };
}

/**
 * Runs one statement in another operating-system process, with its own connection, as another
 * worker or another server would: `sqlite` and `postgres` give the statement in each dialect.
 */
async function inAnotherProcess(database: TestDatabase, statement: { sqlite: string; postgres: string }, values: unknown[]): Promise<void> {
  const code = `
    const [kind, target, schema, text, values] = JSON.parse(process.argv[1]);
    if (kind === 'sqlite') {
      const db = new (require('better-sqlite3'))(target);
      db.pragma('busy_timeout = 5000');
      db.prepare(text).run(...values);
      db.close();
    } else {
      const pg = require('pg');
      const client = new pg.Client({ connectionString: target, ...(schema ? { options: '-c search_path=' + schema } : {}) });
      client.connect().then(() => client.query(text, values)).then(() => client.end()).catch((error) => { console.error(error); process.exit(1); });
    }`;
  const args =
    database.dialect === 'sqlite'
      ? ['sqlite', (await sql<{ file: string }>`pragma database_list`.execute(database.db)).rows[0]?.file, null, statement.sqlite, values]
      : ['postgres', database.databaseUrl ?? process.env.DATABASE_URL, database.schema ?? null, statement.postgres, values];
  execFileSync(process.execPath, ['-e', code, JSON.stringify(args)], { stdio: 'inherit' });
}

function isRefused(response: { statusCode: number; headers: Record<string, unknown>; body: string }): boolean {
  return response.statusCode === 303 && String(response.headers.location).startsWith('/connexion') && !response.body.includes(ACTION);
}

describe(`sessions kept in memory while nothing may have changed them (${dialectName})`, () => {
  test('a kept page sent again costs no query through the database layer', async (t) => {
    const { database, clock } = await buildTestApp(t, { start: START });
    const queries = countingQueries();
    const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: { ...database, db: database.db.withPlugin(queries.plugin) }, clock, logger: false });
    t.after(() => app.close());
    const john = new TestClient(app);
    await john.signIn('john.doe@example.com');
    const first = await john.get(PAGE);
    assert.equal(first.statusCode, 200);
    const before = queries.count();
    const second = await john.get(PAGE);
    assert.equal(second.body, first.body);
    // SQLite: none at all (PRAGMA data_version decides); PostgreSQL: the change token only, a named
    // statement sent on the pool, outside Kysely.
    assert.equal(queries.count() - before, 0);
  });

  const ENDINGS = [
    { how: 'signed out', statement: { sqlite: 'delete from sessions where account_id = ?', postgres: 'delete from sessions where account_id = $1' }, values: (id: number) => [id] },
    {
      how: 'password changed',
      statement: { sqlite: 'update accounts set password_changed_at = ? where id = ?', postgres: 'update accounts set password_changed_at = $1 where id = $2' },
      values: (id: number) => [new Date(START.getTime() + 1000).toISOString(), id],
    },
    {
      how: 'account deactivated',
      statement: { sqlite: 'update accounts set deactivated_at = ? where id = ?', postgres: 'update accounts set deactivated_at = $1 where id = $2' },
      values: (id: number) => [START.toISOString(), id],
    },
  ];
  for (const ending of ENDINGS) {
    test(`a session ended in another process (${ending.how}) is refused on the very next request`, async (t) => {
      const { client, database, demo } = await buildTestApp(t, { start: START });
      const john = await client('john.doe@example.com');
      assert.equal((await john.get(PAGE)).statusCode, 200);
      assert.equal((await john.get(PAGE)).statusCode, 200); // served from memory
      await inAnotherProcess(database, ending.statement, ending.values(demo.john.id));
      assert.ok(isRefused(await john.get(PAGE)));
    });
  }

  test('a page changed in another process is seen on the very next request', async (t) => {
    const { client, database } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    assert.doesNotMatch((await john.get(PAGE)).body, /Renommée ailleurs/);
    assert.doesNotMatch((await john.get(PAGE)).body, /Renommée ailleurs/);
    await inAnotherProcess(database, { sqlite: `update plan_actions set title = 'Renommée ailleurs' where title = ?`, postgres: `update plan_actions set title = 'Renommée ailleurs' where title = $1` }, [ACTION]);
    assert.match((await john.get(PAGE)).body, /Renommée ailleurs/);
  });

  test('signed out through another app (another connection), the session is refused by this one at once', async (t) => {
    const { client, database, clock } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    assert.equal((await john.get(PAGE)).statusCode, 200);
    assert.equal((await john.get(PAGE)).statusCode, 200);
    const other = database.connectAgain();
    t.after(() => other.close());
    const otherApp = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: other, clock, logger: false });
    t.after(() => otherApp.close());
    const sameBrowser = new TestClient(otherApp);
    for (const [name, value] of john.cookies) sameBrowser.cookies.set(name, value);
    assert.equal((await sameBrowser.post('/deconnexion')).statusCode, 303);
    assert.ok(isRefused(await john.get(PAGE)));
  });

  test('a kept session still ends when idle: the timeouts are worked out on every request', async (t) => {
    const { client, clock } = await buildTestApp(t, { start: START });
    const john = await client('john.doe@example.com');
    assert.equal((await john.get(PAGE)).statusCode, 200);
    assert.equal((await john.get(PAGE)).statusCode, 200);
    clock.advance(31 * 60 * 1000);
    assert.ok(isRefused(await john.get(PAGE)));
  });
});
