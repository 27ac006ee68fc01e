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
  unreadCount: number;
  /** The organization's logo and contact centre (configuration); the defaults when absent. */
  site?: SiteInfo;
  /** Signed in: how long the session lives without a request (the timeout warning counts from it). */
  sessionIdleSeconds?: number;
  /** The page's form holds what the person had typed when their session ended (platform/http/form-draft.ts). */
  isFormRestored?: boolean;
}
