import type { Account, Session } from '../../db/database';
import type { DatabaseHandle } from '../../db/connect';
import type { Config } from '../../config';
import type { Clock } from '../clock';
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
