import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

const START = new Date('2026-12-01T15:00:00Z');
const JOHN = 'john.doe@example.com';

async function firstMessageOf(app: TestApp, clientId: number) {
  return app.database.db.selectFrom('messages').selectAll().where('client_id', '=', clientId).orderBy('id').executeTakeFirstOrThrow();
}

/** The form key the page handed out (a hidden field), as a browser would post it back. */
function formKeyOf(html: string): string {
  const key = html.match(/name="cle" value="([\w-]+)"/)?.[1];
  assert.ok(key, 'the page carries a form key');
  return key;
}

async function openAndReply(john: TestClient, id: number, text: string) {
  const page = await john.get(`/messages/${id}`);
  return john.post(`/messages/${id}/repondre`, { reponse: text, cle: formKeyOf(page.body) });
}

describe(`« Répondre » in the message centre (${dialectName})`, () => {
  test('the conversation page offers « Répondre »; a reply → 303 → the conversation with the reply signed « Vous », dated, after the message', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const message = await firstMessageOf(app, app.demo.john.id);
    const page = await john.get(`/messages/${message.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 id="repondre">Répondre<\/h2>/);
    assert.match(page.body, /<form method="post" action="\/messages\/\d+\/repondre"[^>]*novalidate/i);
    assert.match(page.body, /<label for="reponse">Votre réponse<\/label>/);
    const sent = await john.post(`/messages/${message.id}/repondre`, { reponse: 'Merci, je serai là.', cle: formKeyOf(page.body) });
    assert.equal(sent.statusCode, 303);
    const location = String(sent.headers.location);
    assert.match(location, new RegExp(`^/messages/${message.id}\\?envoye=1#reponse-\\d+$`));
    const after = await john.get(location.replace(/#.*/, ''));
    assert.match(after.body, /Votre réponse a été transmise/);
    const service = after.body.indexOf('<strong class="app-conversation__author">Accompagnement Québec</strong>');
    const mine = after.body.indexOf('<strong class="app-conversation__author">Vous</strong>');
    assert.ok(service > 0 && mine > service, 'oldest first, each signed');
    assert.match(after.body, /Merci, je serai là\./);
    assert.match(after.body, /le mardi 1er décembre 2026 à 10\sh\s00|le mardi 1 décembre 2026 à 10\sh\s00/);
  });

  test('in English: labels, signature and error message follow the language', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    await john.post('/langue', { lang: 'en', retour: '/' });
    const message = await firstMessageOf(app, app.demo.john.id);
    const page = await john.get(`/messages/${message.id}`);
    assert.match(page.body, /<h2 id="repondre">Reply<\/h2>/);
    assert.match(page.body, /Send the reply/);
    const empty = await john.post(`/messages/${message.id}/repondre`, { reponse: '', cle: formKeyOf(page.body) });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /class="app-error-summary"/);
    assert.match(empty.body, /<a href="#reponse">Enter your reply\.<\/a>/);
    const sent = await openAndReply(john, message.id, 'See you Thursday.');
    assert.equal(sent.statusCode, 303);
    const after = await john.get(String(sent.headers.location).replace(/#.*/, ''));
    assert.match(after.body, /<strong class="app-conversation__author">You<\/strong>/);
    assert.match(after.body, /Your reply has been sent/);
  });

  test('empty and too long replies: 400 with the error summary and the field message, the text kept, nothing stored', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const message = await firstMessageOf(app, app.demo.john.id);
    const page = await john.get(`/messages/${message.id}`);
    const empty = await john.post(`/messages/${message.id}/repondre`, { reponse: '   ', cle: formKeyOf(page.body) });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<a href="#reponse">Entrez votre réponse\.<\/a>/);
    assert.match(empty.body, /<p class="app-field__error" id="reponse-error">Entrez votre réponse\.<\/p>/);
    assert.match(empty.body, /aria-invalid="true"/);
    const long = 'a'.repeat(2001);
    const tooLong = await john.post(`/messages/${message.id}/repondre`, { reponse: long, cle: formKeyOf(page.body) });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /au plus 2\u202f000 caractères/);
    assert.ok(tooLong.body.includes(long), 'what was typed is kept');
    assert.equal((await app.database.db.selectFrom('message_replies').select('id').execute()).length, 0);
  });

  test('someone else’s, an unknown or a malformed message id answers 404 and stores nothing', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const janes = await firstMessageOf(app, app.demo.jane.id);
    for (const id of [String(janes.id), '999999', 'abc', '0']) {
      const response = await john.post(`/messages/${id}/repondre`, { reponse: 'Bonjour', cle: 'x'.repeat(22) });
      assert.equal(response.statusCode, 404, id);
    }
    const marie = await app.client('marie.tremblay@example.com');
    assert.equal((await marie.post(`/messages/${janes.id}/repondre`, { reponse: 'Bonjour', cle: 'y'.repeat(22) })).statusCode, 404);
    assert.equal((await app.database.db.selectFrom('message_replies').select('id').execute()).length, 0);
  });

  test('the same form posted twice gives one reply; both answers go to the conversation', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const message = await firstMessageOf(app, app.demo.john.id);
    const page = await john.get(`/messages/${message.id}`);
    const form = { reponse: 'Deux clics', cle: formKeyOf(page.body) };
    const [a, b] = await Promise.all([john.post(`/messages/${message.id}/repondre`, form), john.post(`/messages/${message.id}/repondre`, form)]);
    assert.equal(a.statusCode, 303);
    assert.equal(b.statusCode, 303);
    assert.equal(a.headers.location, b.headers.location);
    assert.equal((await app.database.db.selectFrom('message_replies').select('id').execute()).length, 1);
  });

  test('without an agent: no form, the reason said; a forged post is refused with 409 and the reason', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const [message] = await app.database.db
      .insertInto('messages')
      .values({ client_id: app.demo.sam.id, subject_fr: 'Demande reçue', subject_en: 'Request received', body_fr: 'Reçue.', body_en: 'Received.', created_at: START.toISOString(), read_at: null, dedupe_key: 'test:sam' })
      .returningAll()
      .execute();
    const sam = await app.client('sam.nouveau@example.com');
    const page = await sam.get(`/messages/${message.id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /name="reponse"/);
    assert.match(page.body, /Aucune agente ni aucun agent d'aide à l'intégration ne vous est encore attribué/);
    const forced = await sam.post(`/messages/${message.id}/repondre`, { reponse: 'Bonjour', cle: 'z'.repeat(22) });
    assert.equal(forced.statusCode, 409);
    assert.match(forced.body, /ne vous est encore attribué/);
    const forcedEmpty = await sam.post(`/messages/${message.id}/repondre`, { reponse: '', cle: 'z'.repeat(22) });
    assert.equal(forcedEmpty.statusCode, 409, 'no agent comes before the empty field');
    assert.doesNotMatch(forcedEmpty.body, /name="reponse"/);
    assert.equal((await app.database.db.selectFrom('message_replies').select('id').execute()).length, 0);
  });

  test('the message centre (a cached page) shows the conversation with its new count at the next request, and one line per conversation', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const message = await firstMessageOf(app, app.demo.john.id);
    const before = await john.get('/messages');
    assert.doesNotMatch(before.body, /2 messages/);
    assert.equal((await openAndReply(john, message.id, 'Question')).statusCode, 303);
    const after = await john.get('/messages');
    assert.match(after.body, new RegExp(`href="/messages/${message.id}">[^<]+</a>\\s*<span class="app-message-list__meta">[\\s\\S]*?2 messages[\\s\\S]*?Dernier message le`));
    assert.equal((after.body.match(new RegExp(`href="/messages/${message.id}"`, 'g')) ?? []).length, 1);
  });
});

describe(`the client's replies are theirs (${dialectName})`, () => {
  test('« Mes données » (the personal data export) carries John’s replies with their conversation', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const john = await app.client(JOHN);
    const message = await firstMessageOf(app, app.demo.john.id);
    assert.equal((await openAndReply(john, message.id, 'Ma réponse à exporter')).statusCode, 303);
    const data = JSON.parse((await john.get('/mes-documents/mes-donnees.json')).body);
    assert.deepEqual(
      data.messageReplies.map((r: { thread_id: number; body: string }) => [r.thread_id, r.body]),
      [[message.id, 'Ma réponse à exporter']],
    );
  });
});
