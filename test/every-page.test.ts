import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestClient } from './helpers/app';
import { dialectName } from './helpers/database';
import { crawlPages } from './helpers/crawl';
import { masculineOnlyProblems, typographyProblems, visibleText } from './helpers/page-text';

/**
 * Every page each demo persona reaches by following links, in French and in English, read as a
 * person reads it (text only): no bare ISO date, no raw IANA zone (« Europe/Paris »), no hedged
 * plural (« client(s) »), no « p.m. » in French, and French punctuation
 * (« ; : ? ! » and the inside of « guillemets ») only after a narrow no-break space (U+202F). No
 * demo client has given their « Accord en français »: no French page, theirs or staff's, uses a
 * masculine-only form (« connecté », « Le client était-il présent ? »; page-text.ts lists them).
 */

const PERSONAS = ['john.doe@example.com', 'jane.roe@example.com', 'sam.nouveau@example.com', 'ana.silva@example.com', 'marie.tremblay@example.com', 'admin@example.com'];
const SKIP = /^\/(deconnexion|langue|api|assets|icons|dev\/|manifest)|\.ics$|\/donnees|\/export/;
const MAX_PAGES = 60;

describe(`every page, in both languages, writes dates and French punctuation one way (${dialectName})`, () => {
  test('the checks catch what they look for', () => {
    assert.equal(typographyProblems('Reçu le 2026-12-03', 'fr').length, 1);
    assert.equal(typographyProblems('à 3:00 p.m.', 'fr').length, 1);
    assert.equal(typographyProblems('Courriel : a', 'fr').length, 1);
    assert.equal(typographyProblems('Vraiment ?', 'fr').length, 1);
    assert.equal(typographyProblems('« Planifié »', 'fr').length, 2);
    assert.deepEqual(typographyProblems('Courriel\u202f: a, «\u202fPlanifié\u202f», 10 h 00, https://x.ca/a?b', 'fr'), []);
    assert.deepEqual(typographyProblems('At 3:00 p.m.: ok?', 'en'), []);
    assert.equal(typographyProblems('16 h 00 (Europe/Paris)', 'fr').length, 1);
    assert.equal(typographyProblems('3 client(s)', 'en').length, 1);
    assert.equal(typographyProblems('à 10 h 00', 'fr').length, 1, 'a time that could break across lines');
    assert.equal(typographyProblems('at 3:00 p.m.', 'en').length, 1);
    assert.equal(masculineOnlyProblems('Vous êtes maintenant déconnecté.').length, 1);
    assert.equal(masculineOnlyProblems('Le client était-il présent\u202f? Absent').length, 4);
    assert.equal(masculineOnlyProblems('Votre agente vous a orienté vers un organisme. Vous êtes inscrit.').length, 2);
    assert.deepEqual(masculineOnlyProblems('Votre session est fermée. La personne était-elle présente\u202f? Absente. Appareils connectés. Note au client. Mes clients.'), []);
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
          const text = visibleText(html);
          for (const problem of typographyProblems(text, locale)) failures.push(`${who} ${locale} ${url}: ${problem}`);
          if (locale === 'fr') for (const problem of masculineOnlyProblems(text)) failures.push(`${who} ${locale} ${url}: ${problem}`);
        }
      }
    }
    assert.ok(checked > 60, `only ${checked} pages reached`);
    assert.deepEqual(failures, []);
  });
});
