import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '../../src/db/types';
import { enqueueMail } from '../../src/platform/mail/outbox.repository';
import { startOutboxWorker } from '../../src/platform/mail/outbox-worker';
import { movableClock } from '../helpers/app';
import { dialectName, testDatabase } from '../helpers/database';
import { smtpServer } from '../helpers/smtp-server';

/**
 * The multi-instance test (issue 18) restarts PostgreSQL under load: a mail the SMTP server had
 * just accepted could not be marked sent, kept its lease, and was due again a minute later — a
 * second copy. The worker now writes « sent » first at its next pass, once the database is back.
 */
test(`a mail sent while the database went away is recorded as sent when it is back, not sent again (${dialectName})`, async (t) => {
  const database = await testDatabase(t);
  let away = false;
  // A query builder whose statement fails when it runs, as on a connection PostgreSQL has ended.
  const unreachable: unknown = new Proxy(() => undefined, {
    get: (_target, property) => (property === 'then' ? undefined : String(property).startsWith('execute') ? () => Promise.reject(new Error('Connection terminated unexpectedly')) : () => unreachable),
  });
  // The database as the worker sees it: while `away`, every update fails as a dropped connection does.
  const db = new Proxy(database.db, {
    get(target, property, receiver) {
      if (property === 'updateTable' && away) return () => unreachable;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Db;
  // The database goes away just as the SMTP server takes the mail.
  const smtp = await smtpServer({
    delayMs: () => {
      away = true;
      return 0;
    },
  });
  t.after(smtp.close);
  const clock = movableClock(new Date('2026-12-01T15:00:00.000Z'));
  await enqueueMail(database.db, {
    to_address: 'john.doe@example.com',
    subject: 'Nouveau message',
    body_text: 'Un nouveau message vous attend.',
    locale: 'fr',
    dedupe_key: 'away:1',
    next_attempt_at: clock().toISOString(),
    created_at: clock().toISOString(),
  });
  const outbox = startOutboxWorker({ db, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Accompagnement Québec <no-reply@aq.example.org>', clock, leaseMs: 60_000 }, { poll: false });
  t.after(() => outbox.stop());

  await assert.rejects(outbox.runOnce(), /Connection terminated/);
  assert.equal(smtp.received.length, 1);
  away = false;
  clock.advance(61_000); // the claim's lease has run out
  await outbox.runOnce();
  await outbox.runOnce();
  assert.equal(smtp.received.length, 1, 'not sent a second time');
  const [row] = await database.db.selectFrom('mail_outbox').select(['status', 'sent_at']).execute();
  assert.equal(row?.status, 'sent');
  assert.equal(row?.sent_at, '2026-12-01T15:00:00.000Z', 'the moment it was handed to SMTP');
});
