import type { StatedAvailability } from './free-slots.service';

/**
 * The client's stated availability, as the slot search reads it: the request's days and periods
 * (« Matin (9 h à 12 h) », « Après-midi (13 h à 17 h) », as the request form words them), or the
 * latest cancellation's « Vos disponibilités », free text in which day and period words are
 * recognized (« les mardis après-midi », "Monday or Friday morning"). The cancellation is the
 * newer word, so it wins when it names a day or a period; text that names neither is only shown.
 */

const REQUEST_DAYS: Record<string, number> = { lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5 };
const PERIODS = {
  matin: { startMinute: 9 * 60, endMinute: 12 * 60 },
  apres_midi: { startMinute: 13 * 60, endMinute: 17 * 60 },
} as const;

const TEXT_DAYS: Array<[RegExp, number]> = [
  [/\b(lundi|monday|mon)s?\b/, 1],
  [/\b(mardi|tuesday|tue|tues)s?\b/, 2],
  [/\b(mercredi|wednesday|wed)s?\b/, 3],
  [/\b(jeudi|thursday|thu|thurs)s?\b/, 4],
  [/\b(vendredi|friday|fri)s?\b/, 5],
];
const TEXT_PERIODS: Array<[RegExp, keyof typeof PERIODS]> = [
  [/\b(matin|matinee|avant-midi|avant midi|morning)s?\b/, 'matin'],
  [/\b(apres-midi|apres midi|afternoon)s?\b/, 'apres_midi'],
];

/** From the request's answers (`days`: lundi…vendredi, `periods`: matin, apres_midi); null when none. */
export function fromRequest(days: readonly string[] | undefined, periods: readonly string[] | undefined): StatedAvailability | null {
  const weekdays = (days ?? []).map((d) => REQUEST_DAYS[d]).filter((d): d is number => d !== undefined);
  const ranges = (periods ?? []).filter((p): p is keyof typeof PERIODS => p in PERIODS).map((p) => PERIODS[p]);
  return weekdays.length === 0 && ranges.length === 0 ? null : { weekdays, periods: ranges };
}

/** From « Vos disponibilités » (free text, French or English); null when it names no day nor period. */
export function fromText(text: string | null | undefined): StatedAvailability | null {
  if (!text) return null;
  const plain = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const weekdays = TEXT_DAYS.filter(([word]) => word.test(plain)).map(([, day]) => day);
  const periods = TEXT_PERIODS.filter(([word]) => word.test(plain)).map(([, period]) => PERIODS[period]);
  return weekdays.length === 0 && periods.length === 0 ? null : { weekdays, periods };
}

/** The newest statement that says something: the cancellation's text, else the request's answers. */
export function statedAvailability(request: StatedAvailability | null, cancellationText: string | null | undefined): StatedAvailability | null {
  return fromText(cancellationText) ?? request;
}
