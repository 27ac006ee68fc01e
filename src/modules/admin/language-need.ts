import type { Locale } from '../../platform/i18n/locale';
import type { IntakeAnswers } from '../requests/request-draft.schema';
import { STAFF_LANGUAGES, type StaffLanguage } from './staff.service';

/**
 * The languages an agent should speak to serve a client, as staff language codes: the
 * interpreter's language when the request asks for an interpreter (an agent who speaks it spares
 * the interpreter), otherwise the languages the client said they speak, otherwise the language of
 * their account. `interpreter` keeps what the client typed, for the page.
 */
export interface LanguageNeed {
  codes: StaffLanguage[];
  interpreter: string | null;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** Other names people type for a language the staff may speak (the languages' own names come from Intl). */
const ALIASES: Record<string, StaffLanguage> = {
  farsi: 'fa',
  mandarin: 'zh',
  cantonais: 'zh',
  cantonese: 'zh',
  creole: 'ht',
  kreyol: 'ht',
  francais: 'fr',
  anglais: 'en',
};

let names: Map<string, StaffLanguage> | undefined;

/** Every way of naming a staff language: its code, its French and English names (Intl), the aliases. */
function namesOfLanguages(): Map<string, StaffLanguage> {
  if (names) return names;
  names = new Map(Object.entries(ALIASES));
  for (const locale of ['fr-CA', 'en-CA']) {
    const display = new Intl.DisplayNames([locale], { type: 'language' });
    for (const code of STAFF_LANGUAGES) names.set(fold(display.of(code) ?? code), code);
  }
  for (const code of STAFF_LANGUAGES) names.set(code, code);
  return names;
}

/** The staff languages a free text names (« Espagnol », "spanish, Arabic", « créole haïtien et anglais »); unknown ones are left out. */
export function languagesNamed(text: string): StaffLanguage[] {
  const known = namesOfLanguages();
  const found = new Set<StaffLanguage>();
  for (const part of text.split(/[,;/+&]|\bet\b|\band\b|\bou\b|\bor\b/i)) {
    const name = fold(part);
    const code = known.get(name) ?? known.get(name.split(' ')[0] ?? '');
    if (code) found.add(code);
  }
  return STAFF_LANGUAGES.filter((code) => found.has(code));
}

/** What a client needs, from their request's answers (none: `{}`) and their account's language. */
export function languageNeedOf(answers: IntakeAnswers, accountLocale: Locale): LanguageNeed {
  const first = answers.firstAppointment;
  const interpreter = first?.interpreter ? first.interpreterLanguage.trim() || null : null;
  const forInterpreter = interpreter ? languagesNamed(interpreter) : [];
  if (forInterpreter.length > 0) return { codes: forInterpreter, interpreter };
  const identification = answers.identification;
  const declared = new Set<string>([...(identification?.languages ?? []), ...languagesNamed(identification?.otherLanguages ?? '')]);
  const spoken = STAFF_LANGUAGES.filter((code) => declared.has(code));
  return { codes: spoken.length > 0 ? spoken : [accountLocale], interpreter };
}

/** Whether the agent speaks one of the languages the client needs. */
export const speaksFor = (agentLanguages: readonly string[], need: LanguageNeed) => need.codes.some((code) => agentLanguages.includes(code));
