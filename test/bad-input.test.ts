import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from './helpers/app';
import { dialectName } from './helpers/database';

/**
 * Bad input gets a 4xx with a message, never a 500: every client route is hit with odd ids, odd
 * query strings and odd bodies, signed in as John Doe.
 */
test(`no route answers 5xx to malformed input (${dialectName})`, async (t) => {
  const { client, app } = await buildTestApp(t);
  const john = await client('john.doe@example.com');
  const ids = ['0', '-1', '1.5', '1e3', '99999999999999999999', 'abc', '%00', '..%2F..', '1%20OR%201=1', "1'", 'ﬀ'];
  const getTemplates = [
    '/rendez-vous/:id',
    '/rendez-vous/:id/agenda.ics',
    '/rendez-vous/:id/annuler',
    '/rendez-vous/:id/annulation',
    '/messages/:id',
    '/accompagnement-quebec/actions/:id',
    '/accompagnement-quebec/notes/:id',
  ];
  const queries = ['?onglet=', '?onglet[]=x', '?onglet=%00', `?onglet=${'x'.repeat(5000)}`, '?onglet=termine&onglet=planifie', '?suivant=//evil', '?modifiee=2'];
  const urls = [
    ...getTemplates.flatMap((template) => ids.map((id) => template.replace(':id', id))),
    ...['/rendez-vous', '/accompagnement-quebec/actions', '/messages', '/connexion', '/accompagnement-quebec'].flatMap((path) => queries.map((q) => path + q)),
  ];
  for (const url of urls) {
    const response = await john.get(url);
    assert.ok(response.statusCode < 500, `GET ${url} → ${response.statusCode}`);
  }

  const postTemplates = ['/rendez-vous/:id/annuler', '/accompagnement-quebec/actions/:id/terminer', '/connexion', '/deconnexion', '/langue'];
  const forms: Record<string, string | null>[] = [
    {},
    { reason: '', comment: '', version: '' },
    { reason: 'x'.repeat(10_000), comment: 'é'.repeat(20_000), version: '-3' },
    { version: 'NaN' },
    { version: '1e309' },
    { lang: 'de', retour: 'javascript:alert(1)' },
    { email: '\u0000', password: '\u0000' },
  ];
  for (const template of postTemplates) {
    for (const id of ['1', '2', 'abc', '99999999999999999999']) {
      const url = template.replace(':id', id);
      for (const form of forms) {
        const response = await john.post(url, form);
        assert.ok(response.statusCode < 500, `POST ${url} ${JSON.stringify(form).slice(0, 80)} → ${response.statusCode}`);
      }
      const arrays = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: `aq_csrf=${john.csrf}; aq_session=${john.cookies.get('aq_session')}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${john.csrf}&reason=a&reason=b&version=1&version=2&email=a&email=b`,
      });
      assert.ok(arrays.statusCode < 500, `POST ${url} with repeated fields → ${arrays.statusCode}`);
      for (const [type, payload] of [
        ['application/json', '{"_csrf": 1}'],
        ['text/plain', 'hello'],
        ['multipart/form-data; boundary=x', '--x--'],
      ]) {
        const odd = await app.inject({ method: 'POST', url, headers: { 'content-type': type, cookie: `aq_csrf=${john.csrf}` }, payload });
        assert.ok(odd.statusCode >= 400 && odd.statusCode < 500, `POST ${url} as ${type} → ${odd.statusCode}`);
      }
    }
  }
  const huge = await john.post('/connexion', { email: 'a'.repeat(200_000), password: 'b' });
  assert.equal(huge.statusCode, 413, 'a body over the limit is refused');
});
