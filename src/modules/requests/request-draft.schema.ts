import { DateTime } from 'luxon';
import { isTimeZone } from '../../platform/i18n/time-zones';
import type { IntakeFieldCode } from './request.errors';

/** The answers of the request's steps, as kept in the draft and on the transmitted request. */
export const LOCATIONS = ['quebec', 'etranger'] as const;
export const STATUSES = ['resident_permanent', 'travailleur_temporaire', 'etudiant', 'refugie', 'demandeur_asile', 'citoyen', 'autre'] as const;
export const LANGUAGES = ['fr', 'en', 'es', 'ar'] as const;
export const MODES = ['telephone', 'visioconference', 'en_personne'] as const;
export const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'] as const;
export const PERIODS = ['matin', 'apres_midi'] as const;
/** Québec's 17 administrative regions (proper names, the same in both languages). */
export const REGIONS = [
  'Bas-Saint-Laurent',
  'Saguenay–Lac-Saint-Jean',
  'Capitale-Nationale',
  'Mauricie',
  'Estrie',
  'Montréal',
  'Outaouais',
  'Abitibi-Témiscamingue',
  'Côte-Nord',
  'Nord-du-Québec',
  'Gaspésie–Îles-de-la-Madeleine',
  'Chaudière-Appalaches',
  'Laval',
  'Lanaudière',
  'Laurentides',
  'Montérégie',
  'Centre-du-Québec',
] as const;

export interface Identification {
  location: (typeof LOCATIONS)[number];
  /** YYYY-MM-DD (typed in three boxes); past when in Québec, planned (today or later) when abroad. */
  arrivalDate: string;
  status: (typeof STATUSES)[number];
  /** The file number the government gave, if any ('' when none). */
  fileNumber: string;
  /** Household members who come along (not counting the person). */
  adults: number;
  children: number;
  languages: (typeof LANGUAGES)[number][];
  otherLanguages: string;
}

export interface FirstAppointment {
  mode: (typeof MODES)[number];
  /** Required for « en personne »; '' otherwise. */
  region: string;
  /** Required for « téléphone »; optional ('' when not given) otherwise. */
  phone: string;
  timeZone: string;
  days: (typeof DAYS)[number][];
  periods: (typeof PERIODS)[number][];
  interpreter: boolean;
  interpreterLanguage: string;
  accessibility: string;
}

export interface IntakeAnswers {
  identification?: Identification;
  firstAppointment?: FirstAppointment;
}

/** What is wrong with an answer of the request form (its field and message: REQUEST_ERRORS). */
export type StepProblem = IntakeFieldCode;

export type StepResult<T> = { ok: true; value: T } | { ok: false; problems: StepProblem[] };

export const TEXT_MAX = 500;
const FILE_NUMBER = /^[A-Za-z0-9-]{4,40}$/;
const PHONE = /^\+?[0-9 ().-]{7,25}$/;

const str = (raw: Record<string, unknown>, key: string, max = TEXT_MAX): string => {
  const value = raw[key];
  return typeof value === 'string' ? value.trim().slice(0, max + 1) : '';
};
/** Checkboxes: one value is a string, several an array; unknown values are dropped. */
const many = <T extends string>(raw: Record<string, unknown>, key: string, allowed: readonly T[]): T[] => {
  const value = raw[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return allowed.filter((option) => list.includes(option));
};
const oneOf = <T extends string>(value: string, allowed: readonly T[]): T | undefined => ((allowed as readonly string[]).includes(value) ? (value as T) : undefined);
const count = (value: string): number | undefined => (/^\d{1,2}$/.test(value) && Number(value) <= 20 ? Number(value) : undefined);

/** The three boxes of the arrival date (GOV.UK's date input): `arrivalDate-day`, `-month`, `-year`. */
const DATE_PARTS = ['day', 'month', 'year'] as const;
type DatePart = (typeof DATE_PARTS)[number];

const MISSING: Record<string, StepProblem> = {
  day: 'ARRIVAL_DATE_MISSING_DAY',
  month: 'ARRIVAL_DATE_MISSING_MONTH',
  year: 'ARRIVAL_DATE_MISSING_YEAR',
  'day month': 'ARRIVAL_DATE_MISSING_DAY_MONTH',
  'day year': 'ARRIVAL_DATE_MISSING_DAY_YEAR',
  'month year': 'ARRIVAL_DATE_MISSING_MONTH_YEAR',
};

/**
 * The arrival date from its three boxes, with GOV.UK's messages: nothing entered, which parts are
 * missing, a year of 4 digits, a real date, then the rules of the person's situation (past when in
 * Québec, planned when abroad), against today's date in Québec.
 */
function parseArrivalDate(raw: Record<string, unknown>, location: Identification['location'] | undefined, now: Date): { ok: true; date: string } | { ok: false; problem: StepProblem } {
  const parts = Object.fromEntries(DATE_PARTS.map((part) => [part, str(raw, `arrivalDate-${part}`, 6)])) as Record<DatePart, string>;
  const missing = DATE_PARTS.filter((part) => !parts[part]);
  if (missing.length === 3) return { ok: false, problem: 'ARRIVAL_DATE_REQUIRED' };
  if (missing.length > 0) return { ok: false, problem: MISSING[missing.join(' ')] };
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d+$/.test(parts.year)) return { ok: false, problem: 'ARRIVAL_DATE_INVALID' };
  if (!/^\d{4}$/.test(parts.year)) return { ok: false, problem: 'ARRIVAL_DATE_YEAR_FORMAT' };
  const date = DateTime.fromObject({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) }, { zone: 'America/Toronto' });
  if (!date.isValid) return { ok: false, problem: 'ARRIVAL_DATE_INVALID' };
  const today = DateTime.fromJSDate(now, { zone: 'America/Toronto' }).startOf('day');
  if (date.year < 1950 || date > today.plus({ years: 5 })) return { ok: false, problem: 'ARRIVAL_DATE_OUT_OF_RANGE' };
  if (location === 'quebec' && date > today) return { ok: false, problem: 'ARRIVAL_DATE_FUTURE' };
  if (location === 'etranger' && date < today) return { ok: false, problem: 'ARRIVAL_DATE_PAST' };
  return { ok: true, date: date.toISODate() ?? '' };
}

/** « Identification »: checks the posted fields against today's date in Québec. */
export function parseIdentification(raw: Record<string, unknown>, now: Date): StepResult<Identification> {
  const problems: StepProblem[] = [];
  const location = oneOf(str(raw, 'location'), LOCATIONS);
  if (!location) problems.push('LOCATION_INVALID');
  const arrival = parseArrivalDate(raw, location, now);
  if (!arrival.ok) problems.push(arrival.problem);
  const status = oneOf(str(raw, 'status'), STATUSES);
  if (!status) problems.push('STATUS_INVALID');
  const fileNumber = str(raw, 'fileNumber', 40);
  if (fileNumber && !FILE_NUMBER.test(fileNumber)) problems.push('FILE_NUMBER_INVALID');
  const adults = count(str(raw, 'adults', 3) || '0');
  if (adults === undefined) problems.push('ADULTS_INVALID');
  const children = count(str(raw, 'children', 3) || '0');
  if (children === undefined) problems.push('CHILDREN_INVALID');
  const languages = many(raw, 'languages', LANGUAGES);
  const otherLanguages = str(raw, 'otherLanguages', 200);
  if (otherLanguages.length > 200) problems.push('OTHER_LANGUAGES_TOO_LONG');
  if (languages.length === 0 && !otherLanguages) problems.push('LANGUAGES_REQUIRED');
  if (problems.length > 0 || !arrival.ok || !location || !status || adults === undefined || children === undefined) return { ok: false, problems };
  return { ok: true, value: { location, arrivalDate: arrival.date, status, fileNumber, adults, children, languages, otherLanguages } };
}

/** « Premier rendez-vous ». */
export function parseFirstAppointment(raw: Record<string, unknown>): StepResult<FirstAppointment> {
  const problems: StepProblem[] = [];
  const mode = oneOf(str(raw, 'mode'), MODES);
  if (!mode) problems.push('MODE_INVALID');
  const region = oneOf(str(raw, 'region'), REGIONS) ?? '';
  if (mode === 'en_personne' && !region) problems.push('REGION_INVALID');
  const phone = str(raw, 'phone', 25);
  // Only a telephone appointment needs the number; for the others it is optional, but checked when given.
  if (!phone) {
    if (mode === 'telephone') problems.push('PHONE_REQUIRED');
  } else if (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 7) problems.push('PHONE_INVALID');
  const timeZone = str(raw, 'timeZone', 64);
  if (!isTimeZone(timeZone)) problems.push('TIME_ZONE_INVALID');
  const days = many(raw, 'days', DAYS);
  if (days.length === 0) problems.push('DAYS_REQUIRED');
  const periods = many(raw, 'periods', PERIODS);
  if (periods.length === 0) problems.push('PERIODS_REQUIRED');
  const interpreterAnswer = str(raw, 'interpreter', 3);
  if (interpreterAnswer !== 'oui' && interpreterAnswer !== 'non') problems.push('INTERPRETER_INVALID');
  const interpreter = interpreterAnswer === 'oui';
  const interpreterLanguage = interpreter ? str(raw, 'interpreterLanguage', 100) : '';
  if (interpreter && !interpreterLanguage) problems.push('INTERPRETER_LANGUAGE_INVALID');
  if (interpreterLanguage.length > 100) problems.push('INTERPRETER_LANGUAGE_TOO_LONG');
  const accessibility = str(raw, 'accessibility');
  if (accessibility.length > TEXT_MAX) problems.push('ACCESSIBILITY_TOO_LONG');
  if (problems.length > 0 || !mode) return { ok: false, problems };
  return { ok: true, value: { mode, region: mode === 'en_personne' ? region : '', phone, timeZone, days, periods, interpreter, interpreterLanguage, accessibility } };
}

/** Reads stored answers back; anything unreadable counts as not answered. */
export function readAnswers(json: string | null | undefined): IntakeAnswers {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as IntakeAnswers;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}
