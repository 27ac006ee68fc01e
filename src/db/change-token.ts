import { setTimeout as sleep } from 'node:timers/promises';
import type SQLite from 'better-sqlite3';
import type pg from 'pg';

/**
 * A value that differs from every earlier one once a commit that may change a session, an account
 * or a page version has happened, on any connection of any process. Memory that keeps rows read
 * from the database (the sessions, ADR 0014) notes it before reading, and trusts what it kept only
 * while it has not moved. It may move for other writes too: that costs a read, never a stale row.
 */
export type ChangeToken = () => string | Promise<string>;

/**
 * SQLite: `PRAGMA data_version` moves when another connection (another process, or another
 * handle of this one) commits; it does not move for this connection's own commits, so `written`
 * counts the statements that write on it. A write counts before it runs: a reader that notes the
 * count before a transaction writes and reads after it commits keeps rows that are newer than the
 * count says, never older. Synchronous and a few microseconds: no query through Kysely.
 */
export function sqliteChangeToken(sqlite: SQLite.Database): { token: ChangeToken; written: () => void } {
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  let writes = 0;
  return {
    token: () => `${writes}.${dataVersion.get() as number}`,
    written: () => {
      writes++;
    },
  };
}

/** How long askers wait for a read already on its way before sending their own (a read takes well under a millisecond). */
const PATIENCE_MS = 50;

/**
 * PostgreSQL: the sum of `change_version` (migration 0030), moved by a deferred trigger in the
 * same transaction as each change, read as one named prepared statement (parsed once per
 * connection). One round trip of a few tens of microseconds, and nothing to go stale: a listener
 * (LISTEN/NOTIFY) would hear of a commit only some time after it was visible.
 *
 * Requests that ask at the same time share a read, as long as it was *sent after they asked*: one
 * already on its way may have left before a commit the asker must see, so an asker who finds a
 * read in flight waits for the next one, sent as soon as that one answers (one read for all who
 * queued). Under load, one round trip at a time instead of one per request.
 */
export function postgresChangeToken(pool: pg.Pool): ChangeToken {
  const ignore = () => undefined;
  const query = { name: 'aq_change_version', text: 'select sum(version)::text as version from change_version', rowMode: 'array' as const };
  const read = async () => {
    const result = await pool.query<[string]>(query);
    return result.rows[0]?.[0] ?? '';
  };
  let inFlight: Promise<string> | undefined;
  let queued: Promise<string> | undefined;
  const send = (): Promise<string> => {
    const sent = read();
    inFlight = sent;
    const settle = () => {
      if (inFlight === sent) inFlight = undefined;
    };
    sent.then(settle, settle);
    return sent;
  };
  return () => {
    if (!inFlight) return send();
    // A read that does not answer (a connection half gone) must not hold everyone up: after a
    // short patience the queued askers send their own.
    queued ??= Promise.race([inFlight.then(ignore, ignore), sleep(PATIENCE_MS, undefined, { ref: false })]).then(() => {
      queued = undefined;
      return send();
    });
    return queued;
  };
}
