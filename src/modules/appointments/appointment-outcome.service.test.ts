import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';
import type { Actor } from '../../platform/access/actor';
import { correctOutcome, listStaffAppointments, outcomeCorrectionWindow, recordAttendance } from './appointment-outcome.service';
import { insertAppointment } from './appointment.repository';
import { listAppointments } from './appointment.service';

// Tuesday 1 December 2026, 11:00 in Québec; the appointment was 9:00–10:00 that morning.
const START = new Date('2026-12-01T16:00:00Z');
const deps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });

async function setUp(t: Parameters<typeof testDatabase>[0]) {
  const { db } = await testDatabase(t);
  const clock = movableClock(START);
  const marie = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay' });
  const luc = await createAccount(db, { role: 'agent', display_name: 'Luc Gagnon' });
  const admin = await createAccount(db, { role: 'admin', display_name: 'Gestion' });
  const ana = await createAccount(db, { display_name: 'Ana Silva', agent_id: marie.id });
  const at = '2026-11-25T15:00:00.000Z';
  const slot = (startsAt: string) => ({
    client_id: ana.id,
    agent_id: marie.id,
    kind: 'evaluation' as const,
    mode: 'en_personne' as const,
    starts_at: startsAt,
    ends_at: new Date(Date.parse(startsAt) + 3600_000).toISOString(),
    phone_number: null,
    video_link: null,
    address: '1200, boulevard Saint-Laurent',
    cancelled_by: null,
    cancelled_at: null,
    cancel_reason_code: null,
    cancel_comment: null,
    created_at: at,
    updated_at: at,
  });
  const past = await insertAppointment(db, slot('2026-12-01T14:00:00.000Z'));
  const future = await insertAppointment(db, slot('2026-12-03T15:00:00.000Z'));
  const actors = { marie: { role: 'agent', id: marie.id } as Actor, luc: { role: 'agent', id: luc.id } as Actor, manager: { role: 'manager', id: admin.id } as Actor };
  return { db, clock, ana, past, future, ...actors };
}

describe(`outcomes where they are due (${dialectName})`, () => {
  test('staff find the past appointment under « Planifié », first and awaiting its outcome; the client finds it under « Terminé »', async (t) => {
    const { db, clock, ana, marie, past, future } = await setUp(t);
    const planned = await listStaffAppointments(db, marie, { clientId: ana.id, tab: 'planifie' }, clock);
    assert.deepEqual(
      planned.map((item) => [item.appointment.id, item.awaitingOutcome]),
      [
        [past.id, true],
        [future.id, false],
      ],
    );
    assert.deepEqual(await listStaffAppointments(db, marie, { clientId: ana.id, tab: 'termine' }, clock), []);
    const clients = await listAppointments(db, { role: 'client', id: ana.id }, { tab: 'termine' }, clock);
    assert.deepEqual(
      clients.map((item) => item.appointment.id),
      [past.id],
    );
  });

  test('« Absent » needs its confirmation; « Présent » does not', async (t) => {
    const { db, clock, marie, past } = await setUp(t);
    const unconfirmed = await recordAttendance(db, marie, { appointmentId: past.id, attended: false, version: past.version, confirmed: false }, deps(clock));
    assert.deepEqual(unconfirmed, { ok: false, code: 'CONFIRMATION_REQUIRED' });
    assert.equal((await db.selectFrom('appointments').select('status').where('id', '=', past.id).executeTakeFirstOrThrow()).status, 'planifie', 'nothing written');
    const absent = await recordAttendance(db, marie, { appointmentId: past.id, attended: false, version: past.version, confirmed: true }, deps(clock));
    assert.ok(absent.ok);
    assert.equal(absent.appointment.status, 'absent');
  });

  test('its agent corrects Présent → Absent within 5 business days (audited, the client’s « Terminé » follows); later, or another agent, cannot', async (t) => {
    const { db, clock, ana, marie, luc, manager, past } = await setUp(t);
    const present = await recordAttendance(db, marie, { appointmentId: past.id, attended: true, version: past.version, confirmed: false }, deps(clock));
    assert.ok(present.ok);
    const window = await outcomeCorrectionWindow(db, marie, present.appointment, deps(clock));
    assert.deepEqual(window, { until: '2026-12-08T16:00:00.000Z' }, 'five business days after it was recorded');
    assert.equal(await outcomeCorrectionWindow(db, luc, present.appointment, deps(clock)), null);

    clock.set(new Date('2026-12-07T20:00:00Z')); // the following Monday
    const same = await correctOutcome(db, marie, { appointmentId: past.id, attended: true, version: present.appointment.version, confirmed: false }, deps(clock));
    assert.deepEqual(same, { ok: false, code: 'OUTCOME_UNCHANGED' });
    const unconfirmed = await correctOutcome(db, marie, { appointmentId: past.id, attended: false, version: present.appointment.version, confirmed: false }, deps(clock));
    assert.deepEqual(unconfirmed, { ok: false, code: 'CONFIRMATION_REQUIRED' });
    const corrected = await correctOutcome(db, marie, { appointmentId: past.id, attended: false, version: present.appointment.version, confirmed: true }, deps(clock));
    assert.ok(corrected.ok);
    assert.equal(corrected.appointment.status, 'absent');
    const stale = await correctOutcome(db, manager, { appointmentId: past.id, attended: true, version: present.appointment.version, confirmed: false }, deps(clock));
    assert.deepEqual(stale, { ok: false, code: 'SCHEDULE_CHANGED' });
    const finished = (await listAppointments(db, { role: 'client', id: ana.id }, { tab: 'termine' }, clock)).find((item) => item.appointment.id === past.id);
    assert.equal(finished?.appointment.status, 'absent', 'the client’s « Terminé » tab reads « Absent »');
    const audit = await db.selectFrom('audit_log').select(['action', 'actor_id', 'details']).where('action', '=', 'appointment.outcome_corrected').execute();
    assert.deepEqual(
      audit.map((line) => [line.actor_id, JSON.parse(line.details ?? '{}')]),
      [[marie.id, { before: { status: 'termine', version: present.appointment.version }, after: { status: 'absent', version: corrected.appointment.version } }]],
    );

    // The manager may too; Luc, once Ana is his, reaches the appointment but did not hold it.
    const back = await correctOutcome(db, manager, { appointmentId: past.id, attended: true, version: corrected.appointment.version, confirmed: false }, deps(clock));
    assert.ok(back.ok);
    await db.updateTable('accounts').set({ agent_id: luc.id }).where('id', '=', ana.id).execute();
    const notHis = await correctOutcome(db, luc, { appointmentId: past.id, attended: false, version: back.appointment.version, confirmed: true }, deps(clock));
    assert.deepEqual(notHis, { ok: false, code: 'CORRECTION_NOT_ALLOWED' });
    await db.updateTable('accounts').set({ agent_id: marie.id }).where('id', '=', ana.id).execute();

    clock.set(new Date('2026-12-08T16:00:00Z')); // five business days after it was recorded
    const late = await correctOutcome(db, marie, { appointmentId: past.id, attended: false, version: back.appointment.version, confirmed: true }, deps(clock));
    assert.deepEqual(late, { ok: false, code: 'CORRECTION_CLOSED' });
    assert.equal(await outcomeCorrectionWindow(db, marie, back.appointment, deps(clock)), null);
  });

  test('a planned appointment has no outcome to correct', async (t) => {
    const { db, clock, marie, future } = await setUp(t);
    assert.deepEqual(await correctOutcome(db, marie, { appointmentId: future.id, attended: false, version: future.version, confirmed: true }, deps(clock)), { ok: false, code: 'OUTCOME_NOT_RECORDED' });
  });
});
