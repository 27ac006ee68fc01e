import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';
import type { Actor } from '../../platform/access/actor';
import { replaceWeeklyHours } from '../availability/availability.repository';
import { proposeAppointment, type SlotInput } from './appointment-scheduling.service';
import { freeSlotsNear, proposalContext } from './appointment-slots.service';

// Tuesday 1 December 2026, 10:00 in Québec.
const START = new Date('2026-12-01T15:00:00Z');
const deps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });
const phoneSlot = (date: string, time: string, durationMinutes = 60): SlotInput => ({ kind: 'suivi', date, time, durationMinutes, mode: 'telephone', phoneNumber: '514 555-0142' });

async function setUp(t: Parameters<typeof testDatabase>[0]) {
  const { db } = await testDatabase(t);
  const clock = movableClock(START);
  const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay' });
  const client = await createAccount(db, { display_name: 'Sam Nouveau', agent_id: agent.id });
  const marie: Actor = { role: 'agent', id: agent.id };
  return { db, clock, agent, client, marie };
}

describe(`free slots from the database (${dialectName})`, () => {
  test('20 parallel proposals of one slot to 20 clients of one agent: exactly one appointment', async (t) => {
    const { db, clock, agent, marie } = await setUp(t);
    const clients = await Promise.all(Array.from({ length: 20 }, (_, i) => createAccount(db, { display_name: `Client ${i}`, agent_id: agent.id })));
    const results = await Promise.all(clients.map((c) => proposeAppointment(db, marie, { clientId: c.id, ...phoneSlot('2026-12-03', '10:00') }, deps(clock))));
    assert.equal(results.filter((r) => r.ok).length, 1);
    const refused = results.filter((r) => !r.ok);
    assert.ok(refused.every((r) => !r.ok && r.code === 'INVALID' && r.codes.includes('AGENT_BUSY')));
    const rows = await db.selectFrom('appointments').selectAll().where('agent_id', '=', agent.id).execute();
    assert.equal(rows.length, 1);
  });

  test('the offer skips both persons’ appointments, puts the cancellation’s « Vos disponibilités » first, and suggests the assessment', async (t) => {
    const { db, clock, agent, client, marie } = await setUp(t);
    const other = await createAccount(db, { display_name: 'Jane Roe', agent_id: agent.id });
    const luc = await createAccount(db, { role: 'agent', display_name: 'Luc Gagnon' });
    const at = START.toISOString();
    const base = {
      kind: 'suivi' as const,
      mode: 'telephone' as const,
      phone_number: '1',
      video_link: null,
      address: null,
      cancelled_by: null,
      cancelled_at: null,
      cancel_reason_code: null,
      cancel_comment: null,
      cancel_availability: null,
      status: 'planifie' as const,
      created_at: at,
      updated_at: at,
    };
    // Marie with Jane on Tuesday 10:30–11:30; Sam with Luc at 12:00–13:00; Sam cancelled one, saying « le jeudi après-midi ».
    await db
      .insertInto('appointments')
      .values([
        { ...base, client_id: other.id, agent_id: agent.id, starts_at: '2026-12-01T15:30:00.000Z', ends_at: '2026-12-01T16:30:00.000Z' },
        { ...base, client_id: client.id, agent_id: luc.id, starts_at: '2026-12-01T17:00:00.000Z', ends_at: '2026-12-01T18:00:00.000Z' },
        {
          ...base,
          client_id: client.id,
          agent_id: agent.id,
          starts_at: '2026-11-20T15:00:00.000Z',
          ends_at: '2026-11-20T16:00:00.000Z',
          status: 'annule',
          cancelled_by: client.id,
          cancelled_at: '2026-11-19T15:00:00.000Z',
          cancel_availability: 'Le jeudi après-midi',
        },
      ])
      .execute();
    const context = await proposalContext(db, marie, { clientId: client.id, durationMinutes: 60 }, deps(clock));
    assert.equal(context.suggestedKind, 'evaluation', 'no attended assessment yet');
    assert.equal(context.needs.cancellationAvailability, 'Le jeudi après-midi');
    assert.deepEqual(
      context.slots.map((s) => `${s.date} ${s.time} ${s.isInClientAvailability ? '*' : ''}`.trim()),
      ['2026-12-03 13:00 *', '2026-12-03 13:30 *', '2026-12-03 14:00 *', '2026-12-03 14:30 *', '2026-12-03 15:00 *', '2026-12-10 13:00 *', '2026-12-10 13:30 *', '2026-12-10 14:00 *'],
    );
    // The nearest to a taken moment (Tuesday 11:00) lie on both sides of it, never on either person's appointment.
    const nearest = await freeSlotsNear(db, marie, { clientId: client.id, durationMinutes: 60, moment: new Date('2026-12-01T16:00:00.000Z') }, deps(clock));
    assert.deepEqual(
      nearest.map((s) => `${s.date} ${s.time}`),
      ['2026-12-01 13:00', '2026-12-01 13:30', '2026-12-01 14:00'],
    );
  });

  test('an agent’s own hours are the offer’s hours; another agent’s client is not found', async (t) => {
    const { db, clock, agent, client, marie } = await setUp(t);
    await replaceWeeklyHours(db, agent.id, [{ weekday: 3, start_minute: 14 * 60, end_minute: 15 * 60 }]);
    const context = await proposalContext(db, marie, { clientId: client.id, durationMinutes: 30 }, deps(clock));
    assert.deepEqual(
      context.slots.map((s) => `${s.date} ${s.time}`),
      ['2026-12-02 14:00', '2026-12-02 14:30', '2026-12-09 14:00', '2026-12-09 14:30'],
    );
    const luc = await createAccount(db, { role: 'agent' });
    await assert.rejects(proposalContext(db, { role: 'agent', id: luc.id }, { clientId: client.id, durationMinutes: 30 }, deps(clock)), { name: 'NotFoundError' });
  });
});

describe(`free slots for a client nobody follows yet (${dialectName})`, () => {
  test('a manager sees the form’s context without slots; an agent’s own proposal would make the client theirs', async (t) => {
    const { db } = await testDatabase(t);
    const clock = movableClock(START);
    const manager = await createAccount(db, { role: 'admin' });
    const agent = await createAccount(db, { role: 'agent' });
    const client = await createAccount(db, { display_name: 'Sam Nouveau' });
    const forManager = await proposalContext(db, { role: 'manager', id: manager.id }, { clientId: client.id, durationMinutes: 60 }, deps(clock));
    assert.deepEqual(forManager.slots, []);
    assert.equal(forManager.suggestedKind, 'evaluation');
    const forAgent = await proposalContext(db, { role: 'agent', id: agent.id }, { clientId: client.id, durationMinutes: 60 }, deps(clock)).catch((e: Error) => e.name);
    assert.equal(forAgent, 'NotFoundError', 'not in her caseload');
  });
});

describe(`« Modifier »'s free slots (${dialectName})`, () => {
  test('the appointment being changed does not make its own time busy', async (t) => {
    const { db, clock, agent, client, marie } = await setUp(t);
    await replaceWeeklyHours(db, agent.id, [{ weekday: 3, start_minute: 14 * 60, end_minute: 15 * 60 }]);
    const booked = await proposeAppointment(db, marie, { clientId: client.id, ...phoneSlot('2026-12-02', '14:00') }, deps(clock));
    assert.ok(booked.ok);
    const moments = async (exceptId?: number) => (await proposalContext(db, marie, { clientId: client.id, durationMinutes: 60, exceptId }, deps(clock))).slots.map((s) => `${s.date} ${s.time}`);
    assert.deepEqual(await moments(), ['2026-12-09 14:00']);
    assert.deepEqual(await moments(booked.appointment.id), ['2026-12-02 14:00', '2026-12-09 14:00']);
  });
});
