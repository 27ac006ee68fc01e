import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import type { Locale } from '../../../platform/i18n/locale';
import { translator } from '../../../platform/i18n/translate';
import type { ViewContext } from '../../../ui/view-context';
import { NextStepsPanel } from './next-steps';

const ctxOf = (locale: Locale, unreadCount = 0): ViewContext => ({ t: translator(locale), locale, account: null, csrfToken: 'x', path: '/accompagnement-quebec', unreadCount });
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

// Thursday, December 3, 2026, 14:00 in Québec (EST, UTC−5).
const DUE = '2026-12-03T19:00:00.000Z';
const NEXT = { id: 12, kind: 'suivi' as const, mode: 'visioconference' as const, starts_at: '2026-12-07T15:00:00.000Z', ends_at: '2026-12-07T16:00:00.000Z' };

test('a request waiting for its first appointment: the promised moment in words, French and English', () => {
  const fr = text(render(<NextStepsPanel ctx={ctxOf('fr')} next={{ firstProposalDueAt: DUE }} />));
  assert.match(fr, /Votre premier rendez-vous vous sera proposé au plus tard le jeudi 3 décembre 2026 à 14\sh\s00 \(heure du Québec\)\./);
  assert.doesNotMatch(fr, /Aucun rendez-vous/);
  const en = text(render(<NextStepsPanel ctx={ctxOf('en')} next={{ firstProposalDueAt: DUE }} />));
  assert.match(en, /Your first appointment will be proposed to you no later than Thursday, December 3, 2026 at 2:00\sp\.m\. \(Québec time\)\./);
});

test('after a cancellation: « Un nouveau rendez-vous vous sera proposé au plus tard le … », beside the next appointment when there is one', () => {
  const html = render(<NextStepsPanel ctx={ctxOf('fr')} next={{ reproposalDueAt: DUE, nextAppointment: NEXT }} />);
  const fr = text(html);
  assert.match(fr, /Un nouveau rendez-vous vous sera proposé au plus tard le jeudi 3 décembre 2026 à 14\sh\s00/);
  assert.match(fr, /Votre prochain rendez-vous/);
  assert.match(fr, /lundi 7 décembre 2026/);
  assert.match(fr, /10\sh\s00 à 11\sh\s00 \(heure du Québec\)/);
  assert.match(fr, /Visioconférence/);
  assert.match(fr, /Suivi/);
  assert.match(html, /<a href="\/rendez-vous\/12">Consulter ce rendez-vous<span class="app-visually-hidden"> du lundi 7 décembre 2026<\/span><\/a>/);
  assert.doesNotMatch(html, /2026-12-0[37]T/, 'no bare ISO date in the text');
});

test('none of them: says no appointment is scheduled; the messages line is always there', () => {
  const fr = text(render(<NextStepsPanel ctx={ctxOf('fr')} next={{}} />));
  assert.match(fr, /Aucun rendez-vous n'est planifié pour le moment\./);
  assert.doesNotMatch(fr, /sera proposé|prochain rendez-vous/);
  assert.match(fr, /Vous n'avez aucun nouveau message dans votre Centre des messages\./);
});

test('unread messages counted, with « Centre des messages » written out as a link, in both languages', () => {
  const one = render(<NextStepsPanel ctx={ctxOf('fr', 1)} next={{}} />);
  assert.match(one, /Vous avez 1 nouveau message dans votre <a href="\/messages">Centre des messages<\/a>\./);
  const three = render(<NextStepsPanel ctx={ctxOf('fr', 3)} next={{}} />);
  assert.match(three, /Vous avez 3 nouveaux messages dans votre <a href="\/messages">Centre des messages<\/a>\./);
  const en = render(<NextStepsPanel ctx={ctxOf('en', 2)} next={{}} />);
  assert.match(en, /You have 2 new messages in your <a href="\/messages">Message centre<\/a>\./);
});
