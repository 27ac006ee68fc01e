import { parseHTML } from 'linkedom';

/**
 * How a page reads to a person, checked by the every-page crawl (test/every-page.test.ts) and by
 * module tests over pages the demo data does not reach (a referral's pages need a referral).
 */

/** The text a person reads: body without scripts, styles and hidden inputs. */
export function visibleText(html: string): string {
  const { document } = parseHTML(html);
  // Hints that teach a field's format (« AAAA-MM-JJ, par exemple 2026-12-03 ») are not dates shown.
  for (const node of document.querySelectorAll('script, style, template, .app-field__hint')) node.remove();
  return (document.body?.textContent ?? '').replace(/[ \t\r\n]+/g, ' ');
}

/** The problems of one page's text in one language (an empty list when it is clean). */
export function typographyProblems(text: string, locale: 'fr' | 'en'): string[] {
  const problems: string[] = [];
  const around = (index: number) => JSON.stringify(text.slice(Math.max(0, index - 30), index + 30));
  for (const m of text.matchAll(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g)) problems.push(`bare ISO date ${around(m.index)}`);
  for (const m of text.matchAll(/\b(?:America|Europe|Africa|Asia|Pacific|Atlantic|Indian|Australia)\/[A-Z][\w-]*/g)) problems.push(`raw IANA zone ${around(m.index)}`);
  for (const m of text.matchAll(/\p{L}\(s\)/gu)) problems.push(`hedged plural « (s) » ${around(m.index)}`);
  // A time never breaks across lines: no-break spaces inside « 10 h 00 » and before « a.m. ».
  for (const m of text.matchAll(/\d h \d\d|\d:\d\d [ap]\.m\./g)) problems.push(`time with a breaking space ${around(m.index)}`);
  if (locale === 'fr') {
    for (const m of text.matchAll(/\b[ap]\.m\./g)) problems.push(`English time in French ${around(m.index)}`);
    for (const m of text.matchAll(/[ \u00a0](?=[;:?!»])|«(?=[ \u00a0])/g)) problems.push(`space that is not U+202F ${around(m.index)}`);
  }
  return problems;
}

/**
 * Words that agree only with a man, in what the service writes to or about a person whose
 * agreement is not known (issue 20, item 6): such text is épicène (« Votre session est fermée »,
 * « La personne était-elle présente ? ») or agreed with the person's « Accord en français ».
 * Whole words only: « connectée » and « connectés » (devices) pass. Each demo client has given no
 * agreement, so their pages, and staff pages about them, must use none of these.
 */
export const MASCULINE_ONLY_FORMS: ReadonlyArray<[string, RegExp]> = [
  ['connecté', /(?<!\p{L})(?:dé)?connecté(?!\p{L})/giu],
  ['présent / absent', /(?<!\p{L})(?:présent|absent)(?!\p{L})/giu],
  ['inscrit (a person)', /(?<!\p{L})vous êtes inscrit(?!\p{L})/giu],
  ['orienté', /(?<!\p{L})orienté(?!\p{L})/giu],
  ['invité / convoqué', /(?<!\p{L})(?:invité|convoqué)(?!\p{L})/giu],
  // « Note au client » is the kind of note (a staff label the contract names), not a person.
  ['le client', /(?<!\p{L})(?:le|du|(?<!Note )au|un|ce|votre|nouveau) client(?!\p{L})/giu],
  ['était-il', /(?<!\p{L})était-il(?!\p{L})/giu],
];

/** The masculine-only words of one French page's text (an empty list when it is épicène). */
export function masculineOnlyProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [name, pattern] of MASCULINE_ONLY_FORMS) {
    for (const m of text.matchAll(pattern)) problems.push(`masculine-only « ${name} » ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 30))}`);
  }
  return problems;
}
