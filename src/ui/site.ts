import type { Config } from '../config';
import type { Locale } from '../platform/i18n/locale';
import { formatTime } from './format/datetime';

/** The client contact centre, as configured (CONTACT_*): numbers as people write them. */
export interface ContactCentre {
  phone: string;
  phoneTollFree: string;
  /** Teletypewriter numbers (ATS in French) for deaf and hard-of-hearing people. */
  tty: string;
  ttyTollFree: string;
  /** Opening days (1 = Monday … 7 = Sunday) and hours, Québec time, `HH:MM`. */
  hours: { fromDay: number; toDay: number; opens: string; closes: string };
}

/** What the shell shows of the organization: its logo (or the wordmark) and its contact centre. */
export interface SiteInfo {
  /** Where the logo image is served from; absent: the text wordmark « Québec ». */
  logoSrc?: string;
  logoAlt: string;
  contact: ContactCentre;
}

/** Where a BRAND_LOGO given as a file is served (its URL is used as is). */
export const BRAND_LOGO_PATH = '/marque/logo';

export const isUrl = (value: string) => /^https?:\/\//.test(value);

export function siteInfo(config: Config): SiteInfo {
  const [days, times] = config.CONTACT_HOURS.trim().split(' ');
  const [fromDay, toDay] = days.split('-').map(Number);
  const [opens, closes] = times.split('-');
  return {
    logoSrc: config.BRAND_LOGO ? (isUrl(config.BRAND_LOGO) ? config.BRAND_LOGO : BRAND_LOGO_PATH) : undefined,
    logoAlt: config.BRAND_LOGO_ALT,
    contact: {
      phone: config.CONTACT_PHONE,
      phoneTollFree: config.CONTACT_PHONE_TOLL_FREE,
      tty: config.CONTACT_TTY,
      ttyTollFree: config.CONTACT_TTY_TOLL_FREE,
      hours: { fromDay, toDay, opens, closes },
    },
  };
}

/** The defaults, for views rendered outside a request (component examples, unit tests). */
export const DEFAULT_SITE: SiteInfo = {
  logoAlt: 'Québec',
  contact: { phone: '514 864-9191', phoneTollFree: '1 877 864-9191', tty: '514 864-8158', ttyTollFree: '1 866 227-5968', hours: { fromDay: 1, toDay: 5, opens: '08:30', closes: '16:30' } },
};

const DAY_NAMES: Record<Locale, string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** « du lundi au vendredi, de 8 h 30 à 16 h 30 » / "Monday to Friday, 8:30 a.m. to 4:30 p.m." */
export function openingHours(hours: ContactCentre['hours'], locale: Locale): string {
  // A time never breaks across lines (« 16 h 30 »): no-break spaces inside it.
  const time = (hhmm: string) => formatTime(`1970-01-01T${hhmm === '24:00' ? '00:00' : hhmm}:00Z`, locale, 'UTC').replace(/ /g, '\u00a0');
  const [from, to] = [DAY_NAMES[locale][hours.fromDay - 1], DAY_NAMES[locale][hours.toDay - 1]];
  if (locale === 'fr') {
    const days = from === to ? `le ${from}` : `du ${from} au ${to}`;
    return `${days}, de ${time(hours.opens)} à ${time(hours.closes)}`;
  }
  const days = from === to ? from : `${from} to ${to}`;
  return `${days}, ${time(hours.opens)} to ${time(hours.closes)}`;
}
