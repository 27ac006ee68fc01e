import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app';
import { dialectName } from '../../../test/helpers/database';
import type { Actor } from '../../platform/access/actor';
import { NotFoundError } from '../../platform/errors';
import { reassignClients } from '../admin/assignment.service';
import { appointmentDeps } from '../appointments/appointment.service';
import { workQueue } from '../workspace/work-queue.service';
import { getConversation, listConversations, markConversationRead, openConversation, REPLY_BODY_MAX, replyToMessage } from './conversation.service';
import { sendMessageToClient } from './message.service';

// Tuesday 1 December 2026, 10:00 in Québec: the demo data is laid out around it.
const START = new Date('2026-12-01T15:00:00Z');

const actors = (app: TestApp) => ({
  john: { role: 'client', id: app.demo.john.id } satisfies Actor,
  sam: { role: 'client', id: app.demo.sam.id } satisfies Actor,
  marie: { role: 'agent', id: app.demo.marie.id } satisfies Actor,
  luc: { role: 'agent', id: app.demo.luc.id } satisfies Actor,
  admin: { role: 'manager', id: app.demo.admin.id } satisfies Actor,
});

async function firstMessageOf(app: TestApp, clientId: number) {
  return app.database.db.selectFrom('messages').selectAll().where('client_id', '=', clientId).orderBy('id').executeTakeFirstOrThrow();
}

function queueOf(app: TestApp, actor: Actor) {
  return workQueue(app.database.db, actor, {
    clock: app.clock,
    firstAppointmentBusinessHours: app.app.config.FIRST_APPOINTMENT_BUSINESS_HOURS,
    businessDayStartHour: app.app.config.BUSINESS_DAY_START_HOUR,
    businessDayEndHour: app.app.config.BUSINESS_DAY_END_HOUR,
  });
}

const replies = (app: TestApp) => app.database.db.selectFrom('message_replies').selectAll().orderBy('id').execute();
const deps = (app: TestApp) => ({ clock: app.clock });

describe(`conversations: the client's replies (${dialectName})`, () => {
  test('John replies to a message: the reply is stored for Marie, audited, and follows the message in the conversation', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { john } = actors(app);
    const message = await firstMessageOf(app, app.demo.john.id);
    const result = await replyToMessage(app.database.db, john, { messageId: message.id, body: '  Merci,\r\nà jeudi.  ', formKey: 'k'.repeat(22) }, deps(app));
    assert.ok(result.ok);
    assert.equal(result.reply.body, 'Merci,\nà jeudi.');
    assert.equal(result.reply.agent_id, app.demo.marie.id);
    assert.equal(result.reply.thread_id, message.id);
    const audit = await app.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'message.replied').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0].client_id, app.demo.john.id);
    assert.equal(audit[0].actor_id, app.demo.john.id);
    const conversation = await getConversation(app.database.db, john, message.id);
    assert.deepEqual(
      conversation.entries.map((e) => e.kind),
      ['message', 'reply'],
    );
    assert.equal(conversation.unreadReplies, 1);
  });

  test('another client’s or an unknown message is not found, and nothing is written', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { john, marie } = actors(app);
    const janes = await firstMessageOf(app, app.demo.jane.id);
    for (const id of [janes.id, 999_999]) {
      await assert.rejects(replyToMessage(app.database.db, john, { messageId: id, body: 'Bonjour', formKey: 'a'.repeat(22) }, deps(app)), NotFoundError);
    }
    await assert.rejects(replyToMessage(app.database.db, marie, { messageId: janes.id, body: 'Bonjour', formKey: 'b'.repeat(22) }, deps(app)), NotFoundError, 'staff do not reply as the client');
    assert.equal((await replies(app)).length, 0);
  });

  test('an empty or too long reply is refused with its code; exactly the maximum is accepted', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { john } = actors(app);
    const message = await firstMessageOf(app, app.demo.john.id);
    const reply = (body: string, key: string) => replyToMessage(app.database.db, john, { messageId: message.id, body, formKey: key.repeat(22) }, deps(app));
    assert.deepEqual(await reply('  \n ', 'a'), { ok: false, code: 'REPLY_BODY_REQUIRED' });
    assert.deepEqual(await reply('x'.repeat(REPLY_BODY_MAX + 1), 'b'), { ok: false, code: 'REPLY_BODY_TOO_LONG' });
    assert.equal((await replies(app)).length, 0);
    assert.ok((await reply('x'.repeat(REPLY_BODY_MAX), 'c')).ok);
  });

  test('a client without an agent cannot reply: NO_AGENT, nothing stored', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { sam } = actors(app);
    const [message] = await app.database.db
      .insertInto('messages')
      .values({ client_id: app.demo.sam.id, subject_fr: 'Demande reçue', subject_en: 'Request received', body_fr: 'Reçue.', body_en: 'Received.', created_at: START.toISOString(), read_at: null, dedupe_key: 'test:sam' })
      .returningAll()
      .execute();
    assert.deepEqual(await replyToMessage(app.database.db, sam, { messageId: message.id, body: 'Bonjour ?', formKey: 's'.repeat(22) }, deps(app)), { ok: false, code: 'NO_AGENT' });
    assert.equal((await replies(app)).length, 0);
  });

  test('the same form submitted twice (even at once) writes one reply and one audit line', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { john } = actors(app);
    const message = await firstMessageOf(app, app.demo.john.id);
    const input = { messageId: message.id, body: 'Une seule fois', formKey: 'd'.repeat(22) };
    const [a, b] = await Promise.all([replyToMessage(app.database.db, john, input, deps(app)), replyToMessage(app.database.db, john, input, deps(app))]);
    const c = await replyToMessage(app.database.db, john, input, deps(app));
    assert.ok(a.ok && b.ok && c.ok);
    assert.equal(new Set([a.reply.id, b.reply.id, c.reply.id]).size, 1);
    assert.equal((await replies(app)).length, 1);
    assert.equal((await app.database.db.selectFrom('audit_log').select('id').where('action', '=', 'message.replied').execute()).length, 1);
  });

  test('« Réponse du client à lire » appears in Marie’s queue due one business day later, not in Luc’s, and closes when she marks it read (who and when kept)', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { john, marie, luc } = actors(app);
    const message = await firstMessageOf(app, app.demo.john.id);
    await replyToMessage(app.database.db, john, { messageId: message.id, body: 'Une question', formKey: 'e'.repeat(22) }, deps(app));
    app.clock.advance(60_000);
    await replyToMessage(app.database.db, john, { messageId: message.id, body: 'Une autre', formKey: 'f'.repeat(22) }, deps(app));
    const items = (await queueOf(app, marie)).filter((item) => item.kind === 'reply');
    assert.equal(items.length, 1, 'one item per conversation');
    assert.equal(items[0].clientId, app.demo.john.id);
    assert.equal(items[0].threadId, message.id);
    assert.equal(items[0].dueAt, '2026-12-02T15:00:00.000Z', 'Wednesday 10:00: one business day after the first reply');
    assert.equal((await queueOf(app, luc)).filter((item) => item.kind === 'reply').length, 0);
    await assert.rejects(markConversationRead(app.database.db, luc, message.id, app.clock), NotFoundError);

    app.clock.advance(3_600_000);
    const read = await markConversationRead(app.database.db, marie, message.id, app.clock);
    assert.equal(read.unreadReplies, 0);
    const stored = await replies(app);
    assert.ok(stored.every((r) => r.read_by === app.demo.marie.id && r.read_at === app.clock().toISOString()));
    assert.equal((await queueOf(app, marie)).filter((item) => item.kind === 'reply').length, 0);
    const again = await markConversationRead(app.database.db, marie, message.id, app.clock);
    assert.equal(again.entries.filter((e) => e.kind === 'reply' && e.readByName === 'Marie Tremblay').length, 2);
    assert.equal((await app.database.db.selectFrom('audit_log').select('id').where('action', '=', 'message.reply_read').execute()).length, 1, 'marking twice records once');
  });

  test('the reassigned client’s unread reply moves from Marie’s queue to Luc’s', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { john, marie, luc, admin } = actors(app);
    const message = await firstMessageOf(app, app.demo.john.id);
    await replyToMessage(app.database.db, john, { messageId: message.id, body: 'Bonjour', formKey: 'g'.repeat(22) }, deps(app));
    assert.equal((await queueOf(app, marie)).filter((item) => item.kind === 'reply').length, 1);
    const moved = await reassignClients(app.database.db, admin, { clientIds: [app.demo.john.id], agentId: app.demo.luc.id, note: 'Congé' }, appointmentDeps(app.app.config, app.clock));
    assert.ok(moved.ok);
    assert.equal((await queueOf(app, marie)).filter((item) => item.kind === 'reply').length, 0);
    const lucs = (await queueOf(app, luc)).filter((item) => item.kind === 'reply');
    assert.deepEqual(
      lucs.map((item) => [item.clientId, item.threadId]),
      [[app.demo.john.id, message.id]],
    );
  });

  test('Marie answers in the conversation: same subject, her name, John’s replies read; John opens it and the whole conversation is read', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { john, marie } = actors(app);
    const message = await firstMessageOf(app, app.demo.john.id);
    await replyToMessage(app.database.db, john, { messageId: message.id, body: 'Puis-je venir plus tôt ?', formKey: 'h'.repeat(22) }, deps(app));
    app.clock.advance(60_000);
    const client = { id: app.demo.john.id, email: app.demo.john.email, locale: 'fr' as const };
    const sent = await sendMessageToClient(app.database.db, marie, { client, subject: '', body: 'Oui, à 9 h.', formKey: 'i'.repeat(22), inReplyTo: message.id }, { clock: app.clock, publicUrl: 'https://aq.example.org' });
    assert.ok(sent.ok);
    assert.equal(sent.message.thread_id, message.id);
    assert.equal(sent.message.author_id, app.demo.marie.id);
    assert.equal(sent.message.subject_fr, message.subject_fr);
    assert.equal(sent.message.subject_en, message.subject_en);
    assert.equal((await replies(app))[0].read_by, app.demo.marie.id, 'answering is reading');

    const listed = await listConversations(app.database.db, john);
    const line = listed.find((c) => c.threadId === message.id);
    assert.ok(line);
    assert.equal(line.count, 3);
    assert.equal(listed[0].threadId, message.id, 'the most recently active first');
    assert.equal(listed.filter((c) => c.threadId === sent.message.id).length, 0, 'the answer is no conversation of its own');

    const opened = await openConversation(app.database.db, john, sent.message.id, app.clock);
    assert.equal(opened.threadId, message.id, 'any message of the conversation opens all of it');
    assert.deepEqual(
      opened.entries.map((e) => (e.kind === 'message' ? (e.authorName ?? 'service') : 'John')),
      ['service', 'John', 'Marie Tremblay'],
    );
    const unread = await app.database.db
      .selectFrom('messages')
      .select('id')
      .where('client_id', '=', app.demo.john.id)
      .where((eb) => eb.or([eb('id', '=', message.id), eb('thread_id', '=', message.id)]))
      .where('read_at', 'is', null)
      .execute();
    assert.equal(unread.length, 0);
  });

  test('an answer in another client’s conversation is not found', async (t) => {
    const app = await buildTestApp(t, { start: START });
    const { marie } = actors(app);
    const janes = await firstMessageOf(app, app.demo.jane.id);
    const client = { id: app.demo.john.id, email: app.demo.john.email, locale: 'fr' as const };
    await assert.rejects(
      sendMessageToClient(app.database.db, marie, { client, subject: '', body: 'x', formKey: 'j'.repeat(22), inReplyTo: janes.id }, { clock: app.clock, publicUrl: 'https://aq.example.org' }),
      NotFoundError,
    );
  });
});
