import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAccount } from '../../seed/factories';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { fileNumber } from '../accounts/directory.service';
import { notifyClient } from './message.service';

const content = {
  subject: { fr: 'Nouveau rendez-vous', en: 'New appointment' },
  body: { fr: 'Date : 2026-12-03\nTéléphone : 514 555-0101', en: 'Date: 2026-12-03\nPhone: 514 555-0101' },
};
const deps = { clock: movableClock(new Date('2026-12-01T15:00:00Z')), publicUrl: 'https://aq.example.org/' };

describe(`notifyClient: message and outbox e-mail in one transaction (${dialectName})`, () => {
  test('writes the message and one e-mail, in the client’s language, that names the sender and the subject, with its link, without the text', async (t) => {
    const { db } = await testDatabase(t);
    const client = await createAccount(db, { email: 'lea@example.test', locale: 'en' });
    const message = await db.transaction().execute((trx) => notifyClient(trx, { client, dedupeKey: 'k1', content }, deps));
    const mails = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(mails.length, 1);
    assert.equal(mails[0].to_address, 'lea@example.test');
    assert.equal(mails[0].locale, 'en');
    assert.equal(mails[0].subject, 'New message from Accompagnement Québec: New appointment');
    assert.ok(mails[0].body_text.includes(`https://aq.example.org/messages/${message.id}`));
    assert.doesNotMatch(mails[0].body_text, /514 555|2026-12-03/, 'the text stays behind the sign-in');
    assert.doesNotMatch(mails[0].body_html ?? '', /514 555|2026-12-03/);
    assert.equal(mails[0].calendar_ics, null);
    assert.ok(mails[0].body_text.includes(`File number: ${fileNumber(client.id)}`), 'the reference to quote when calling');
    assert.equal(mails[0].status, 'pending');
  });

  test('a message an agent wrote: the notice names them and the subject, greets the person, and keeps the text out', async (t) => {
    const { db } = await testDatabase(t);
    const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay' });
    const client = await createAccount(db, { email: 'john@example.test', locale: 'fr', display_name: 'John Doe', agent_id: agent.id });
    const written = { subject: { fr: 'Documents à apporter', en: 'Documents à apporter' }, body: { fr: 'Apportez votre passeport.', en: 'Apportez votre passeport.' } };
    await db.transaction().execute((trx) => notifyClient(trx, { client, dedupeKey: 'k3', content: written, authorId: agent.id }, deps));
    const [mail] = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(mail.subject, 'Nouveau message de Marie Tremblay\u202f: Documents à apporter');
    assert.match(mail.body_text, /^Bonjour John Doe,/);
    assert.ok(mail.body_text.includes(`Numéro de dossier\u202f: ${fileNumber(client.id)}`), mail.body_text);
    assert.doesNotMatch(`${mail.body_text}${mail.body_html}`, /passeport/);
  });

  test('a rolled-back transaction leaves neither message nor e-mail', async (t) => {
    const { db } = await testDatabase(t);
    const client = await createAccount(db, { email: 'rollback@example.test' });
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await notifyClient(trx, { client, dedupeKey: 'k2', content }, deps);
        throw new Error('the change failed after the notification');
      }),
    );
    assert.equal((await db.selectFrom('messages').selectAll().execute()).length, 0);
    assert.equal((await db.selectFrom('mail_outbox').selectAll().execute()).length, 0);
  });

  test('the same key twice gives one message and one e-mail', async (t) => {
    const { db } = await testDatabase(t);
    const client = await createAccount(db, { email: 'twice@example.test' });
    const first = await db.transaction().execute((trx) => notifyClient(trx, { client, dedupeKey: 'same', content }, deps));
    const second = await db.transaction().execute((trx) => notifyClient(trx, { client, dedupeKey: 'same', content }, deps));
    assert.equal(second.id, first.id);
    assert.equal((await db.selectFrom('messages').selectAll().execute()).length, 1);
    assert.equal((await db.selectFrom('mail_outbox').selectAll().execute()).length, 1);
  });
});
