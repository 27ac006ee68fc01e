import fs from 'node:fs';

/** What became of the SQLite file on disk since it was opened, when it is no longer the open one. */
export type SqliteFileProblem = 'missing' | 'replaced';

/**
 * Watches that the path of an open SQLite file still names the file that is open. Deleted (or
 * replaced: a restore copied over it, a volume remounted), the process goes on reading and writing
 * an unlinked inode: every commit is acknowledged, and all of it is gone when the process ends —
 * the next start opens a new, empty file at that path. Compared by device and inode, taken once at
 * open: a rename or a copy over the path changes them.
 */
export function watchSqliteFile(file: string): () => SqliteFileProblem | undefined {
  const opened = fs.statSync(file);
  return () => {
    let now: fs.Stats;
    try {
      now = fs.statSync(file);
    } catch {
      return 'missing';
    }
    return now.dev === opened.dev && now.ino === opened.ino ? undefined : 'replaced';
  };
}

/**
 * A write refused because the file on disk is not the open one (see watchSqliteFile): answered 503
 * like a database that is away (db/unavailable.ts), never acknowledged and then lost.
 */
export class SqliteFileGoneError extends Error {
  readonly code = 'AQ_SQLITE_FILE_GONE';
  constructor(readonly problem: SqliteFileProblem) {
    super(`the SQLite file was ${problem === 'missing' ? 'deleted' : 'replaced'} after it was opened: write refused`);
    this.name = 'SqliteFileGoneError';
  }
}
