import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { buildTestApp, type TestClient } from './helpers/app';
import { dialectName } from './helpers/database';
import { crawlPages } from './helpers/crawl';

/**
 * Every page each demo persona reaches by following links, in French and in English, read as a
 * person reads it (text only): no bare ISO date, no raw IANA zone (« Europe/Paris »), no hedged
 * plural (« client(s) »), no « p.m. » in French, and French punctuation
 * (« ; : ? ! » and the inside of « guillemets ») only after a narrow no-break space (U+202F).
 */

const PERSONAS = ['john.doe@example.com', 'jane.roe@example.com', 'sam.nouveau@example.com', 'ana.silva@example.com', 'marie.tremblay@example.com', 'admin@example.com'];
const SKIP = /^\/(deconnexion|langue|api|assets|icons|dev\/|manifest)|\.ics$|\/donnees|\/export/;
const MAX_PAGES = 60;

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
  if (locale === 'fr') {
    for (const m of text.matchAll(/\b[ap]\.m\./g)) problems.push(`English time in French ${around(m.index)}`);
    for (const m of text.matchAll(/[ \u00a0](?=[;:?!»])|«(?=[ \u00a0])/g)) problems.push(`space that is not U+202F ${around(m.index)}`);
  }
  return problems;
}

describe(`every page, in both languages, writes dates and French punctuation one way (${dialectName})`, () => {
  test('the checks catch what they look for', () => {
    assert.equal(typographyProblems('Reçu le 2026-12-03', 'fr').length, 1);
    assert.equal(typographyProblems('à 3:00 p.m.', 'fr').length, 1);
    assert.equal(typographyProblems('Courriel : a', 'fr').length, 1);
    assert.equal(typographyProblems('Vraiment ?', 'fr').length, 1);
    assert.equal(typographyProblems('« Planifié »', 'fr').length, 2);
    assert.deepEqual(typographyProblems('Courriel\u202f: a, «\u202fPlanifié\u202f», 10 h 00, https://x.ca/a?b', 'fr'), []);
    assert.deepEqual(typographyProblems('At 3:00 p.m.: ok?', 'en'), []);
    assert.equal(typographyProblems('16 h 00 (Europe/Paris)', 'fr').length, 1);
    assert.equal(typographyProblems('3 client(s)', 'en').length, 1);
  });

  test('demo personas and the sign-in pages', async (t) => {
    const { client } = await buildTestApp(t, { start: new Date('2026-11-26T14:00:00Z') });
    const failures: string[] = [];
    let checked = 0;
    const anonymous = await client();
    const sessions: Array<[string, TestClient, string[]]> = [['anonymous', anonymous, ['/connexion', '/compte/creer', '/mot-de-passe-oublie']]];
    for (const email of PERSONAS) sessions.push([email, await client(email), ['/']]);
    for (const [who, browser, start] of sessions) {
      for (const locale of ['fr', 'en'] as const) {
        await browser.post('/langue', { lang: locale, retour: '/' });
        const first = await browser.get(start[0]);
        const entry = first.statusCode === 303 ? [String(first.headers.location), ...start.slice(1)] : start;
        for (const [url, html] of await crawlPages(browser, entry, SKIP, MAX_PAGES)) {
          checked += 1;
          for (const problem of typographyProblems(visibleText(html), locale)) failures.push(`${who} ${locale} ${url}: ${problem}`);
        }
      }
    }
    assert.ok(checked > 60, `only ${checked} pages reached`);
    assert.deepEqual(failures, []);
  });
});
