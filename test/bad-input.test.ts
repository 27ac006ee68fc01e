import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from './helpers/app';
import { dialectName } from './helpers/database';
import { routeTable } from './helpers/route-table';

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

/**
 * Every route of the route table, as a visitor, a client, an agent and a manager: a body in a type
 * no parser reads is a 415 in the person's language (a page, or a problem document under /api),
 * a JSON body that is not an object is no form (400), and an odd path parameter (a NUL, a huge
 * number, unicode, bytes that are not UTF-8) is a 4xx — never a 5xx, on SQLite and PostgreSQL.
 */
test(`content types and path parameters over every route: 4xx, never 5xx (${dialectName})`, async (t) => {
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const routes = routeTable(app).filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
  const bodyRoutes = routes.filter((r) => r.method !== 'GET');
  assert.ok(bodyRoutes.length >= 40, `the route table was read (${bodyRoutes.length} routes with a body)`);
  const failures: string[] = [];
  let requests = 0;
  const inject = async (who: string, headers: Record<string, string>, method: string, url: string, payload: string | undefined, expect: (status: number) => boolean) => {
    requests++;
    const response = await app.inject({ method: method as 'POST', url, headers, payload, remoteAddress: `198.51.100.${requests % 250}` });
    if (response.statusCode >= 500 || !expect(response.statusCode)) failures.push(`${response.statusCode} ${who} ${method} ${url} ${headers['content-type'] ?? ''}`);
    return response;
  };

  for (const email of [null, 'john.doe@example.com', 'marie.tremblay@example.com', 'admin@example.com']) {
    const who = email ?? 'visitor';
    const client = await testApp.client(email ?? undefined);
    if (!client.csrf) await client.get('/connexion');
    // The visitor chose English; the demo accounts speak French.
    if (!email) client.cookies.set('aq_lang', 'en');
    const headers = { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': client.csrf };
    // A real id fills each parameter, so that the request would reach the handler if it got past the body.
    const filled = (pattern: string) => pattern.replace(/:[a-zA-Z]+/g, '1');

    for (const route of bodyRoutes) {
      const url = filled(route.pattern);
      for (const [type, payload] of [
        ['text/plain', `_csrf=${client.csrf}&body=hello`],
        ['text/plain; charset=utf-8', 'hello'],
        ['application/octet-stream', '\u0000\u0001binary'],
        ['multipart/form-data', '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
        ['multipart/form-data; boundary=x', '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
      ]) {
        // The API knows its callers first (401 without a token); pages read the body first.
        const response = await inject(who, { ...headers, 'content-type': type }, route.method, url, payload, (status) => status === 415 || (status === 401 && url.startsWith('/api/')));
        if (response.statusCode === 415 && !url.startsWith('/api/') && !response.body.includes(email ? 'Format non pris en charge' : 'Format not supported'))
          failures.push(`415 without its page in the person's language: ${route.method} ${url}`);
        if (response.statusCode === 415 && url.startsWith('/api/') && !String(response.headers['content-type']).startsWith('application/problem+json'))
          failures.push(`415 without a problem document: ${route.method} ${url}`);
      }
      if (url.startsWith('/api/')) continue;
      // A JSON body to a form route: the fields of a form are an object, never a list or a number.
      for (const payload of ['[1]', '["_csrf"]', '"text"', '42', 'null', 'true']) {
        await inject(who, { ...headers, 'content-type': 'application/json' }, route.method, url, payload, (status) => status === 400);
      }
    }

    for (const route of routes.filter((r) => r.pattern.includes(':'))) {
      for (const odd of ['%00', 'a%00b', '1%00', '9'.repeat(40), '2147483648', '1e999', '%C3%A9', '%F0%9F%98%80', '%ED%A0%80', '%E9', '%E2%80%AE1']) {
        const url = route.pattern.replace(/:[a-zA-Z]+/g, odd);
        const isNul = odd.includes('%00');
        // Sent without a body: the path alone must be refused (404, or the 400/401/403 of what comes first).
        await inject(who, { ...headers }, route.method, url, undefined, (status) => (isNul ? [400, 401, 403, 404].includes(status) : status < 500));
      }
    }
  }
  t.diagnostic(`${requests} requests over ${routes.length} routes, ${failures.length} unexpected`);
  assert.deepEqual(failures.slice(0, 300), [], `${failures.length} unexpected answers`);
});
