import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import { parseIcs, property } from '../../../test/helpers/icalendar';

const JOHN = 'john.doe@example.com';

async function messagesOf(app: TestApp, clientId: number) {
  return app.database.db.selectFrom('messages').selectAll().where('client_id', '=', clientId).orderBy('created_at', 'desc').execute();
}

const badge = (html: string) => html.match(/<span class="app-visually-hidden">(Centre des messages[^<]*|Message centre[^<]*)<\/span>/)?.[1];

describe(`message centre (${dialectName})`, () => {
  test('the list shows the newest first and marks the unread ones visually and in words; the header counts them', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client(JOHN);
    const page = await john.get('/messages');
    assert.equal(page.statusCode, 200);
    assert.equal(badge(page.body), 'Centre des messages, 2 non lus');
    const stored = await messagesOf(app, app.demo.john.id);
    const positions = stored.map((m) => page.body.indexOf(`href="/messages/${m.id}"`));
    assert.ok(positions.every((p) => p > 0));
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'newest first',
    );
    assert.equal((page.body.match(/app-message-list__item--unread/g) ?? []).length, 2);
    assert.equal((page.body.match(/>Non lu</g) ?? []).length, 2);
    assert.equal((page.body.match(/>Lu</g) ?? []).length, stored.length - 2);
  });

  test('opening a message shows it whole and marks it read, once: the count drops by one and stays there', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client(JOHN);
    const unread = (await messagesOf(app, app.demo.john.id)).find((m) => m.read_at === null);
    assert.ok(unread);
    const page = await john.get(`/messages/${unread.id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`<h1>${unread.subject_fr}</h1>`));
    assert.match(page.body, /Marie Tremblay, a planifié un rendez-vous avec vous\./);
    assert.equal(badge(page.body), 'Centre des messages, 1 non lu');
    const firstRead = (await app.database.db.selectFrom('messages').select('read_at').where('id', '=', unread.id).executeTakeFirstOrThrow()).read_at;
    assert.ok(firstRead);
    app.clock.advance(60_000);
    await john.get(`/messages/${unread.id}`);
    const again = (await app.database.db.selectFrom('messages').select('read_at').where('id', '=', unread.id).executeTakeFirstOrThrow()).read_at;
    assert.equal(again, firstRead, 'idempotent');
    assert.equal(badge((await john.get('/messages')).body), 'Centre des messages, 1 non lu');
  });

  test('messages follow the reader’s language', async (t) => {
    const app = await buildTestApp(t);
    const jane = await app.client('jane.roe@example.com');
    await jane.post('/langue', { lang: 'en', retour: '/' });
    const [message] = await messagesOf(app, app.demo.jane.id);
    const page = await jane.get(`/messages/${message.id}`);
    assert.ok(page.body.includes(message.subject_en));
    assert.match(page.body, /has scheduled an appointment with you/);
  });

  test('someone else’s, an unknown or a malformed message id answers 404 and marks nothing read', async (t) => {
    const app = await buildTestApp(t);
    const [janes] = await messagesOf(app, app.demo.jane.id);
    const john = await app.client(JOHN);
    for (const id of [String(janes.id), '999999', 'abc', '0', '-3', '2.5']) {
      const response = await john.get(`/messages/${id}`);
      assert.equal(response.statusCode, 404, id);
      assert.doesNotMatch(response.body, new RegExp(janes.subject_fr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
    const still = await app.database.db.selectFrom('messages').select('read_at').where('id', '=', janes.id).executeTakeFirstOrThrow();
    assert.equal(still.read_at, null);
    const marie = await app.client('marie.tremblay@example.com');
    assert.equal((await marie.get(`/messages/${janes.id}`)).statusCode, 404);
  });
});

describe(`development outbox page (${dialectName})`, () => {
  test('an administrator sees the outbox in development; a client does not', async (t) => {
    const app = await buildTestApp(t);
    const john = await app.client(JOHN);
    const appointment = await app.database.db.selectFrom('appointments').selectAll().where('client_id', '=', app.demo.john.id).where('status', '=', 'planifie').executeTakeFirstOrThrow();
    await john.post(`/rendez-vous/${appointment.id}/annuler`, { reason: 'maladie' });
    assert.equal((await john.get('/dev/courriels')).statusCode, 404);
    const admin = await app.client('admin@example.com');
    const page = await admin.get('/dev/courriels');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /john\.doe@example\.com/);
    assert.match(page.body, /Rendez-vous du .* annulé/);
    // The cancellation's calendar file, as John's calendar receives it; not for John himself.
    const link = /href="(\/dev\/courriels\/\d+\/calendrier\.ics)"/.exec(page.body)?.[1];
    assert.ok(link, page.body);
    assert.equal((await john.get(link)).statusCode, 404);
    const file = await admin.get(link);
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-type']), /^text\/calendar; charset=utf-8; method=CANCEL/);
    const event = parseIcs(file.body).components.find((c) => c.name === 'VEVENT');
    assert.equal(event && property(event, 'STATUS')?.value, 'CANCELLED');
  });

  test('the page does not exist in production, not even for an administrator', async (t) => {
    const app = await buildTestApp(t, { env: { NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' } });
    const admin = await app.client('admin@example.com');
    assert.equal((await admin.get('/dev/courriels')).statusCode, 404);
    assert.equal((await (await app.client()).get('/dev/courriels')).statusCode, 404);
  });
});
