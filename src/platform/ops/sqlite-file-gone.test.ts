import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { connect } from '../../db/connect';

/** The path of the open SQLite file, as SQLite names it. */
async function sqlitePath(app: TestApp): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(app.database.db);
  const main = rows.find((row) => row.name === 'main');
  assert.ok(main?.file, 'a file-backed database');
  return main.file;
}

/** John's next planned appointment and his cancellation of it, as the page posts it. */
async function cancelJohnsNext(app: TestApp) {
  const john = await app.client('john.doe@example.com');
  const next = await app.database.db.selectFrom('appointments').selectAll().where('client_id', '=', app.demo.john.id).where('status', '=', 'planifie').orderBy('starts_at').executeTakeFirstOrThrow();
  return { next, john, cancel: () => john.post(`/rendez-vous/${next.id}/annuler`, { reason: 'maladie', comment: '', version: String(next.version) }) };
}

/**
 * Issue 18, finding 11: after the SQLite file was deleted, /readyz said ready and writes were
 * acknowledged into an unlinked file, then lost at restart. Now readiness compares the file at the
 * path with the open one, and a write is refused with 503 (nothing acknowledged); reads go on.
 */
describe(`a SQLite file deleted or replaced under the running service (${dialectName})`, { skip: dialectName !== 'sqlite' && 'SQLite only' }, () => {
  test('deleted: /readyz 503 saying why, /healthz still alive, a write 503 with Retry-After and not stored, a read still served', async (t) => {
    const app = await buildTestApp(t);
    const { next, john, cancel } = await cancelJohnsNext(app);
    assert.equal((await app.app.inject('/readyz')).statusCode, 200);
    const mailCount = () =>
      app.database.db
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
    const mailsBefore = await mailCount();
    const file = await sqlitePath(app);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });

    const ready = await app.app.inject('/readyz');
    assert.equal(ready.statusCode, 503);
    assert.deepEqual(ready.json().failing, ['database']);
    assert.match(ready.json().checks.database, /^failing: the SQLite file was deleted after it was opened: writes are refused \(they would be lost at restart\); a copy of the open database/);
    // Liveness stays: a restart now would open a new, empty file.
    assert.equal((await app.app.inject('/healthz')).statusCode, 200);

    const refused = await cancel();
    assert.equal(refused.statusCode, 503);
    assert.equal(refused.headers['retry-after'], '5');
    const after = await app.database.db.selectFrom('appointments').select(['status', 'version']).where('id', '=', next.id).executeTakeFirstOrThrow();
    assert.deepEqual(after, { status: 'planifie', version: next.version }, 'nothing was written, so nothing acknowledged is lost');
    assert.equal((await mailCount()).count, mailsBefore.count, 'no mail queued either');
    // The open file still holds every committed row: reading it is right.
    assert.equal((await john.get(`/rendez-vous/${next.id}`)).statusCode, 200);

    // And a copy of it is written beside the lost path, for the operator to put back before a restart.
    let rescued: string | undefined;
    for (let i = 0; i < 100 && !rescued; i++) {
      rescued = /written beside it as (\S+):/.exec((await app.app.inject('/readyz')).json().checks.database)?.[1];
      if (!rescued) await sleep(50);
    }
    assert.ok(rescued, 'the rescue copy is named');
    const copy = connect({ sqliteFile: path.join(path.dirname(file), rescued) });
    t.after(() => copy.close());
    const kept = await copy.db.selectFrom('appointments').select(['status', 'version']).where('id', '=', next.id).executeTakeFirstOrThrow();
    assert.deepEqual(kept, { status: 'planifie', version: next.version });
    assert.equal((await copy.db.selectFrom('accounts').select('email').where('id', '=', app.demo.john.id).executeTakeFirstOrThrow()).email, 'john.doe@example.com');
  });

  test('replaced (a copy moved over the path): /readyz 503 saying so, writes refused', async (t) => {
    const app = await buildTestApp(t);
    const { cancel } = await cancelJohnsNext(app);
    const file = await sqlitePath(app);
    fs.copyFileSync(file, `${file}.copy`);
    fs.renameSync(`${file}.copy`, file);
    const ready = await app.app.inject('/readyz');
    assert.equal(ready.statusCode, 503);
    assert.match(ready.json().checks.database, /the SQLite file was replaced after it was opened/);
    assert.equal((await cancel()).statusCode, 503);
  });
});
