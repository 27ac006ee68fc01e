import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { isLocale, DEFAULT_LOCALE } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { KeptSessions } from '../session/kept-sessions';
import { type KeptSessionRows, resolveSession } from '../session/session.service';
import { SESSION_EXTEND_PATH, SESSION_STATE_PATH } from '../session/session-paths';
import { isApiUrl } from './api-request';
import { cookieName, cookieOptions } from './cookies';
import { sessionCsrfToken } from './csrf';
import { localeOfAcceptLanguage } from './problem';

const ONE_YEAR = 365 * 24 * 3600;

/**
 * Resolves, for every request: the signed-in account (if any), the language (account, then
 * the remembered cookie, then French) and the CSRF token echoed by every form as `_csrf`.
 * Signed in, the token is derived from the session (`sessionCsrfToken`); before that, it is a
 * random value kept in an HttpOnly cookie (double-submit). The cookie always carries the current
 * token, so that scripts and tests can read what forms carry.
 */
export function registerSessionHook(app: FastifyInstance): void {
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('t', translator(DEFAULT_LOCALE));
  app.decorateRequest('account', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('expiredAccountId', null);
  app.decorateRequest('pageVersions', null);
  app.decorateRequest('csrfToken', '');

  const sessionCookie = cookieName(app.config, 'session');
  const csrfCookie = cookieName(app.config, 'csrf');
  const langCookie = cookieName(app.config, 'lang');
  // Sessions read once and kept while no commit anywhere may have changed them (ADR 0014): a kept
  // page then costs no database read on SQLite, one named statement on PostgreSQL.
  const kept: KeptSessionRows = new KeptSessions(app.database.changeToken);
  const idleMs = app.config.SESSION_IDLE_SECONDS * 1000;
  // The same kept sessions for the kept-page lane (kept-page-lane.ts), which answers before this hook.
  app.decorate('sessionOf', (token: string, isActivity: boolean) => resolveSession(app.database.db, token, app.clock, idleMs, isActivity, kept));

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/') || request.url === '/healthz') return;
    // The JSON API speaks the language of Accept-Language and knows its callers by bearer token only.
    if (isApiUrl(request.url)) {
      request.locale = localeOfAcceptLanguage(request.headers['accept-language']);
      request.t = translator(request.locale);
      return;
    }
    // The language the visitor chose, until their account says otherwise: a page that fails while
    // the session is read (the database away) still speaks it.
    const cookieLang = request.cookies[langCookie];
    request.locale = isLocale(cookieLang) ? cookieLang : DEFAULT_LOCALE;
    request.t = translator(request.locale);
    const token = request.cookies[sessionCookie];
    if (token) {
      // The timeout warning's calls are not the person's activity: reading the session must neither
      // extend it nor end it (its cookie stays, for the form the page may send next); « Rester
      // connecté » extends a live one itself.
      const isActivity = request.url !== SESSION_STATE_PATH && request.url !== SESSION_EXTEND_PATH;
      const resolved = await app.sessionOf(token, isActivity);
      if (resolved && 'account' in resolved) {
        request.account = resolved.account;
        request.session = resolved.session;
        request.sessionToken = token;
        request.pageVersions = resolved.pageVersions;
      } else {
        request.sessionExpired = resolved !== null;
        request.expiredAccountId = resolved?.accountId ?? null;
        if (isActivity) reply.clearCookie(sessionCookie, { path: '/' });
      }
    }

    if (request.account) {
      request.locale = request.account.locale;
      request.t = translator(request.locale);
    }

    let csrf = request.cookies[csrfCookie];
    const bound = request.sessionToken ? sessionCsrfToken(request.sessionToken) : undefined;
    if (bound ? csrf !== bound : !csrf || csrf.length < 32) {
      csrf = bound ?? randomBytes(32).toString('base64url');
      reply.setCookie(csrfCookie, csrf, cookieOptions(app.config, ONE_YEAR));
    }
    request.csrfToken = bound ?? (csrf as string);
  });
}

export { ONE_YEAR };
