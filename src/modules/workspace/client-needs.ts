import type { Locale } from '../../platform/i18n/locale';
import { readAnswers } from '../requests/request-draft.schema';

/** What an agent should know before contacting a client, from the client's latest request. */
export interface ClientNeeds {
  /** The languages the client speaks, named in the reader's language. */
  languages: string[];
  /** The interpreter's language ('' when not said) when the client asked for one; null otherwise. */
  interpreter: string | null;
  /** The client's own words about accessibility, when they wrote any. */
  accessibility: string | null;
}

const namesByLocale = new Map<Locale, Intl.DisplayNames>();

/** Language names in the reader's language, one formatter per locale (a queue reads hundreds of requests). */
function languageNames(lang: Locale): Intl.DisplayNames {
  let names = namesByLocale.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang === 'en' ? 'en-CA' : 'fr-CA'], { type: 'language' });
    namesByLocale.set(lang, names);
  }
  return names;
}

/**
 * The needs the client wrote in their request (« Langues parlées », « Interprète », « Accessibilité »):
 * « Mes clients » and « Ma file de travail » flag the same things, read the same way.
 */
export function needsFromAnswers(answersJson: string | null, lang: Locale): ClientNeeds {
  const answers = readAnswers(answersJson);
  const names = languageNames(lang);
  const spoken = (answers.identification?.languages ?? []).map((code) => names.of(code) ?? code);
  const other = answers.identification?.otherLanguages?.trim();
  const first = answers.firstAppointment;
  return {
    languages: other ? [...spoken, other] : spoken,
    interpreter: first?.interpreter ? (first.interpreterLanguage ?? '').trim() : null,
    accessibility: first?.accessibility?.trim() || null,
  };
}
