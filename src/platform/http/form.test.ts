import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeComeBackUrl, safeReturnPath } from './form';

test('safeReturnPath keeps a same-site path with its query and fragment', () => {
  for (const path of ['/', '/mes-dossiers', '/rendez-vous?onglet=termine', '/accompagnement-quebec#emploi', '/a%2Fb?x=%C3%A9']) {
    assert.equal(safeReturnPath(path, '/home'), path);
  }
});

test('safeReturnPath refuses anything a browser could read as another site, or a header cannot carry', () => {
  const hostile = [
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'evil.example',
    '/a\u0000b',
    '/a\u007fb',
    '/caf\u00e9',
    '/\u2028',
    '/\u{1F600}',
    '/a b',
    '/../../x',
    '',
  ];
  for (const value of hostile) assert.equal(safeReturnPath(value, '/home'), '/home', JSON.stringify(value));
  for (const value of [undefined, null, 42, ['/x'], { a: 1 }]) assert.equal(safeReturnPath(value, '/home'), '/home');
});

test('safeComeBackUrl keeps the page with its query, unless the query carries an unsafe return target', () => {
  assert.equal(safeComeBackUrl('/connexion?suivant=%2Fmessages%2F12', '/connexion'), '/connexion?suivant=%2Fmessages%2F12');
  assert.equal(safeComeBackUrl('/espace/clients?tri=nom', '/espace/clients'), '/espace/clients?tri=nom');
  for (const target of ['/\n/evil.example', '//evil.example', 'https://evil.example', '/\\evil.example']) {
    assert.equal(safeComeBackUrl(`/connexion?suivant=${encodeURIComponent(target)}`, '/connexion'), '/connexion', target);
    assert.equal(safeComeBackUrl(`/langue?retour=${encodeURIComponent(target)}`, '/langue'), '/langue', target);
  }
});
