/**
 * Whether an error says the database cannot be reached for now, rather than that a query is
 * wrong: the request may be answered 503 with `Retry-After`, and the same process serves again
 * once the database is back (pg's pool drops the dead connections and opens new ones).
 *
 * PostgreSQL: the connection exception class (08…), an operator or crash shutdown, a server still
 * starting (57P01–57P03), too many connections (53300), a database closed to connections; the
 * socket's own errors; pg's « Connection terminated », and its refusal of the next query on a
 * connection that was ended under a transaction in progress (« … is not queryable »). SQLite: the write lock still held when the
 * busy timeout ran out (SQLITE_BUSY); a write refused because the file was deleted or replaced
 * under the open database (sqlite-file.ts: until someone restores it and restarts, no write can be
 * kept, so none is acknowledged).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string') {
    if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
    if (code === '55000' && text.includes('not currently accepting connections')) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)) return true;
    if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) return true;
    if (code === 'AQ_SQLITE_FILE_GONE') return true;
  }
  if (/^Connection terminated/.test(text) || text.includes('timeout exceeded when trying to connect')) return true;
  if (text === 'Client has encountered a connection error and is not queryable') return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isDatabaseUnavailable(cause);
}

/** Seconds a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;
