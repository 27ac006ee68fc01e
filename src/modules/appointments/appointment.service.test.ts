import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAccount } from '../../seed/factories';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import type { Actor } from '../../platform/access/actor';
import { cancelAsAgent, proposeAppointment, recordOutcome, rescheduleAppointment, type SlotInput } from './appointment-scheduling.service';
import { insertClosureDays } from '../../platform/business-time/closure-day.repository';

// Tuesday 1 December 2026, 10:00 in Québec.
const START = new Date('2026-12-01T15:00:00Z');
const deps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });
const phoneSlot = (date: string, time: string, durationMinutes = 60): SlotInput => ({ kind: 'evaluation', date, time, durationMinutes, mode: 'telephone', phoneNumber: '514 555-0142' });

async function setUp(t: Parameters<typeof testDatabase>[0]) {
  const { db } = await testDatabase(t);
  const clock = movableClock(START);
  const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay' });
  const otherAgent = await createAccount(db, { role: 'agent', display_name: 'Luc Gagnon' });
  const client = await createAccount(db, { email: 'nouveau@example.test', locale: 'en', agent_id: agent.id });
  const marie: Actor = { role: 'agent', id: agent.id };
  return { db, clock, agent, otherAgent, client, marie };
}

describe(`an agent proposes appointments (${dialectName})`, () => {
  test('a proposal writes the appointment, one message with its details and one e-mail in the client’s language', async (t) => {
    const { db, clock, client, marie } = await setUp(t);
    const result = await proposeAppointment(db, marie, { clientId: client.id, ...phoneSlot('2026-12-03', '10:00', 90) }, deps(clock));
    assert.ok(result.ok);
    const appointment = result.appointment;
    assert.equal(appointment.starts_at, '2026-12-03T15:00:00.000Z');
    assert.equal(appointment.ends_at, '2026-12-03T16:30:00.000Z');
    const [message] = await db.selectFrom('messages').selectAll().where('client_id', '=', client.id).execute();
    assert.equal(message.dedupe_key, `appointment:${appointment.id}:seq:0`);
    assert.match(message.subject_fr, /^Nouveau rendez-vous le .* à 10\sh\s00$/);
    assert.match(message.body_fr, /Évaluation des besoins/);
    assert.match(message.body_en, /514 555-0142/);
    const mails = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.equal(mails.length, 1);
    assert.equal(mails[0].subject, 'New appointment on Thursday, December 3, 2026 at 10:00 a.m.');
    assert.ok(mails[0].body_text.includes(`https://aq.example.org/messages/${message.id}`));
    assert.ok(mails[0].body_text.includes('Phone number: 514 555-0142'), mails[0].body_text);
    assert.equal(mails[0].calendar_method, 'REQUEST');
    assert.match(mails[0].calendar_ics ?? '', /SEQUENCE:0\r\n/);
  });

  test('refuses a time in the past, outside business hours, on a holiday and on a closure day, with the reasons', async (t) => {
    const { db, clock, client, marie } = await setUp(t);
    await insertClosureDays(db, [{ date: '2026-12-24', label_fr: 'Veille de Noël', label_en: 'Christmas Eve' }]);
    const refusal = async (slot: SlotInput) => {
      const result = await proposeAppointment(db, marie, { clientId: client.id, ...slot }, deps(clock));
      assert.ok(!result.ok && result.code === 'INVALID', JSON.stringify(slot));
      return result.codes;
    };
    assert.deepEqual(await refusal(phoneSlot('2026-11-30', '10:00')), ['IN_PAST']);
    assert.deepEqual(await refusal(phoneSlot('2026-12-03', '15:30')), ['OUTSIDE_HOURS']);
    assert.deepEqual(await refusal(phoneSlot('2026-12-03', '07:30')), ['OUTSIDE_HOURS']);
    assert.deepEqual(await refusal(phoneSlot('2026-12-25', '10:00')), ['CLOSED_DAY'], 'Christmas, from the business calendar');
    assert.deepEqual(await refusal(phoneSlot('2026-12-24', '10:00')), ['CLOSED_DAY'], 'a closure day of the manager');
    assert.deepEqual(await refusal(phoneSlot('2026-12-05', '10:00')), ['CLOSED_DAY'], 'a Saturday');
    assert.deepEqual(await refusal(phoneSlot('2026-02-30', '10:00')), ['DATE_INVALID']);
    assert.deepEqual(await refusal({ ...phoneSlot('2026-12-03', '10:00'), phoneNumber: ' ' }), ['PHONE_REQUIRED']);
    assert.equal(
      Number(
        (
          await db
            .selectFrom('appointments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
    );
  });

  test('refuses an overlap with the agent’s or the client’s other appointments', async (t) => {
    const { db, clock, client, marie, agent } = await setUp(t);
    const other = await createAccount(db, { agent_id: agent.id });
    assert.ok((await proposeAppointment(db, marie, { clientId: client.id, ...phoneSlot('2026-12-03', '10:00') }, deps(clock))).ok);
    const sameAgent = await proposeAppointment(db, marie, { clientId: other.id, ...phoneSlot('2026-12-03', '10:30') }, deps(clock));
    assert.deepEqual(!sameAgent.ok && sameAgent.code === 'INVALID' && sameAgent.codes, ['AGENT_BUSY']);
    const adjacent = await proposeAppointment(db, marie, { clientId: other.id, ...phoneSlot('2026-12-03', '11:00') }, deps(clock));
    assert.ok(adjacent.ok, 'back to back is fine');
  });

  test('20 parallel proposals of overlapping slots for one client: exactly one succeeds', async (t) => {
    const { db, clock, client, marie, otherAgent } = await setUp(t);
    // Two agents (one a manager acting for the client's agent) race for the same client.
    const manager = await createAccount(db, { role: 'admin' });
    const actors: Actor[] = [marie, { role: 'manager', id: manager.id }];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => proposeAppointment(db, actors[i % 2], { clientId: client.id, ...phoneSlot('2026-12-03', i % 3 === 0 ? '10:00' : '10:30') }, deps(clock))));
    assert.equal(results.filter((r) => r.ok).length, 1);
    const rows = await db.selectFrom('appointments').selectAll().where('client_id', '=', client.id).execute();
    assert.equal(rows.length, 1);
    assert.ok(otherAgent);
  });

  test('another agent cannot propose to a client who is not theirs: not found', async (t) => {
    const { db, clock, client, otherAgent } = await setUp(t);
    await assert.rejects(proposeAppointment(db, { role: 'agent', id: otherAgent.id }, { clientId: client.id, ...phoneSlot('2026-12-03', '10:00') }, deps(clock)), { name: 'NotFoundError' });
  });

  test('« Modifier » bumps the SEQUENCE and tells the client why; a stale version is refused', async (t) => {
    const { db, clock, client, marie } = await setUp(t);
    const proposed = await proposeAppointment(db, marie, { clientId: client.id, ...phoneSlot('2026-12-03', '10:00') }, deps(clock));
    assert.ok(proposed.ok);
    const changed = await rescheduleAppointment(
      db,
      marie,
      { appointmentId: proposed.appointment.id, version: proposed.appointment.version, note: 'Je serai en formation.', ...phoneSlot('2026-12-04', '13:00') },
      deps(clock),
    );
    assert.ok(changed.ok);
    assert.equal(changed.appointment.sequence, proposed.appointment.sequence + 1);
    const stale = await rescheduleAppointment(db, marie, { appointmentId: proposed.appointment.id, version: proposed.appointment.version, note: null, ...phoneSlot('2026-12-07', '13:00') }, deps(clock));
    assert.deepEqual(stale, { ok: false, code: 'SCHEDULE_CHANGED' });
    const messages = await db.selectFrom('messages').selectAll().where('client_id', '=', client.id).orderBy('id').execute();
    assert.equal(messages.length, 2);
    assert.match(messages[1].body_fr, /Je serai en formation\./);
  });

  test('the agent cancels with a reason; an outcome is only for an appointment that has started', async (t) => {
    const { db, clock, client, marie } = await setUp(t);
    const first = await proposeAppointment(db, marie, { clientId: client.id, ...phoneSlot('2026-12-03', '10:00') }, deps(clock));
    const second = await proposeAppointment(db, marie, { clientId: client.id, ...phoneSlot('2026-12-04', '10:00') }, deps(clock));
    assert.ok(first.ok && second.ok);
    const early = await recordOutcome(db, marie, { appointmentId: first.appointment.id, attended: true, version: first.appointment.version }, deps(clock));
    assert.deepEqual(early, { ok: false, code: 'NOT_STARTED' });
    const cancelled = await cancelAsAgent(db, marie, { appointmentId: second.appointment.id, reasonCode: 'maladie', comment: null, version: second.appointment.version }, deps(clock));
    assert.ok(cancelled.ok && cancelled.appointment.status === 'annule');
    clock.set(new Date('2026-12-03T16:05:00Z'));
    const outcome = await recordOutcome(db, marie, { appointmentId: first.appointment.id, attended: false, version: first.appointment.version }, deps(clock));
    assert.ok(outcome.ok && outcome.appointment.status === 'absent');
  });
});
