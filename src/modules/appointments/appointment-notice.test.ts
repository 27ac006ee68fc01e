import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAccount } from '../../seed/factories';
import type { Db } from '../../db/types';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import type { Actor } from '../../platform/access/actor';
import { queueDueReminders } from './appointment-reminder.service';
import { cancelAsAgent, proposeAppointment, rescheduleAppointment, type SlotInput } from './appointment-scheduling.service';

/**
 * One event, one e-mail (issue 19: « John got two identical ones in the same minute »). The two
 * came from two paths about one booking: the booking's own notice, and the day-before reminder of
 * the same appointment, which only skipped appointments booked after its window opened at 10:00 —
 * booked at 09:59 for the next day, the client got both a minute apart. Now a booking or change
 * made on the day before is reminded by its own e-mail only.
 */

// Tuesday 1 December 2026 in Québec (UTC−5): 09:59, 10:00 (the reminder window opens), 10:05, 16:00.
const TUESDAY_0959 = new Date('2026-12-01T14:59:00Z');
const TUESDAY_1000 = new Date('2026-12-01T15:00:00Z');
const PUBLIC_URL = 'https://aq.example.org';
const deps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: PUBLIC_URL, reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });
const phone = (date: string, time: string): SlotInput => ({ kind: 'suivi', date, time, durationMinutes: 60, mode: 'telephone', phoneNumber: '514 555-0101' });

async function setUp(t: Parameters<typeof testDatabase>[0]) {
  const { db } = await testDatabase(t);
  const clock = movableClock(TUESDAY_0959);
  const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay' });
  const john = await createAccount(db, { email: 'john.doe@example.test', locale: 'fr', agent_id: agent.id, display_name: 'John Doe' });
  const marie: Actor = { role: 'agent', id: agent.id };
  return { db, clock, john, marie };
}

const mailsTo = (db: Db, address: string) => db.selectFrom('mail_outbox').selectAll().where('to_address', '=', address).orderBy('id').execute();

describe(`one event, one e-mail (${dialectName})`, () => {
  test('booked at 09:59 for tomorrow: the booking’s e-mail, and no reminder from the 10:00 pass nor any later one', async (t) => {
    const { db, clock, john, marie } = await setUp(t);
    const booked = await proposeAppointment(db, marie, { clientId: john.id, ...phone('2026-12-02', '10:00') }, deps(clock));
    assert.ok(booked.ok);
    for (const at of [TUESDAY_1000, new Date('2026-12-01T15:01:00Z'), new Date('2026-12-01T21:00:00Z')]) {
      clock.set(at);
      await queueDueReminders(db, { clock, publicUrl: PUBLIC_URL, reminderHour: 10 });
    }
    const mails = await mailsTo(db, 'john.doe@example.test');
    assert.equal(mails.length, 1, mails.map((m) => m.subject).join('\n'));
    assert.equal(mails[0].calendar_method, 'REQUEST');
    assert.match(mails[0].subject, /^Nouveau rendez-vous le mercredi 2 décembre 2026 à 10\sh\s00$/);
  });

  test('booked the day before that (Monday): still exactly one reminder on Tuesday, besides the booking’s e-mail', async (t) => {
    const { db, clock, john, marie } = await setUp(t);
    clock.set(new Date('2026-11-30T20:00:00Z')); // Monday 15:00
    assert.ok((await proposeAppointment(db, marie, { clientId: john.id, ...phone('2026-12-02', '10:00') }, deps(clock))).ok);
    for (const at of [TUESDAY_1000, new Date('2026-12-01T16:00:00Z')]) {
      clock.set(at);
      await queueDueReminders(db, { clock, publicUrl: PUBLIC_URL, reminderHour: 10 });
    }
    const keys = (await mailsTo(db, 'john.doe@example.test')).map((m) => m.dedupe_key.replace(/\d+/g, 'N'));
    assert.deepEqual(keys, ['message:N', 'appointment-reminder:N:N-N-NTN:N:N.NZ']);
  });

  test('a proposal sent twice at once (a double click) books once and mails once; each later change mails once', async (t) => {
    const { db, clock, john, marie } = await setUp(t);
    clock.set(new Date('2026-11-30T14:00:00Z'));
    const both = await Promise.all([0, 1].map(() => proposeAppointment(db, marie, { clientId: john.id, ...phone('2026-12-04', '11:00') }, deps(clock))));
    const won = both.filter((r) => r.ok);
    assert.equal(won.length, 1, JSON.stringify(both));
    assert.equal((await mailsTo(db, 'john.doe@example.test')).length, 1);
    const appointment = won[0].ok ? won[0].appointment : assert.fail();

    const moved = await rescheduleAppointment(db, marie, { appointmentId: appointment.id, version: appointment.version, note: 'Bureau fermé', ...phone('2026-12-04', '13:00') }, deps(clock));
    assert.ok(moved.ok);
    // The same form sent again with the version it was shown: refused, nothing more sent.
    assert.equal((await rescheduleAppointment(db, marie, { appointmentId: appointment.id, version: appointment.version, note: 'Bureau fermé', ...phone('2026-12-04', '13:00') }, deps(clock))).ok, false);
    const after = moved.ok ? moved.appointment : assert.fail();
    assert.ok((await cancelAsAgent(db, marie, { appointmentId: after.id, reasonCode: 'maladie', comment: null, version: after.version }, deps(clock))).ok);
    assert.equal((await cancelAsAgent(db, marie, { appointmentId: after.id, reasonCode: 'maladie', comment: null, version: after.version }, deps(clock))).ok, false);

    const mails = await mailsTo(db, 'john.doe@example.test');
    assert.deepEqual(
      mails.map((m) => m.calendar_method),
      ['REQUEST', 'REQUEST', 'CANCEL'],
    );
    assert.deepEqual(
      mails.map((m) => /SEQUENCE:(\d+)/.exec(m.calendar_ics ?? '')?.[1]),
      ['0', '1', '2'],
    );
    assert.equal(new Set(mails.map((m) => m.dedupe_key)).size, 3);
  });
});
