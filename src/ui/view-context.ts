import type { Account } from '../db/database';
import type { Locale } from '../platform/i18n/locale';
import type { Translate } from '../platform/i18n/translate';
import type { SiteInfo } from './site';

/** What every view may need from the request, passed down explicitly (no globals). */
export interface ViewContext {
  t: Translate;
  locale: Locale;
  account: Account | null;
  csrfToken: string;
  path: string;
  /**
   * Where the language switch and « Rester connecté » bring the person back: this page's path with
   * its query (e.g. `/connexion?suivant=/messages/12` keeps where they were going), or the path
   * alone when the query would not pass as a return target (safeReturnPath). Absent: the path.
   */
  returnPath?: string;
  unreadCount: number;
  /** The organization's logo and contact centre (configuration); the defaults when absent. */
  site?: SiteInfo;
  /** Signed in: how long the session lives without a request (the timeout warning counts from it). */
  sessionIdleSeconds?: number;
  /** The page's form holds what the person had typed when their session ended (platform/http/form-draft.ts). */
  isFormRestored?: boolean;
}
