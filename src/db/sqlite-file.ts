import fs from 'node:fs';
import path from 'node:path';

/** What became of the SQLite file on disk since it was opened, when it is no longer the open one. */
export type SqliteFileProblem = 'missing' | 'replaced';

/** The file's trouble, and where the copy of the open database was written (or that it could not be). */
export interface SqliteFileStatus {
  problem: SqliteFileProblem;
  /** `accompagnement.sqlite.rescued-…`, beside the path, once written. */
  rescuedTo?: string;
  rescueFailed?: boolean;
}

/**
 * Watches that the path of an open SQLite file still names the file that is open. Deleted (or
 * replaced: a restore copied over it, a volume remounted), the process goes on reading and writing
 * an unlinked inode: every commit is acknowledged, and all of it is gone when the process ends —
 * the next start opens a new, empty file at that path. Compared by device and inode, taken once at
 * open: a rename or a copy over the path changes them.
 *
 * The first time the file is found gone, `copy` writes what the open database holds (SQLite's
 * online backup, WAL included) to a new file beside the path, so that an operator has the data to
 * put back before restarting, without digging in /proc.
 */
export function watchSqliteFile(file: string, copy: (target: string) => Promise<unknown>): () => SqliteFileStatus | undefined {
  const opened = fs.statSync(file);
  let rescue: { target: string; done: boolean; failed: boolean } | undefined;
  const startRescue = () => {
    const target = `${file}.rescued-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const started = { target, done: false, failed: false };
    rescue = started;
    fs.promises
      .mkdir(path.dirname(target), { recursive: true })
      .then(() => copy(target))
      .then(
        () => {
          started.done = true;
        },
        () => {
          started.failed = true;
        },
      );
  };
  return () => {
    const problem = problemOf(file, opened);
    if (!problem) return undefined;
    if (!rescue) startRescue();
    const current = rescue as NonNullable<typeof rescue>;
    return { problem, ...(current.done ? { rescuedTo: path.basename(current.target) } : {}), ...(current.failed ? { rescueFailed: true } : {}) };
  };
}

function problemOf(file: string, opened: fs.Stats): SqliteFileProblem | undefined {
  let now: fs.Stats;
  try {
    now = fs.statSync(file);
  } catch {
    return 'missing';
  }
  return now.dev === opened.dev && now.ino === opened.ino ? undefined : 'replaced';
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
