import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import { translator } from '../../../platform/i18n/translate';
import type { ViewContext } from '../../../ui/view-context';
import { PlanHomePage } from './plan-home-page';
import { excerpt, telHref } from './text';

const ctx: ViewContext = { t: translator('fr'), locale: 'fr', account: null, csrfToken: 'x', path: '/accompagnement-quebec', unreadCount: 0 };

test('the 3.1 screen and the published plan both show « Prochaines étapes », with the next appointment in Québec time', () => {
  const next = { nextAppointment: { id: 7, kind: 'evaluation' as const, mode: 'telephone' as const, starts_at: '2026-12-01T15:00:00.000Z', ends_at: '2026-12-01T16:00:00.000Z' } };
  const without = render(<PlanHomePage ctx={ctx} home={{ state: 'notCreated' }} next={{}} />);
  assert.match(without, /Prochaines étapes/);
  assert.doesNotMatch(without, /Votre prochain rendez-vous/);
  const notCreated = render(<PlanHomePage ctx={ctx} home={{ state: 'notCreated' }} next={next} />);
  assert.match(notCreated, /n&#39;est pas encore créé|n'est pas encore créé/);
  assert.match(notCreated, /Votre prochain rendez-vous/);
  assert.match(notCreated, /mardi 1er décembre 2026/);
  assert.match(notCreated, /10\sh\s00 à 11\sh\s00 \(heure du Québec\)/);
  assert.match(notCreated, /href="\/rendez-vous\/7"/);
  const published = render(<PlanHomePage ctx={ctx} home={{ state: 'published', agent: null, notes: [] }} next={next} />);
  assert.match(published, /Prochaines étapes/);
  assert.match(published, /href="\/rendez-vous\/7"/);
});

test('excerpts cut at a word near 100 characters and end with « … »; short texts stay whole', () => {
  assert.equal(excerpt('Court.'), 'Court.');
  const long = excerpt('Bienvenue. '.repeat(30));
  assert.ok(long.endsWith('…') && long.length <= 101);
});

test('phone numbers as written become tel: links, with the extension', () => {
  assert.equal(telHref('514 864-9191, poste 1234'), 'tel:+15148649191;ext=1234');
  assert.equal(telHref('1 877 864-9191'), 'tel:+18778649191');
});
