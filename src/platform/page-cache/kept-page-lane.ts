import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isApiUrl } from '../http/api-request';
import { cookieName } from '../http/cookies';
import { sessionCsrfToken } from '../http/csrf';
import { touchDue } from '../session/session.service';
import { findKeptPageFor, keptPageHeaders } from './page-cache';

/** Who asks, once the lane has found them signed in. */
export type LaneAsker = Pick<FastifyRequest, 'method' | 'account' | 'session' | 'sessionToken' | 'locale'>;

export interface KeptPageLaneOptions {
  /** Headers every answer carries: the security headers, the process's own. */
  headers: Readonly<Record<string, string>>;
  /** Headers that depend on who asks (the offline copy's key for a client). */
  personalHeaders?: (asker: LaneAsker, now: Date) => Record<string, string>;
}

/**
 * Kept pages answered before Fastify's request lifecycle (ADR 0017). A kept page is stored only
 * after its route's guards let this very session see it and it rendered 200 (page-cache.ts); its
 * key holds the session, the account, the language, the encoding, the data versions, the minute and
 * the URL, and for a page about another account (a client's file seen by staff) that account's
 * version. So a request whose session is live and whose key finds a page may be answered as the
 * route would answer it, without routing, hooks, guards or rendering: what a hit costs otherwise is
 * Fastify's eight hooks and its reply, more than the socket write itself.
 *
 * The lane declines, leaving the request untouched for Fastify, whenever anything differs from the
 * plain case: not a GET, no session cookie, a session that is not live or whose activity is due to
 * be recorded (once a minute), a CSRF cookie that is not the session's (Fastify sets it), a manager
 * (whose pages are never kept), an address still to verify, or no kept page. It reads the session
 * without side effects (`sessionOf(token, false)`): a session that ended is left for Fastify to end
 * and to say so.
 */
export class KeptPageLane {
  /** Answers served by the lane (tests and the benchmark read it). */
  hits = 0;
  readonly #app: FastifyInstance;
  readonly #options: KeptPageLaneOptions;
  readonly #sessionCookie: string;
  readonly #csrfCookie: string;

  constructor(app: FastifyInstance, options: KeptPageLaneOptions) {
    this.#app = app;
    this.#options = options;
    this.#sessionCookie = cookieName(app.config, 'session');
    this.#csrfCookie = cookieName(app.config, 'csrf');
  }

  /** Answers from memory and resolves true, or resolves false having written nothing. */
  async serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const started = performance.now();
    const { url, headers } = req;
    // Assets, the health check and the API are never kept pages: no session read, no wait for them.
    if (req.method !== 'GET' || !url || !headers.cookie || url.startsWith('/assets/') || url === '/healthz' || isApiUrl(url)) return false;
    // Answered in the loop's check phase rather than inside the parser's callback: the requests
    // that arrived together are answered together, and their writes reach the sockets in one pass
    // (on SQLite, where nothing else here waits, wrk measured 35–40 % of the static server without
    // it and 68–78 % with it on this machine, ADR 0017). Everything below is read after the wait.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const app = this.#app;
    const cookies = app.parseCookie(headers.cookie);
    const token = cookies[this.#sessionCookie];
    if (!token || cookies[this.#csrfCookie] !== sessionCsrfToken(token)) return false;
    const resolved = await app.sessionOf(token, false);
    if (!resolved || !('account' in resolved) || !resolved.pageVersions) return false;
    const { account, session, pageVersions } = resolved;
    const now = app.clock();
    if (account.role === 'admin' || account.email_verification_pending === 1 || touchDue(session, now.getTime())) return false;
    const page = await findKeptPageFor(app.database, { sessionId: session.id, accountId: account.id, locale: account.locale, acceptEncoding: headers['accept-encoding'], versions: pageVersions, now, url });
    if (!page) return false;

    const asker: LaneAsker = { method: 'GET', account, session, sessionToken: token, locale: account.locale };
    const answer = { ...this.#options.headers, ...keptPageHeaders(page), ...this.#options.personalHeaders?.(asker, now) };
    const status = headers['if-none-match'] === page.etag ? 304 : 200;
    if (status === 304) res.writeHead(304, answer).end();
    else res.writeHead(200, { ...answer, 'content-length': page.body.length }).end(page.body);
    this.hits++;
    const seconds = (performance.now() - started) / 1000;
    app.observeRequest('GET', page.route, status, seconds);
    app.log.info({ req: { method: 'GET', url }, res: { statusCode: status }, responseTime: seconds * 1000 }, 'kept page answered');
    return true;
  }
}
