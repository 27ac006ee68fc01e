import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';
import type { Actor } from '../../platform/access/actor';
import { saveTeamMomentChoices, teamMomentChoices } from '../availability/availability.service';
import { proposeAppointment } from './appointment-scheduling.service';
import { cancelAppointment } from './appointment.service';
import { chooseMoment, isMomentChoiceOpen, momentChoice } from './moment-choice.service';

// Tuesday 1 December 2026, 10:00 in Québec.
const START = new Date('2026-12-01T15:00:00Z');
const deps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });

/** Sam's appointment with Marie (team « equipe-a »), cancelled by Sam: his re-proposal is open. */
async function setUp(t: Parameters<typeof testDatabase>[0]) {
  const { db } = await testDatabase(t);
  const clock = movableClock(START);
  const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay', team: 'equipe-a' });
  await createAccount(db, { role: 'agent', display_name: 'Luc Gagnon', team: 'equipe-b' });
  const manager = await createAccount(db, { role: 'admin' });
  const client = await createAccount(db, { display_name: 'Sam Nouveau', agent_id: agent.id, phone: '438 555-0177' });
  const marie: Actor = { role: 'agent', id: agent.id };
  const sam: Actor = { role: 'client', id: client.id };
  const proposed = await proposeAppointment(db, marie, { clientId: client.id, kind: 'evaluation', date: '2026-12-03', time: '10:00', durationMinutes: 90, mode: 'telephone', phoneNumber: '438 555-0177' }, deps(clock));
  assert.ok(proposed.ok);
  const cancelled = await cancelAppointment(db, sam, { appointmentId: proposed.appointment.id, reasonCode: 'maladie', comment: null, availability: 'Le mardi après-midi' }, deps(clock));
  assert.ok(cancelled.ok);
  return { db, clock, agent, client, marie, sam, manager: { role: 'manager', id: manager.id } as Actor, cancelledId: proposed.appointment.id };
}

describe(`« Choisir un nouveau moment » (${dialectName})`, () => {
  test('off by default; once the manager turns it on for the team, the client’s stated availability comes first; an agent’s proposal closes it', async (t) => {
    const { db, clock, client, marie, sam, manager, cancelledId } = await setUp(t);
    assert.deepEqual(
      (await teamMomentChoices(db, manager)).map(({ team, isOn }) => ({ team, isOn })),
      [
        { team: 'equipe-a', isOn: false },
        { team: 'equipe-b', isOn: false },
      ],
    );
    assert.equal(await momentChoice(db, sam, cancelledId, deps(clock)), null);
    assert.deepEqual(await chooseMoment(db, sam, { cancelledId, date: '2026-12-08', time: '13:00' }, deps(clock)), { ok: false, code: 'CHOICE_CLOSED' });
    await assert.rejects(teamMomentChoices(db, marie), { name: 'NotFoundError' });

    await saveTeamMomentChoices(db, manager, ['equipe-a'], deps(clock));
    const choice = await momentChoice(db, sam, cancelledId, deps(clock));
    assert.ok(choice);
    assert.deepEqual(
      choice.slots.slice(0, 2).map((s) => [s.date, s.time, s.isInClientAvailability]),
      [
        ['2026-12-01', '13:00', true],
        ['2026-12-01', '13:30', true],
      ],
    );
    assert.equal(Date.parse(choice.slots[0].endsAt) - Date.parse(choice.slots[0].startsAt), 90 * 60_000, 'as long as the cancelled one');
    await assert.rejects(momentChoice(db, { role: 'client', id: (await createAccount(db, {})).id }, cancelledId, deps(clock)), { name: 'NotFoundError' });

    const other = await proposeAppointment(db, marie, { clientId: client.id, kind: 'evaluation', date: '2026-12-04', time: '10:00', durationMinutes: 90, mode: 'telephone', phoneNumber: '1' }, deps(clock));
    assert.ok(other.ok);
    assert.equal(await isMomentChoiceOpen(db, sam, cancelledId), false, 'a new appointment was proposed: the choice is closed');
  });

  test('of two parallel picks of one slot, exactly one wins: one appointment, the task closed, audited as the client’s', async (t) => {
    const { db, clock, client, sam, manager, cancelledId } = await setUp(t);
    await saveTeamMomentChoices(db, manager, ['equipe-a'], deps(clock));
    const results = await Promise.all([0, 1].map(() => chooseMoment(db, sam, { cancelledId, date: '2026-12-08', time: '13:00' }, deps(clock))));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.ok(results.some((r) => !r.ok && (r.code === 'SLOT_TAKEN' || r.code === 'CHOICE_CLOSED')));
    const planned = await db.selectFrom('appointments').selectAll().where('client_id', '=', client.id).where('status', '=', 'planifie').execute();
    assert.equal(planned.length, 1);
    assert.deepEqual(
      [planned[0].kind, planned[0].mode, planned[0].phone_number, planned[0].starts_at, planned[0].ends_at],
      ['evaluation', 'telephone', '438 555-0177', '2026-12-08T18:00:00.000Z', '2026-12-08T19:30:00.000Z'],
    );
    const open = await db.selectFrom('agent_tasks').select('id').where('client_id', '=', client.id).where('done_at', 'is', null).execute();
    assert.equal(open.length, 0);
    const audit = await db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'appointment.chosen_by_client').execute();
    assert.deepEqual(audit, [{ action: 'appointment.chosen_by_client', actor_id: client.id }]);
    // A taken slot of the agent's is refused, not booked over.
    assert.equal((await chooseMoment(db, sam, { cancelledId, date: '2026-12-08', time: '13:00' }, deps(clock))).ok, false);
  });
});
