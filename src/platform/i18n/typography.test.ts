import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogs } from './catalog';

/**
 * French typography of every catalogue string: a narrow no-break space (U+202F) before « ; : ? ! »
 * and inside « guillemets », never a plain or a wide no-break space, never none; one kind of
 * apostrophe in both languages — the straight one, as the guide writes its labels.
 */
export function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  if (/[ \u00a0][;:?!»]|«[ \u00a0]/.test(text)) problems.push('a space that is not U+202F before « ; : ? ! » or inside « »');
  if (/[\p{L}\d)»][;?!]|«[^\u202f]|[^\u202f]»/u.test(text)) problems.push('no narrow no-break space before « ; : ? ! » or inside « »');
  return problems;
}

export function apostropheProblems(text: string): string[] {
  return text.includes('\u2019') ? ['a curly apostrophe (’): the catalogues use the straight one'] : [];
}

test('the checks catch what they look for', () => {
  assert.equal(frenchTypographyProblems('Courriel : a').length, 1);
  assert.equal(frenchTypographyProblems('Vraiment?').length, 1);
  assert.equal(frenchTypographyProblems('préremplis; vous').length, 1);
  assert.ok(frenchTypographyProblems('« Planifié »').length >= 1);
  assert.equal(frenchTypographyProblems('«Planifié»').length, 1);
  assert.deepEqual(frenchTypographyProblems('Courriel\u202f: https://x.ca, 10:00, «\u202fPlanifié\u202f», Oui\u202f!'), []);
  assert.equal(apostropheProblems('l’heure').length, 1);
  assert.deepEqual(apostropheProblems("l'heure"), []);
});

test('every French string follows French typography, and both languages use one apostrophe', () => {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(catalogs.fr)) for (const p of [...frenchTypographyProblems(text), ...apostropheProblems(text)]) problems.push(`fr ${key}: ${p} — ${text}`);
  for (const [key, text] of Object.entries(catalogs.en)) for (const p of apostropheProblems(text)) problems.push(`en ${key}: ${p} — ${text}`);
  assert.deepEqual(problems, []);
});
