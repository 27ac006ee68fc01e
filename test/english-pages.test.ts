import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { buildTestApp, type TestClient } from './helpers/app';
import { dialectName } from './helpers/database';
import { crawlPages } from './helpers/crawl';

/**
 * English pages never show French interface text: every page each demo persona reaches
 * in English, read as a person reads it, fails on a French interface word. Text the page marks as
 * French (`lang="fr"`: a person's own words, the ministry's name) is French on purpose and skipped,
 * and so is what a person typed.
 * What staff wrote (an action's title, a note) is the person's data, in the language it was
 * written in: the list holds interface words, not the common words such data is made of.
 */

const PERSONAS = ['john.doe@example.com', 'jane.roe@example.com', 'sam.nouveau@example.com', 'ana.silva@example.com', 'marie.tremblay@example.com', 'admin@example.com'];
const SKIP = /^\/(deconnexion|langue|api|assets|icons|dev\/|manifest|marque)|\.ics$|\.pdf$|\.json$|\/donnees|\/export/;
const MAX_PAGES = 60;

/** Words and phrases of the French interface that have no business on an English page. */
export const FRENCH_WORDS = [
  'poste',
  'sans frais',
  'Planifié',
  'Terminé',
  'Annulé',
  'Annuler',
  'Consulter',
  'Confirmer',
  'Déconnexion',
  'Mes dossiers',
  'Mes documents',
  'Mes actions',
  'À faire',
  'Complétées',
  'Oui',
  'Retour',
  'Enregistrer',
  'Modifier',
  'Courriel',
  'Mot de passe',
  'connecté',
  'connectée',
  'heure',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'janvier',
  'février',
  'avril',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'Aucun',
  'Aucune',
  'Bonjour',
  'Fermer',
  'Suivant',
  'Précédent',
  'Nous joindre',
  'Accessibilité',
  'Confidentialité',
  "Conditions d'utilisation",
  'Rendez-vous',
  'Centre des messages',
  'Agente',
  'ATS',
];
const PATTERN = new RegExp(`(?<![\\p{L}'-])(?:${FRENCH_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}'-])|\\d\\sh\\s\\d\\d`, 'u');

/** The text a person reads, without what the page marks as French on purpose. */
export function englishText(html: string): string {
  const { document } = parseHTML(html);
  // `.app-preserve-lines` holds what a person typed (a cancellation's comment, their availability):
  // their own words in their own language, not the interface's.
  for (const node of document.querySelectorAll('script, style, template, [lang|="fr"], .app-preserve-lines')) node.remove();
  return (document.body?.textContent ?? '').replace(/[ \t\r\n]+/g, ' ');
}

export function frenchIn(text: string): string[] {
  const found: string[] = [];
  const global = new RegExp(PATTERN.source, 'gu');
  for (const m of text.matchAll(global)) found.push(`${JSON.stringify(m[0])} in ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 40))}`);
  return found;
}

describe(`English pages show no French interface text (${dialectName})`, () => {
  test('the check catches what it looks for', () => {
    assert.equal(frenchIn('514 864-9191, poste 1234').length, 1);
    assert.equal(frenchIn('Thursday, 10 h 00').length, 1);
    assert.equal(frenchIn('Status: Planifié').length, 1);
    assert.deepEqual(frenchIn('514 864-9191, ext. 1234 · Accompagnement Québec · Thursday, December 3, 2026, 10:00 a.m. · Scheduled · postal · Answers'), []);
    assert.equal(englishText('<!doctype html><html lang="en"><body><p>Hello</p><p lang="fr">Bonjour, votre dossier</p></body></html>'), 'Hello');
  });

  test('every page the demo personas reach in English, and the public pages', async (t) => {
    const { client } = await buildTestApp(t, { start: new Date('2026-11-26T14:00:00Z') });
    const failures: string[] = [];
    let checked = 0;
    const sessions: Array<[string, TestClient, string[]]> = [['anonymous', await client(), ['/connexion', '/compte/creer', '/mot-de-passe-oublie', '/nous-joindre']]];
    for (const email of PERSONAS) sessions.push([email, await client(email), ['/']]);
    for (const [who, browser, start] of sessions) {
      await browser.post('/langue', { lang: 'en', retour: '/' });
      const first = await browser.get(start[0]);
      const entry = first.statusCode === 303 ? [String(first.headers.location), ...start.slice(1)] : start;
      for (const [url, html] of await crawlPages(browser, entry, SKIP, MAX_PAGES)) {
        checked += 1;
        for (const problem of frenchIn(englishText(html))) failures.push(`${who} ${url}: ${problem}`);
      }
    }
    assert.ok(checked > 40, `only ${checked} pages reached`);
    assert.equal(failures.length, 0, `French on English pages:\n${failures.join('\n')}`);
  });
});
