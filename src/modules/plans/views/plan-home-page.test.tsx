import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import { translator } from '../../../platform/i18n/translate';
import type { ViewContext } from '../../../ui/view-context';
import { PlanHomePage } from './plan-home-page';
import { excerpt, telHref } from './text';

const ctx: ViewContext = { t: translator('fr'), locale: 'fr', account: null, csrfToken: 'x', path: '/accompagnement-quebec', unreadCount: 0 };

test('the 3.1 screen shows the first needs-assessment appointment in Québec time when the route passes one', () => {
  const without = render(<PlanHomePage ctx={ctx} home={{ state: 'notCreated' }} />);
  assert.doesNotMatch(without, /premier rendez-vous d&#39;évaluation des besoins :|premier rendez-vous d'évaluation des besoins :/);
  const withOne = render(<PlanHomePage ctx={ctx} home={{ state: 'notCreated' }} firstAssessment={{ id: 7, startsAt: '2026-12-01T15:00:00.000Z' }} />);
  assert.match(withOne, /évaluation des besoins : mardi 1er décembre 2026 à 10 h 00/);
  assert.match(withOne, /href="\/rendez-vous\/7"/);
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
