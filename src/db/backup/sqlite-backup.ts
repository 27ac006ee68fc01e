import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/** Where the service keeps its embedded database (the same path as src/db/open.ts). */
export function sqliteFileOf(config: { DATA_DIR: string }): string {
  return path.join(config.DATA_DIR, 'accompagnement.sqlite');
}

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
}

/**
 * Copies the live database to `destination` with SQLite's online backup API, while the service
 * keeps reading and writing. All pages are copied in one step, that is inside one read
 * transaction: the copy is the database as of one instant (every commit acknowledged before it,
 * none after), and in WAL mode the writers are not held up meanwhile. Step by step would let a
 * busy writer restart the copy again and again.
 *
 * The copy is written beside the destination and renamed once complete and checked, so a crash
 * never leaves a half backup under the final name.
 */
export async function backupSqlite(source: string, destination: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(partial, { progress: () => 0x7fffffff });
    const copy = new SQLite(partial);
    try {
      // A single file, complete by itself: no -wal beside it to forget when it is moved.
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`the copy failed its check: ${String(check)}`);
    } finally {
      copy.close();
    }
    fs.renameSync(partial, destination);
    return { file: destination, pages: progress.totalPages, bytes: fs.statSync(destination).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  file: string;
  /** The database that was replaced, kept aside (null when there was none). */
  previous: string | null;
}

/**
 * Puts a backup back in place of `target`, the service stopped. Refuses when another process
 * still has the database open (see `assertNotInUse`) and when the file is not a sound database
 * of this service. The replaced database is kept as `<target>.before-restore-<time>`, so a
 * restore of the wrong file can itself be undone.
 */
export function restoreSqlite(backupFile: string, target: string, now = new Date()): RestoreResult {
  if (!fs.existsSync(backupFile)) throw new BackupError(`no backup at ${backupFile}`);
  assertSoundBackup(backupFile);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });

  const incoming = `${target}.restoring`;
  fs.copyFileSync(backupFile, incoming);
  fsync(incoming);

  let previous: string | null = null;
  if (fs.existsSync(target)) {
    // Folds a leftover WAL (from a killed process) into the file, so what is kept aside is whole.
    assertNotInUse(target, { checkpoint: true });
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(incoming, target);
  fsync(path.dirname(path.resolve(target)));
  return { file: target, previous };
}

/**
 * Throws when another connection has the database open. In WAL mode every open connection keeps
 * a shared lock on the database file for as long as it is open, so an exclusive lock, tried
 * without waiting, succeeds only when nobody else (a running server, an outbox worker, a shell)
 * is using it. It cannot stop a server that starts after the check: stop the service first.
 */
export function assertNotInUse(file: string, options: { checkpoint?: boolean } = {}): void {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN EXCLUSIVE; COMMIT;');
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new BackupError(`${file} is in use by another process: stop the service (and any outbox worker) first`);
      }
      throw error;
    }
    if (options.checkpoint) db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

function assertSoundBackup(file: string): void {
  let db: SQLite.Database | null = null;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} is damaged: ${String(check)}`);
    const ours = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name in ('kysely_migration', 'accounts')").get() as { n: number };
    if (ours.n !== 2) throw new BackupError(`${file} is not a database of this service`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a readable SQLite database: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

function fsync(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
