import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { NotFoundError } from '../../platform/errors';
import { fileNumber, getClient } from '../accounts/directory.service';
import { proposeAppointment } from '../appointments/appointment-scheduling.service';
import { insertAppointment, insertReproposalTask } from '../appointments/appointment.repository';
import { openReproposals } from '../appointments/appointment.service';
import type { AppointmentMode } from '../appointments/appointment.tables';
import { insertAbsence } from '../availability/availability.repository';
import { previewReassignment, reassignClients } from './assignment.service';

// Tuesday 1 December 2026, 10:00 in Québec.
const START = new Date('2026-12-01T15:00:00Z');
const MARIE_ROOM = 'https://rencontre.example.org/aq/marie';
const LUC_ROOM = 'https://rencontre.example.org/aq/luc';
const deps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });

async function setUp(t: Parameters<typeof testDatabase>[0], options: { lucRoom?: string | null } = {}) {
  const { db } = await testDatabase(t);
  const clock = movableClock(START);
  const marie = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay', video_room: MARIE_ROOM });
  const luc = await createAccount(db, { role: 'agent', display_name: 'Luc Gagnon', video_room: options.lucRoom === undefined ? LUC_ROOM : options.lucRoom });
  const admin = await createAccount(db, { role: 'admin', display_name: 'Gestion' });
  const jane = await createAccount(db, { display_name: 'Jane Roe', agent_id: marie.id, locale: 'en' });
  const amina = await createAccount(db, { display_name: 'Amina Diallo', agent_id: luc.id });
  const at = START.toISOString();
  const appointment = (clientId: number, agentId: number, startsAt: string, mode: AppointmentMode, minutes = 60) =>
    insertAppointment(db, {
      client_id: clientId,
      agent_id: agentId,
      kind: 'suivi',
      mode,
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
      phone_number: mode === 'telephone' ? '514 555-0142' : null,
      video_link: mode === 'visioconference' ? MARIE_ROOM : null,
      address: null,
      cancelled_by: null,
      cancelled_at: null,
      cancel_reason_code: null,
      cancel_comment: null,
      created_at: at,
      updated_at: at,
    });
  const manager: Actor = { role: 'manager', id: admin.id };
  return { db, clock, marie, luc, admin, jane, amina, manager, appointment };
}

const row = (db: Db, id: number) => db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe(`« Réassigner » moves the client's future (${dialectName})`, () => {
  test('a free new agent takes the appointment (their video room, SEQUENCE up); a busy one: cancelled and « à reproposer » in their queue; one message; the old agent loses the file and the tasks', async (t) => {
    const { db, clock, marie, luc, jane, amina, manager, appointment } = await setUp(t);
    const past = await appointment(jane.id, marie.id, '2026-11-30T15:00:00.000Z', 'telephone');
    // Thursday 3 December, 10:00: Luc is free. Friday 4 December, 10:00: Luc meets Amina at 10:30.
    const free = await appointment(jane.id, marie.id, '2026-12-03T15:00:00.000Z', 'visioconference', 90);
    const busy = await appointment(jane.id, marie.id, '2026-12-04T15:00:00.000Z', 'telephone');
    await appointment(amina.id, luc.id, '2026-12-04T15:30:00.000Z', 'telephone');
    // An open task of Marie's for Jane (from an earlier cancellation).
    await insertReproposalTask(db, { agent_id: marie.id, client_id: jane.id, appointment_id: past.id, due_at: '2026-12-02T21:00:00.000Z', created_at: START.toISOString() });

    const preview = await previewReassignment(db, manager, { clientIds: [jane.id], agentId: luc.id, note: '' }, deps(clock));
    assert.ok(preview.ok);
    assert.deepEqual(
      preview.preview.clients.map((c) => ({ name: c.name, fates: c.appointments.map((a) => [a.appointment.id, a.fate]) })),
      [
        {
          name: 'Jane Roe',
          fates: [
            [free.id, { action: 'move' }],
            [busy.id, { action: 'cancel', why: 'AGENT_BUSY' }],
          ],
        },
      ],
    );
    assert.equal((await db.selectFrom('messages').select('id').execute()).length, 0, 'the preview writes nothing');

    const result = await reassignClients(db, manager, { clientIds: [jane.id], agentId: luc.id, note: 'Congé', expected: preview.preview.fingerprint }, deps(clock));
    assert.deepEqual(result, { ok: true, moved: 1, agentName: 'Luc Gagnon', appointmentsMoved: 1, appointmentsCancelled: 1 });

    const moved = await row(db, free.id);
    assert.deepEqual([moved.agent_id, moved.status, moved.video_link, moved.sequence, moved.version], [luc.id, 'planifie', LUC_ROOM, free.sequence + 1, free.version + 1]);
    const cancelled = await row(db, busy.id);
    assert.deepEqual([cancelled.agent_id, cancelled.status, cancelled.cancel_reason_code, cancelled.cancelled_by, cancelled.sequence], [luc.id, 'annule', 'changement_agent', manager.id, busy.sequence + 1]);
    assert.equal((await row(db, past.id)).agent_id, marie.id, 'the past stays with who held it');

    const lucsQueue = await openReproposals(db, { role: 'agent', id: luc.id });
    assert.deepEqual(
      lucsQueue.map((task) => [task.clientId, task.appointmentId]),
      [
        [jane.id, past.id],
        [jane.id, busy.id],
      ],
    );
    const tasks = await db.selectFrom('agent_tasks').selectAll().where('client_id', '=', jane.id).execute();
    assert.ok(
      tasks.every((task) => task.agent_id === luc.id),
      'every open task of Jane is Luc’s now',
    );
    assert.deepEqual(await openReproposals(db, { role: 'agent', id: marie.id }), []);
    await assert.rejects(getClient(db, { role: 'agent', id: marie.id }, jane.id), NotFoundError);

    const messages = await db.selectFrom('messages').selectAll().where('client_id', '=', jane.id).execute();
    assert.equal(messages.length, 1, 'one message');
    assert.match(messages[0].body_en, /followed by Luc Gagnon/);
    assert.match(messages[0].body_en, /kept, with Luc Gagnon/);
    assert.ok(messages[0].body_en.includes(LUC_ROOM));
    assert.match(messages[0].body_en, /cancelled\. A new appointment will be proposed/);
    const mails = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', jane.email).execute();
    assert.equal(mails.length, 1, 'one e-mail');
    assert.match(mails[0].body_text, /followed by Luc Gagnon[\s\S]*kept, with Luc Gagnon[\s\S]*cancelled\./);
    assert.equal(mails[0].calendar_ics, null, 'two appointments changed two ways: no single invitation can say both');
    assert.ok(mails[0].body_text.includes(`File number: ${fileNumber(jane.id)}`), mails[0].body_text);

    const audit = await db.selectFrom('audit_log').select('action').where('client_id', '=', jane.id).orderBy('id').execute();
    assert.deepEqual(
      audit.map((line) => line.action),
      ['appointment.moved_on_reassignment', 'appointment.cancelled_on_reassignment', 'client.reassigned'],
    );
  });

  test('no video room, an absence: cancelled with the reason; a plan that changed since the preview is not carried out', async (t) => {
    const { db, clock, marie, luc, jane, amina, manager, appointment } = await setUp(t, { lucRoom: null });
    const video = await appointment(jane.id, marie.id, '2026-12-03T15:00:00.000Z', 'visioconference');
    const away = await appointment(jane.id, marie.id, '2026-12-07T15:00:00.000Z', 'telephone');
    const later = await appointment(jane.id, marie.id, '2026-12-08T15:00:00.000Z', 'telephone');
    await insertAbsence(db, { agent_id: luc.id, kind: 'formation', label: null, starts_on: '2026-12-07', ends_on: '2026-12-07', created_at: START.toISOString(), created_by: manager.id });
    const preview = await previewReassignment(db, manager, { clientIds: [jane.id], agentId: luc.id, note: '' }, deps(clock));
    assert.ok(preview.ok);
    assert.deepEqual(
      preview.preview.clients[0].appointments.map((a) => [a.appointment.id, a.fate]),
      [
        [video.id, { action: 'cancel', why: 'NO_VIDEO_ROOM' }],
        [away.id, { action: 'cancel', why: 'AGENT_ABSENT' }],
        [later.id, { action: 'move' }],
      ],
    );
    // Meanwhile Luc gets an appointment at the time of the one that would have moved.
    await appointment(amina.id, luc.id, '2026-12-08T15:00:00.000Z', 'telephone');
    const result = await reassignClients(db, manager, { clientIds: [jane.id], agentId: luc.id, note: '', expected: preview.preview.fingerprint }, deps(clock));
    assert.ok(!result.ok && result.code === 'PLAN_CHANGED');
    assert.deepEqual(
      result.preview.clients[0].appointments.map((a) => a.fate.action),
      ['cancel', 'cancel', 'cancel'],
    );
    const jane2 = await db.selectFrom('accounts').select('agent_id').where('id', '=', jane.id).executeTakeFirstOrThrow();
    assert.equal(jane2.agent_id, marie.id, 'nothing done');
    assert.equal((await row(db, later.id)).status, 'planifie');
  });

  test('a reassignment and a proposal for the new agent at the same moment: never two planned appointments of the agent at once', async (t) => {
    const { db, clock, marie, luc, jane, amina, manager, appointment } = await setUp(t);
    const janes = await appointment(jane.id, marie.id, '2026-12-03T15:00:00.000Z', 'telephone');
    const [, proposal] = await Promise.all([
      reassignClients(db, manager, { clientIds: [jane.id], agentId: luc.id, note: '' }, deps(clock)),
      proposeAppointment(db, { role: 'agent', id: luc.id }, { clientId: amina.id, kind: 'suivi', date: '2026-12-03', time: '10:00', durationMinutes: 60, mode: 'telephone', phoneNumber: '514 555-0100' }, deps(clock)),
    ]);
    const lucs = await db.selectFrom('appointments').selectAll().where('agent_id', '=', luc.id).where('status', '=', 'planifie').execute();
    assert.equal(lucs.length, 1, JSON.stringify(lucs));
    const after = await row(db, janes.id);
    assert.equal(after.status === 'planifie', !proposal.ok, 'Jane’s moved exactly when the proposal was refused');
  });
});
