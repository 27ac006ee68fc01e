import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAccount } from '../../db/seed/factories';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { scheduleAppointment } from './appointment.service';

describe(`a new appointment is announced (${dialectName})`, () => {
  test('scheduling writes the appointment, one message with its details and one e-mail in the client’s language', async (t) => {
    const { db } = await testDatabase(t);
    const clock = movableClock(new Date('2026-12-01T15:00:00Z'));
    const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay' });
    const client = await createAccount(db, { email: 'nouveau@example.test', locale: 'en', agent_id: agent.id });
    const deps = { clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 };
    const appointment = await scheduleAppointment(
      db,
      {
        client,
        actorId: agent.id,
        appointment: { agent_id: agent.id, kind: 'evaluation', mode: 'telephone', phone_number: '514 555-0142', video_link: null, address: null, starts_at: '2026-12-03T15:00:00.000Z', ends_at: '2026-12-03T16:30:00.000Z', cancelled_by: null, cancelled_at: null, cancel_reason_code: null, cancel_comment: null },
      },
      deps,
    );
    const [message] = await db.selectFrom('messages').selectAll().where('client_id', '=', client.id).execute();
    assert.equal(message.dedupe_key, `appointment:${appointment.id}:seq:0`);
    assert.equal(message.subject_fr, 'Nouveau rendez-vous le 2026-12-03 à 10 h 00');
    assert.equal(message.subject_en, 'New appointment on 2026-12-03 at 10:00 a.m.');
    assert.match(message.body_fr, /Évaluation des besoins/);
    assert.match(message.body_en, /514 555-0142/);
    const mails = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(mails.length, 1);
    assert.equal(mails[0].subject, 'New message in your Message centre');
    assert.ok(mails[0].body_text.includes(`https://aq.example.org/messages/${message.id}`));
  });
});
