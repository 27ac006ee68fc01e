import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { movableClock } from '../../../test/helpers/app';
import { dialectName, testDatabase } from '../../../test/helpers/database';
import { createAccount } from '../../seed/factories';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { fileNumber } from '../accounts/directory.service';
import { cancelAsAgent, proposeAppointment, rescheduleAppointment, type SlotInput } from './appointment-scheduling.service';
import { cancelAppointment } from './appointment.service';

/**
 * Every e-mail about an appointment gives the client's file number (« AQ-000123 »), the reference
 * they quote when they call: in both parts of the mail, in the client's language.
 */

const deps = (clock: ReturnType<typeof movableClock>) => ({ clock, publicUrl: 'https://aq.example.org', reproposalBusinessDays: 2, businessDayStartHour: 8, businessDayEndHour: 16 });
const phone = (date: string, time: string): SlotInput => ({ kind: 'suivi', date, time, durationMinutes: 60, mode: 'telephone', phoneNumber: '514 555-0101' });
const mailsTo = (db: Db, address: string) => db.selectFrom('mail_outbox').selectAll().where('to_address', '=', address).orderBy('id').execute();

describe(`the file number in the appointment e-mails (${dialectName})`, () => {
  test('proposed, moved and cancelled by the agent (French), proposed and cancelled by the client (English)', async (t) => {
    const { db } = await testDatabase(t);
    const clock = movableClock(new Date('2026-11-30T14:00:00Z')); // Monday 09:00 in Québec
    const agent = await createAccount(db, { role: 'agent', display_name: 'Marie Tremblay' });
    const marie: Actor = { role: 'agent', id: agent.id };
    const john = await createAccount(db, { email: 'john@example.test', locale: 'fr', agent_id: agent.id, display_name: 'John Doe' });
    const lea = await createAccount(db, { email: 'lea@example.test', locale: 'en', agent_id: agent.id, display_name: 'Lea Smith' });

    const booked = await proposeAppointment(db, marie, { clientId: john.id, ...phone('2026-12-03', '10:00') }, deps(clock));
    const first = booked.ok ? booked.appointment : assert.fail(JSON.stringify(booked));
    const moved = await rescheduleAppointment(db, marie, { appointmentId: first.id, version: first.version, note: null, ...phone('2026-12-03', '13:00') }, deps(clock));
    const after = moved.ok ? moved.appointment : assert.fail(JSON.stringify(moved));
    assert.ok((await cancelAsAgent(db, marie, { appointmentId: after.id, reasonCode: 'maladie', comment: null, version: after.version }, deps(clock))).ok);

    const french = await mailsTo(db, 'john@example.test');
    assert.deepEqual(
      french.map((m) => m.subject.split(' ')[0]),
      ['Nouveau', 'Rendez-vous', 'Rendez-vous'],
    );
    for (const mail of french) {
      assert.ok(mail.body_text.includes(`Numéro de dossier\u202f: ${fileNumber(john.id)}`), mail.body_text);
      assert.match(mail.body_html ?? '', new RegExp(`>Numéro de dossier</th><td[^>]*>${fileNumber(john.id)}</td>`));
    }

    const leas = await proposeAppointment(db, marie, { clientId: lea.id, ...phone('2026-12-04', '10:00') }, deps(clock));
    const hers = leas.ok ? leas.appointment : assert.fail(JSON.stringify(leas));
    const client: Actor = { role: 'client', id: lea.id };
    assert.ok((await cancelAppointment(db, client, { appointmentId: hers.id, reasonCode: 'maladie', comment: null }, deps(clock))).ok);

    const english = await mailsTo(db, 'lea@example.test');
    assert.deepEqual(
      english.map((m) => m.calendar_method),
      ['REQUEST', 'CANCEL'],
    );
    for (const mail of english) {
      assert.ok(mail.body_text.includes(`File number: ${fileNumber(lea.id)}`), mail.body_text);
      assert.match(mail.body_html ?? '', new RegExp(`>File number</th><td[^>]*>${fileNumber(lea.id)}</td>`));
    }
  });
});
