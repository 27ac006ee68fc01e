import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../src/db/types';
import { movableClock } from '../helpers/app';
import { dialectName, testDatabase } from '../helpers/database';
import { smtpServer as startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { enqueueMail } from '../../src/platform/mail/outbox.repository';
import { backoffDelay, outboxMessageId, startOutboxWorker } from '../../src/platform/mail/outbox-worker';
import { systemClock } from '../../src/platform/clock';

/** The server, closed when the test ends. */
async function smtpServer(t: TestContext, port = 0, options: { delayMs?: () => number } = {}): Promise<TestSmtpServer> {
  const smtp = await startSmtpServer({ port, ...options });
  t.after(smtp.close);
  return smtp;
}

/** A port on which nothing listens (yet). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const clockStart = new Date('2026-12-01T15:00:00.000Z');

function mail(key: string, at = clockStart.toISOString()) {
  return {
    to_address: 'john.doe@example.com',
    subject: 'Nouveau message dans votre Centre des messages',
    body_text: 'Un nouveau message vous attend : https://aq.example.org/messages/1',
    locale: 'fr' as const,
    dedupe_key: key,
    next_attempt_at: at,
    created_at: at,
  };
}

function worker(db: Db, port: number, clock = movableClock(clockStart), extra: { maxAttempts?: number } = {}) {
  return startOutboxWorker({ db, smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Accompagnement Québec <no-reply@aq.example.org>', clock, baseDelayMs: 60_000, maxDelayMs: 3_600_000, ...extra }, { poll: false });
}

describe(`outbox worker over real SMTP (${dialectName})`, () => {
  test('delivers a queued mail once and marks it sent; later passes send nothing more', async (t) => {
    const { db } = await testDatabase(t);
    const smtp = await smtpServer(t);
    await enqueueMail(db, mail('message:1'));
    const outbox = worker(db, smtp.port);
    t.after(() => outbox.stop());
    assert.equal(await outbox.runOnce(), 1);
    assert.equal(await outbox.runOnce(), 0);
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0].to, ['john.doe@example.com']);
    assert.match(smtp.received[0].raw, /Subject: Nouveau message dans votre Centre des messages/);
    assert.match(smtp.received[0].raw, /Message-ID: <[0-9a-f]{32}@accompagnement-quebec>/i);
    const [row] = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 1);
    assert.ok(row.sent_at);
  });

  test('SMTP down: the mail stays pending and is retried after the backoff; once SMTP is up it is delivered once', async (t) => {
    const { db } = await testDatabase(t);
    const port = await freePort();
    const clock = movableClock(clockStart);
    await enqueueMail(db, mail('message:2'));
    const outbox = worker(db, port, clock);
    t.after(() => outbox.stop());
    assert.equal(await outbox.runOnce(), 0);
    let [row] = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.ok(row.last_error);
    assert.equal(row.next_attempt_at, new Date(clockStart.getTime() + 60_000).toISOString());

    const smtp = await smtpServer(t, port);
    assert.equal(await outbox.runOnce(), 0, 'not before its retry time');
    assert.equal(smtp.received.length, 0);
    clock.advance(60_000);
    assert.equal(await outbox.runOnce(), 1);
    assert.equal(await outbox.runOnce(), 0);
    assert.equal(smtp.received.length, 1);
    [row] = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
  });

  test('a mail enqueued in a rolled-back transaction is never sent', async (t) => {
    const { db } = await testDatabase(t);
    const smtp = await smtpServer(t);
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await enqueueMail(trx, mail('message:3'));
        throw new Error('rolled back');
      }),
    );
    const outbox = worker(db, smtp.port);
    t.after(() => outbox.stop());
    assert.equal(await outbox.runOnce(), 0);
    assert.equal(smtp.received.length, 0);
  });

  test('the same key queued twice is delivered once', async (t) => {
    const { db } = await testDatabase(t);
    const smtp = await smtpServer(t);
    await enqueueMail(db, mail('message:4'));
    await enqueueMail(db, mail('message:4'));
    const outbox = worker(db, smtp.port);
    t.after(() => outbox.stop());
    await outbox.runOnce();
    await outbox.runOnce();
    assert.equal(smtp.received.length, 1);
  });

  test('two workers running at once deliver each mail once', async (t) => {
    const { db } = await testDatabase(t);
    const smtp = await smtpServer(t);
    for (let i = 0; i < 5; i++) await enqueueMail(db, mail(`message:p${i}`));
    const first = worker(db, smtp.port);
    const second = worker(db, smtp.port);
    t.after(() => Promise.all([first.stop(), second.stop()]));
    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
    assert.equal(a + b, 5);
    assert.equal(smtp.received.length, 5);
    assert.equal(new Set(smtp.received.map((r) => r.raw.match(/Message-ID: (.*)/i)?.[1])).size, 5);
  });

  test('two workers on two connections to one database (what two processes have) deliver each of 60 mails once', async (t) => {
    const database = await testDatabase(t);
    const other = database.connectAgain();
    t.after(() => other.close());
    const smtp = await smtpServer(t);
    for (let i = 0; i < 60; i++) await enqueueMail(database.db, mail(`message:c${i}`));
    const options = { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Accompagnement Québec <no-reply@aq.example.org>', clock: movableClock(clockStart), batchSize: 7 };
    const first = startOutboxWorker({ ...options, db: database.db }, { poll: false });
    const second = startOutboxWorker({ ...options, db: other.db }, { poll: false });
    t.after(() => Promise.all([first.stop(), second.stop()]));
    const counts = [0, 0];
    for (let round = 0; round < 30; round++) {
      const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
      counts[0] += a;
      counts[1] += b;
      if (a + b === 0) break;
    }
    assert.equal(counts[0] + counts[1], 60);
    // PostgreSQL: SKIP LOCKED hands the second worker the next batch. SQLite (one process,
    // synchronous driver): both select the same batch and the second loses every claim.
    if (dialectName === 'postgres') assert.ok(counts[0] > 0 && counts[1] > 0, `both took part: ${counts}`);
    assert.equal(smtp.received.length, 60);
    assert.equal(new Set(smtp.received.map((r) => r.raw.match(/Message-ID: (.*)/i)?.[1])).size, 60);
    const rows = await database.db.selectFrom('mail_outbox').select(['status', 'attempts']).execute();
    assert.deepEqual(new Set(rows.map((r) => `${r.status}/${r.attempts}`)), new Set(['sent/1']), 'each sent at its first attempt');
  });

  test('slow SMTP (1.5–2.5 s a mail) with a 1 s lease: two workers on two connections send each mail once, with the Message-ID its key gives', { timeout: 60_000 }, async (t) => {
    const database = await testDatabase(t);
    const other = database.connectAgain();
    t.after(() => other.close());
    const smtp = await smtpServer(t, 0, { delayMs: () => 1500 + Math.random() * 1000 });
    const keys = Array.from({ length: 6 }, (_, i) => `message:slow${i}`);
    for (const key of keys) await enqueueMail(database.db, mail(key));
    // Real time, and a lease far shorter than one send: a claim that is not kept alive while its
    // mail is being sent expires under it, and the other worker takes the same mail.
    const options = { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Accompagnement Québec <no-reply@aq.example.org>', clock: systemClock, baseDelayMs: 1000, leaseMs: 1000 };
    const workers = [startOutboxWorker({ ...options, db: database.db }, { poll: false }), startOutboxWorker({ ...options, db: other.db }, { poll: false })];
    t.after(() => Promise.all(workers.map((w) => w.stop())));
    const pending = async () => (await database.db.selectFrom('mail_outbox').select('id').where('status', '=', 'pending').execute()).length;
    const until = Date.now() + 40_000;
    await Promise.all(
      workers.map(async (outbox) => {
        while ((await pending()) > 0 && Date.now() < until) if ((await outbox.runOnce()) === 0) await sleep(100);
      }),
    );
    await sleep(500); // a late duplicate would land now
    const ids = smtp.received.map((r) => r.raw.match(/Message-ID: (.*)/i)?.[1]?.trim());
    assert.equal(smtp.received.length, keys.length, `${smtp.received.length} mails received for ${keys.length} queued`);
    assert.deepEqual(new Set(ids), new Set(keys.map(outboxMessageId)), 'each mail under the Message-ID derived from its stored key');
    const rows = await database.db.selectFrom('mail_outbox').select(['status', 'attempts']).execute();
    assert.deepEqual(new Set(rows.map((r) => `${r.status}/${r.attempts}`)), new Set(['sent/1']), 'each sent at its first attempt');
  });

  test('PostgreSQL: mails another process holds locked are skipped, not waited for', { skip: dialectName !== 'postgres', timeout: 20_000 }, async (t) => {
    const database = await testDatabase(t);
    const other = database.connectAgain();
    t.after(() => other.close());
    const smtp = await smtpServer(t);
    for (let i = 0; i < 5; i++) await enqueueMail(database.db, mail(`message:l${i}`));
    const outbox = worker(database.db, smtp.port);
    t.after(() => outbox.stop());
    const held = await other.db.transaction().execute(async (trx) => {
      // Another worker's claim transaction, still open on the two oldest mails.
      const locked = await trx.selectFrom('mail_outbox').select('id').orderBy('id').limit(2).forUpdate().execute();
      assert.equal(await outbox.runOnce(), 3, 'the three others, at once');
      return locked.map((row) => row.id);
    });
    const pending = await database.db.selectFrom('mail_outbox').select('id').where('status', '=', 'pending').orderBy('id').execute();
    assert.deepEqual(
      pending.map((row) => row.id),
      held,
    );
    assert.equal(await outbox.runOnce(), 2, 'once released, the two held mails go');
    assert.equal(smtp.received.length, 5);
  });

  test('a worker stopped in the middle of a pass gives back the mails it claimed but did not try', async (t) => {
    const { db } = await testDatabase(t);
    const smtp = await smtpServer(t);
    for (let i = 0; i < 4; i++) await enqueueMail(db, mail(`message:s${i}`));
    const outbox = worker(db, smtp.port);
    const pass = outbox.runOnce();
    await outbox.stop();
    assert.equal(await pass, 0);
    assert.equal(smtp.received.length, 0);
    const rows = await db.selectFrom('mail_outbox').select(['status', 'attempts', 'next_attempt_at']).execute();
    assert.deepEqual(
      rows,
      Array.from({ length: 4 }, () => ({ status: 'pending', attempts: 0, next_attempt_at: clockStart.toISOString() })),
      'as before the claim: due now, no attempt counted',
    );
  });

  test('after the last allowed attempt a mail is marked failed and left alone', async (t) => {
    const { db } = await testDatabase(t);
    const port = await freePort();
    const clock = movableClock(clockStart);
    await enqueueMail(db, mail('message:5'));
    const outbox = worker(db, port, clock, { maxAttempts: 2 });
    t.after(() => outbox.stop());
    await outbox.runOnce();
    clock.advance(3_600_000);
    await outbox.runOnce();
    const [row] = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 2);
  });

  test('backoff doubles from the base delay and is capped', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => backoffDelay(n, 30_000, 100_000)),
      [30_000, 60_000, 100_000, 100_000],
    );
  });
});
