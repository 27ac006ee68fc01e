import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApiTestApp } from '../../../test/helpers/api';
import { sendMessageToClient } from './message.service';

const START = new Date('2026-12-01T15:00:00Z');

describe('API /api/v1: replies in a conversation', () => {
  test('John replies over the API: 201 with the conversation; the same key gives one reply; empty → 422; foreign → 404; no agent → 409', async (t) => {
    const ctx = await buildApiTestApp(t, { start: START });
    const john = ctx.api(await ctx.tokenFor('john.doe@example.com'), { 'accept-language': 'en' });
    const [message] = (await john.GET('/api/v1/messages')).data!.items;
    assert.equal(message!.conversationId, message!.id, 'a first message opens its conversation');
    const path = { id: message!.id };
    const sent = await john.POST('/api/v1/messages/{id}/replies', { params: { path }, body: { body: ' See you then. ', key: 'api-reply-key-000001' } });
    assert.equal(sent.response.status, 201);
    assert.equal(sent.data!.subject, message!.subject);
    const last = sent.data!.entries.at(-1)!;
    assert.deepEqual([last.kind, last.body, last.author, last.readAt], ['reply', 'See you then.', null, null]);
    const again = await john.POST('/api/v1/messages/{id}/replies', { params: { path }, body: { body: ' See you then. ', key: 'api-reply-key-000001' } });
    assert.equal(again.response.status, 201);
    assert.equal(again.data!.entries.filter((e) => e.kind === 'reply').length, 1);
    const conversation = await john.GET('/api/v1/messages/{id}/conversation', { params: { path } });
    assert.equal(conversation.data!.entries.length, 2);
    ctx.clock.advance(60_000);
    const client = { id: ctx.demo.john.id, email: ctx.demo.john.email, locale: 'fr' as const };
    const answered = await sendMessageToClient(
      ctx.database.db,
      { role: 'agent', id: ctx.demo.marie.id },
      { client, subject: '', body: 'Yes.', formKey: 'api-answer-key-000001', inReplyTo: message!.id },
      { clock: ctx.clock, publicUrl: 'https://aq.example.org' },
    );
    assert.ok(answered.ok);
    const listed = (await john.GET('/api/v1/messages')).data!.items.find((m) => m.id === answered.message.id);
    assert.equal(listed?.conversationId, message!.id, 'the answer belongs to the conversation');
    const three = await john.GET('/api/v1/messages/{id}/conversation', { params: { path: { id: answered.message.id } } });
    assert.deepEqual(
      three.data!.entries.map((e) => [e.kind, e.author]),
      [
        ['message', null],
        ['reply', null],
        ['message', 'Marie Tremblay'],
      ],
    );

    const empty = await john.POST('/api/v1/messages/{id}/replies', { params: { path }, body: { body: '  ', key: 'api-reply-key-000002' } });
    assert.equal(empty.response.status, 422);
    assert.deepEqual(empty.error!.errors, [{ field: 'body', pointer: '#/body', detail: 'Enter your reply.' }]);
    const tooLong = await john.POST('/api/v1/messages/{id}/replies', { params: { path }, body: { body: 'x'.repeat(2001), key: 'api-reply-key-000003' } });
    assert.equal(tooLong.response.status, 422);

    const jane = ctx.api(await ctx.tokenFor('jane.roe@example.com'));
    assert.equal((await jane.POST('/api/v1/messages/{id}/replies', { params: { path }, body: { body: 'Bonjour', key: 'api-reply-key-000004' } })).response.status, 404);
    assert.equal((await jane.GET('/api/v1/messages/{id}/conversation', { params: { path } })).response.status, 404);

    const [samsMessage] = await ctx.database.db
      .insertInto('messages')
      .values({ client_id: ctx.demo.sam.id, subject_fr: 'Demande reçue', subject_en: 'Request received', body_fr: 'Reçue.', body_en: 'Received.', created_at: START.toISOString(), read_at: null, dedupe_key: 'test:sam' })
      .returningAll()
      .execute();
    const sam = ctx.api(await ctx.tokenFor('sam.nouveau@example.com'));
    const refused = await sam.POST('/api/v1/messages/{id}/replies', { params: { path: { id: samsMessage.id } }, body: { body: 'Bonjour', key: 'api-reply-key-000005' } });
    assert.equal(refused.response.status, 409);
    assert.equal(refused.error!.code, 'MESSAGE.NO_AGENT');
    assert.equal((await ctx.database.db.selectFrom('message_replies').select('id').execute()).length, 1);
  });
});
