import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { connect } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { seedDemo } from '../../src/seed/demo';
import { ANONYMIZED_NAME, anonymizedEmail } from '../../src/platform/retention/retention.repository';

/** The retention command as an operator runs it (the rules: src/platform/retention/retention.test.ts). */
test('npm run retention: --dry-run lists by account id, then the run anonymizes (SQLite file)', { skip: Boolean(process.env.DATABASE_URL) && 'the command is the same on PostgreSQL; run once' }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-retention-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'accompagnement.sqlite');
  const handle = connect({ sqliteFile: file });
  await migrateToLatest(handle.db);
  const demo = await seedDemo(handle.db, () => new Date());
  await handle.db.updateTable('accounts').set({ closed_at: '2001-02-03T04:05:06.000Z' }).where('id', '=', demo.john.id).execute();
  await handle.close();

  const run = (...args: string[]) => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/retention.ts', ...args], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...env, NODE_ENV: 'test', DATA_DIR: dir, RETENTION_YEARS: '7' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    return new Promise<{ code: number | null; out: string }>((resolve) => child.on('close', (code) => resolve({ code, out })));
  };
  const dry = await run('--dry-run');
  assert.equal(dry.code, 0, dry.out);
  assert.match(dry.out, new RegExp(`\\[dry run\\] client #${demo.john.id} \\(closed 2001-02-03T04:05:06.000Z\\): would anonymize`));
  assert.match(dry.out, /1 file\(s\): dry run, nothing changed\./);
  assert.doesNotMatch(dry.out, /john|doe/i, 'the listing names no one');

  const real = await run();
  assert.equal(real.code, 0, real.out);
  assert.match(real.out, /1 file\(s\) anonymized\./);
  const check = connect({ sqliteFile: file });
  const john = await check.db.selectFrom('accounts').select(['display_name', 'email']).where('id', '=', demo.john.id).executeTakeFirstOrThrow();
  await check.close();
  assert.deepEqual(john, { display_name: ANONYMIZED_NAME, email: anonymizedEmail(demo.john.id) });
  assert.match((await run()).out, /Nothing is due\./);
  assert.equal((await run('--everything')).code, 64);
});
