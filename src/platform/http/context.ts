import type { Account, Session } from '../../db/database';
import type { DatabaseHandle } from '../../db/connect';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { ResolvedSession } from '../session/session.service';
import type { Locale } from '../i18n/locale';
import type { Translate } from '../i18n/translate';

/** What every request carries once the platform hooks have run. */
declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
    clock: Clock;
    /** Unread messages for the header badge; the message centre replaces the default. */
    unreadCount: (accountId: number) => Promise<number>;
    /** The session of a cookie token, through the process's kept sessions (ADR 0014); `isActivity` false changes nothing. */
    sessionOf: (token: string, isActivity: boolean) => Promise<ResolvedSession>;
    /** Counts an answer in the request metrics (the kept-page lane answers without Fastify's hooks). */
    observeRequest: (method: string, route: string, statusCode: number, seconds: number) => void;
  }
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    account: Account | null;
    session: Session | null;
    sessionToken: string | null;
    sessionExpired: boolean;
    /** Whose session had just ended, when `sessionExpired`: a form posted then is kept for that account. */
    expiredAccountId: number | null;
    /** The versions of what the signed-in account's pages show, read with the session (ADR 0008). */
    pageVersions: { own: number; shared: number } | null;
    csrfToken: string;
  }
}
