import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToDocument, textOf } from '../../../../test/helpers/dom';
import type { Account } from '../../../db/database';
import { translator } from '../../../platform/i18n/translate';
import type { ViewContext } from '../../view-context';
import { SessionTimeout } from './session-timeout';

const signedIn = (locale: 'fr' | 'en'): ViewContext => ({
  t: translator(locale),
  locale,
  account: { id: 4, display_name: 'John Doe' } as Account,
  csrfToken: 'jeton',
  path: '/messages/3',
  unreadCount: 0,
  sessionIdleSeconds: 1800,
});

describe('« Votre session va se fermer »', () => {
  test('a closed modal dialog named by its heading and described by its text; « Continuer la session » first, focused, a form that works alone', () => {
    const document = renderToDocument(<SessionTimeout ctx={signedIn('fr')} />);
    const dialog = document.querySelector('dialog');
    assert.ok(dialog);
    assert.equal(dialog.hasAttribute('open'), false, 'closed: nothing shows without the script');
    assert.equal(dialog.getAttribute('data-module'), 'app-session-timeout');
    assert.equal(textOf(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')), 'Votre session va se fermer');
    assert.equal(textOf(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')), 'Par mesure de sécurité, votre session se fermera dans 2 minutes si vous ne faites rien.');
    assert.equal(dialog.querySelector('[aria-live="polite"]')?.textContent, '', 'a live line, empty until the script speaks');

    const [stay, signOut] = [...dialog.querySelectorAll('form')];
    assert.equal(stay.getAttribute('action'), '/session/prolonger');
    assert.equal(stay.querySelector('input[name="_csrf"]')?.getAttribute('value'), 'jeton');
    assert.equal(stay.querySelector('input[name="retour"]')?.getAttribute('value'), '/messages/3');
    const stayButton = stay.querySelector('button');
    assert.equal(textOf(stayButton), 'Continuer la session');
    assert.ok(stayButton?.hasAttribute('autofocus'));
    assert.equal(signOut.getAttribute('action'), '/deconnexion');
    assert.equal(textOf(signOut.querySelector('button')), 'Se déconnecter');
    assert.ok(dialog.querySelector('[data-session-sign-in]')?.hasAttribute('hidden'));

    const units = JSON.parse(dialog.getAttribute('data-units') ?? '{}');
    assert.deepEqual(units.minute, { one: '{count} minute', other: '{count} minutes' });
    assert.equal(dialog.getAttribute('data-idle-seconds'), '1800');
    assert.equal(dialog.getAttribute('data-warning-seconds'), '120');
  });

  test('in English; and nothing for a visitor', () => {
    const document = renderToDocument(<SessionTimeout ctx={signedIn('en')} />);
    assert.equal(textOf(document.querySelector('h2')), 'Your session is about to end');
    assert.deepEqual(
      [...document.querySelectorAll('button')].map((b) => textOf(b)),
      ['Stay signed in', 'Sign out', 'Sign in again'],
    );
    const visitor = renderToDocument(<SessionTimeout ctx={{ ...signedIn('fr'), account: null, sessionIdleSeconds: undefined }} />);
    assert.equal(visitor.querySelector('dialog'), null);
  });
});
