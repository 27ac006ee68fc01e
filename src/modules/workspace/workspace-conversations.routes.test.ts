import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp, type TestClient } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';

// Tuesday 1 December 2026, 10:00 in Québec.
const START = new Date('2026-12-01T15:00:00Z');

const formKeyOf = (html: string, action: string) => {
  const form = html.slice(html.indexOf(`action="${action}"`));
  const key = form.match(/name="cle" value="([\w-]+)"/)?.[1];
  assert.ok(key, `the form ${action} carries a key`);
  return key;
};

/** John replies to his first message through the pages; returns the conversation's id. */
async function johnReplies(app: TestApp, text: string): Promise<number> {
  const john = await app.client('john.doe@example.com');
  const message = await app.database.db.selectFrom('messages').selectAll().where('client_id', '=', app.demo.john.id).orderBy('id').executeTakeFirstOrThrow();
  const page = await john.get(`/messages/${message.id}`);
  const sent = await john.post(`/messages/${message.id}/repondre`, { reponse: text, cle: formKeyOf(page.body, `/messages/${message.id}/repondre`) });
  assert.equal(sent.statusCode, 303);
  return message.id;
}

const conversationUrl = (app: TestApp, threadId: number) => `/espace/clients/${app.demo.john.id}/messages/${threadId}`;

async function answer(marie: TestClient, url: string, body: string) {
  const page = await marie.get(url);
  return marie.post(`${url}/repondre`, { body, cle: formKeyOf(page.body, `${url}/repondre`) });
}

describe(`the client's replies in the workspace (${dialectName})`, () => {
  test('Marie’s queue shows « Réponse de la personne à lire » due the next business day, linked to the conversation; the file lists it as « Réponse à lire »', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const marie = await app.client('marie.tremblay@example.com');
    const before = await marie.get('/espace');
    assert.doesNotMatch(before.body, /Réponse de la personne à lire/);
    const threadId = await johnReplies(app, 'Puis-je changer de mode ?');
    const queue = await marie.get('/espace');
    assert.match(
      queue.body,
      new RegExp(
        `John Doe[\\s\\S]*?Réponse de la personne à lire[\\s\\S]*?datetime="2026-12-02T15:00:00.000Z">Dû dans 8 h ouvrables[\\s\\S]*?href="${conversationUrl(app, threadId)}" aria-label="Lire la réponse de John Doe"`,
      ),
    );
    const file = await marie.get(`/espace/clients/${app.demo.john.id}`);
    assert.match(file.body, /<h2>Conversations avec la personne<\/h2>/);
    assert.match(file.body, new RegExp(`href="${conversationUrl(app, threadId)}">[^<]+</a> \\(2 messages\\)[\\s\\S]*?Réponse à lire`));
    const luc = await app.client('luc.gagnon@example.com');
    assert.doesNotMatch((await luc.get('/espace')).body, /Réponse de la personne à lire/);
    assert.equal((await luc.get(conversationUrl(app, threadId))).statusCode, 404);
    assert.equal((await luc.post(`${conversationUrl(app, threadId)}/lu`)).statusCode, 404);
  });

  test('the conversation page shows the reply signed with the client’s name; opening changes nothing, « Marquer la réponse comme lue » closes the item and says who read it', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const threadId = await johnReplies(app, 'Merci pour le rendez-vous.');
    const marie = await app.client('marie.tremblay@example.com');
    const url = conversationUrl(app, threadId);
    const page = await marie.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<strong class="app-conversation__author">John Doe<\/strong>/);
    assert.match(page.body, /Merci pour le rendez-vous\./);
    assert.match(page.body, /Réponse à lire/);
    assert.match((await marie.get('/espace')).body, /Réponse de la personne à lire/, 'a GET reads nothing');
    app.clock.advance(30 * 60_000);
    const marked = await marie.post(`${url}/lu`);
    assert.equal(marked.statusCode, 303);
    assert.equal(marked.headers.location, `${url}?lu=1`);
    const after = await marie.get(String(marked.headers.location));
    assert.match(after.body, /La réponse de la personne est marquée comme lue\./);
    assert.match(after.body, /Lue par Marie Tremblay le mardi 1er décembre 2026 à 10\sh\s30|Lue par Marie Tremblay le mardi 1 décembre 2026 à 10\sh\s30/);
    assert.doesNotMatch(after.body, /Marquer la réponse comme lue/);
    assert.doesNotMatch((await marie.get('/espace')).body, /Réponse de la personne à lire/);
    assert.match((await marie.get(`/espace/clients/${app.demo.john.id}`)).body, /Réponse de la personne lue par Marie Tremblay|Réponse de la personne lue/);
  });

  test('Marie answers from the file: the message lands in John’s conversation (same subject, her name), the item closes, an e-mail tells John; an empty answer is refused', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const threadId = await johnReplies(app, 'À quelle heure ?');
    const marie = await app.client('marie.tremblay@example.com');
    const url = conversationUrl(app, threadId);
    const empty = await answer(marie, url, '  ');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<a href="#body">Entrez le message\.<\/a>/);
    app.clock.advance(60_000);
    const mailsBefore = (await app.database.db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'john.doe@example.com').execute()).length;
    const sent = await answer(marie, url, 'À 9 h, au bureau.');
    assert.equal(sent.statusCode, 303);
    assert.match(String(sent.headers.location), new RegExp(`^${url}\\?envoye=1#message-\\d+$`));
    assert.doesNotMatch((await marie.get('/espace')).body, /Réponse de la personne à lire/, 'answering is reading');
    const mailsAfter = (await app.database.db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'john.doe@example.com').execute()).length;
    assert.equal(mailsAfter, mailsBefore + 1);

    const john = await app.client('john.doe@example.com');
    const list = await john.get('/messages');
    assert.match(list.body, new RegExp(`href="/messages/${threadId}"[\\s\\S]*?Non lu[\\s\\S]*?3 messages`));
    const conversation = await john.get(`/messages/${threadId}`);
    const order = ['Accompagnement Québec', 'Vous', 'Marie Tremblay'].map((name) => conversation.body.indexOf(`<strong class="app-conversation__author">${name}</strong>`));
    assert.ok(
      order.every((p, i) => p > 0 && (i === 0 || p > order[i - 1])),
      `oldest first: ${order}`,
    );
    assert.match(conversation.body, /À 9 h, au bureau\./);
  });

  test('in English: the queue, the file and the conversation page', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const threadId = await johnReplies(app, 'Hello');
    const marie = await app.client('marie.tremblay@example.com');
    await marie.post('/langue', { lang: 'en', retour: '/espace' });
    assert.match((await marie.get('/espace')).body, /Client&#39;s reply to read|Client's reply to read/);
    assert.match((await marie.get(`/espace/clients/${app.demo.john.id}`)).body, /Conversations with the client[\s\S]*Reply to read/);
    const page = await marie.get(conversationUrl(app, threadId));
    assert.match(page.body, /Mark the reply as read/);
    assert.match(page.body, /<h2 id="repondre">Reply to the client<\/h2>/);
  });

  test('a conversation of another client under John’s file is not found', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const janes = await app.database.db.selectFrom('messages').select('id').where('client_id', '=', app.demo.jane.id).executeTakeFirstOrThrow();
    const marie = await app.client('marie.tremblay@example.com');
    assert.equal((await marie.get(`/espace/clients/${app.demo.john.id}/messages/${janes.id}`)).statusCode, 404);
    assert.equal((await marie.post(`/espace/clients/${app.demo.john.id}/messages/${janes.id}/repondre`, { body: 'x', cle: 'k'.repeat(22) })).statusCode, 404);
  });
});
