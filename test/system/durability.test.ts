import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { connect } from '../../src/db/connect';
import { findAuditByAction } from '../../src/platform/audit/audit.repository';

/**
 * A write the server acknowledged survives `kill -9`: sign in (a session row and an audit row,
 * acknowledged by the 303), kill the process without any chance to flush, reopen the file.
 * SQLite only: on PostgreSQL durability is the server's own (fsync on commit).
 */
test('an acknowledged write survives kill -9 of the server (SQLite, WAL, synchronous=FULL)', { skip: Boolean(process.env.DATABASE_URL) }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-kill-'));
  const port = 4100 + Math.floor(Math.random() * 800);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'silent', NODE_ENV: 'development', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    let page: Response | undefined;
    for (let i = 0; i < 150 && !page; i++) {
      page = await fetch(`${base}/connexion`).catch(() => undefined);
      if (!page) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(page, 'server started');
    const csrf = /aq_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const login = await fetch(`${base}/connexion`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `aq_csrf=${csrf}` },
      body: new URLSearchParams({ _csrf: csrf, email: 'john.doe@example.com', password: 'Demo-Accompagnement-2026' }),
    });
    assert.equal(login.status, 303, 'acknowledged');
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));

    const database = connect({ sqliteFile: path.join(dir, 'accompagnement.sqlite') });
    try {
      assert.equal((await findAuditByAction(database.db, 'auth.sign_in')).length, 1);
      const sessions = await database.db.selectFrom('sessions').select('id').execute();
      assert.equal(sessions.length, 1);
    } finally {
      await database.close();
    }
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
