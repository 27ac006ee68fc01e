import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { connect } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { migrationStatus } from '../../src/db/migration-status';

const root = path.resolve(import.meta.dirname, '..', '..');
const onPostgres = Boolean(process.env.DATABASE_URL);

/** Runs one of the npm scripts the way `npm run` does, with its own environment. */
function runScript(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', `${script}.ts`), ...args], { cwd: root, env: { ...inherited, NODE_ENV: 'test', ...env } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

/** A database like the service's: migrated, plus enough rows that a copy takes a moment. */
async function serviceDatabase(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'accompagnement.sqlite');
  const handle = connect({ sqliteFile: file });
  await migrateToLatest(handle.db);
  await handle.close();
  const db = new SQLite(file);
  const insert = db.prepare("insert into audit_log (at, action, details) values ('2026-01-01T00:00:00.000Z', 'load.prefill', ?)");
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`{"filler":"${'x'.repeat(200)}"}`);
  })();
  db.close();
  return file;
}

/**
 * Another process writing as the server does (WAL, synchronous=FULL, one transaction per row):
 * it prints each row's id only once its commit has returned, i.e. once the write is acknowledged.
 */
function startWriter(file: string): { child: ChildProcess; acknowledged: number[]; waitFor(count: number): Promise<void> } {
  const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const program = `
    const SQLite = require(${JSON.stringify(betterSqlite)});
    const db = new SQLite(${JSON.stringify(file)});
    db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('busy_timeout = 5000');
    const insert = db.prepare("insert into audit_log (at, action, details) values (?, 'load.write', null)");
    let stopped = false;
    process.stdin.on('end', () => { stopped = true; }); process.stdin.resume();
    (function write() {
      if (stopped) { db.close(); return; }
      const { lastInsertRowid } = insert.run(new Date().toISOString());
      process.stdout.write(lastInsertRowid + '\\n');
      setImmediate(write);
    })();`;
  const child = spawn(process.execPath, ['-e', program], { stdio: ['pipe', 'pipe', 'inherit'] });
  const acknowledged: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) acknowledged.push(Number(line));
    for (const w of waiters.filter((w) => acknowledged.length >= w.count)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  return {
    child,
    acknowledged,
    waitFor: (count) => (acknowledged.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  return exited;
}

test('backup under write load, then restore elsewhere: every write acknowledged before the backup is there', { skip: onPostgres && 'SQLite only (the PostgreSQL run checks the pg_dump advice)' }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-backup-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const live = path.join(dir, 'live');
  const file = await serviceDatabase(live);
  const writer = startWriter(file);
  t.after(() => stop(writer.child));

  await writer.waitFor(200);
  const acknowledgedBefore = [...writer.acknowledged];
  const backupFile = path.join(dir, 'backups', 'aq.sqlite');
  fs.mkdirSync(path.dirname(backupFile));
  const backup = await runScript('backup', [backupFile], { DATA_DIR: live });
  assert.equal(backup.code, 0, backup.out);
  assert.match(backup.out, /Backup written to/);
  assert.ok(writer.acknowledged.length > acknowledgedBefore.length, 'the writer kept writing while the backup ran');
  assert.equal(fs.existsSync(`${backupFile}.partial`), false);

  // While the writer still has the live database open, restoring over it is refused.
  const refused = await runScript('restore', [backupFile], { DATA_DIR: live });
  assert.equal(refused.code, 1, refused.out);
  assert.match(refused.out, /in use by another process: stop the service/);
  await stop(writer.child);

  const fresh = path.join(dir, 'fresh');
  const restore = await runScript('restore', [backupFile], { DATA_DIR: fresh });
  assert.equal(restore.code, 0, restore.out);

  const restored = new SQLite(path.join(fresh, 'accompagnement.sqlite'), { readonly: true });
  try {
    assert.equal(restored.pragma('integrity_check', { simple: true }), 'ok');
    const ids = new Set((restored.prepare("select id from audit_log where action = 'load.write'").all() as { id: number }[]).map((r) => r.id));
    const missing = acknowledgedBefore.filter((id) => !ids.has(id));
    assert.deepEqual(missing, [], `${missing.length} of ${acknowledgedBefore.length} acknowledged writes missing`);
    const prefill = restored.prepare("select count(*) as n from audit_log where action = 'load.prefill'").get() as { n: number };
    assert.equal(prefill.n, 20_000);
  } finally {
    restored.close();
  }
  const handle = connect({ sqliteFile: path.join(fresh, 'accompagnement.sqlite') });
  assert.deepEqual(await migrationStatus(handle.db), { pending: [], unknown: [] }, 'the schema came back whole');
  await handle.close();

  // Restoring over a stopped database keeps the replaced one aside.
  const again = await runScript('restore', [backupFile], { DATA_DIR: fresh });
  assert.equal(again.code, 0, again.out);
  assert.match(again.out, /kept as .*accompagnement\.sqlite\.before-restore-/);
  assert.ok(fs.readdirSync(fresh).some((name) => name.startsWith('accompagnement.sqlite.before-restore-')));
});

test('restore refuses a file that is not a sound database of this service, and needs a file', { skip: onPostgres && 'SQLite only' }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aq-restore-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const text = path.join(dir, 'notes.txt');
  fs.writeFileSync(text, 'not a database');
  const other = path.join(dir, 'other.sqlite');
  new SQLite(other).exec('create table t (x)');

  for (const file of [text, other, path.join(dir, 'missing.sqlite')]) {
    const result = await runScript('restore', [file], { DATA_DIR: path.join(dir, 'data') });
    assert.equal(result.code, 1, result.out);
    assert.match(result.out, /Restore refused/);
  }
  assert.equal(fs.existsSync(path.join(dir, 'data', 'accompagnement.sqlite')), false, 'nothing was put in place');
  assert.equal((await runScript('backup', [], { DATA_DIR: dir })).code, 64);
});

test('on PostgreSQL, backup and restore point to pg_dump and pg_restore', async () => {
  for (const script of ['backup', 'restore'] as const) {
    const result = await runScript(script, ['aq.dump'], { DATABASE_URL: 'postgres://u:p@localhost:5432/aq' });
    assert.equal(result.code, 2);
    assert.match(result.out, /pg_dump -Fc --dbname="\$DATABASE_URL" --file=aq\.dump/);
    assert.match(result.out, /pg_restore --clean --if-exists/);
  }
});
