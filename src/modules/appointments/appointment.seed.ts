import { DateTime } from 'luxon';
import type { Account } from '../../db/database';
import type { DemoAccounts } from '../../db/seed/demo-accounts';
import type { Db } from '../../db/types';
import type { Clock } from '../../platform/clock';
import { writeMessage } from '../messages/message.service';
import { QUEBEC_ZONE } from '../../platform/business-time/quebec-time';
import { appointmentMessageKey, cancelledAppointmentMessage, newAppointmentMessage } from './appointment.notifications';
import { insertClosureDays } from '../../platform/business-time/closure-day.repository';
import { findReason, insertAppointment, insertReason, insertReproposalTask } from './appointment.repository';
import type { Appointment, NewAppointment, AppointmentKind, AppointmentMode, AppointmentStatus } from './appointment.tables';

const MARIE_LINK = 'https://rencontre.example.org/aq/marie-tremblay';
const OFFICE = '1200, boulevard Saint-Laurent, bureau 300, Montréal (Québec) H2X 0C5';

interface Slot {
  client: Account;
  agent: Account;
  kind: AppointmentKind;
  mode: AppointmentMode;
  /** Weekdays from today (negative: in the past), at this Québec hour. */
  days: number;
  hour: number;
  minutes?: number;
  status?: AppointmentStatus;
}

/**
 * This module's demo data (README « Demo accounts »), relative to the clock so it always reads the
 * same: John has 2 upcoming (phone, video), 2 attended and 1 cancelled appointments with their
 * messages (the upcoming ones unread); Jane her first needs assessment; Sam nothing; Luc's
 * clients their own. Also a retired cancellation reason and a few closure days.
 */
export async function seedAppointments(db: Db, accounts: DemoAccounts, clock: Clock): Promise<void> {
  const now = clock();
  const today = DateTime.fromJSDate(now, { zone: QUEBEC_ZONE }).startOf('day');
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  const day = 24 * 3600 * 1000;

  await insertReason(db, { code: 'plus_besoin', label_fr: "Je n'ai plus besoin de ce rendez-vous", label_en: 'I no longer need this appointment', active: 0, sort_order: 80 });
  await insertClosureDays(db, [
    { date: '2026-12-24', label_fr: 'Veille de Noël', label_en: 'Christmas Eve' },
    { date: '2026-12-31', label_fr: 'Veille du jour de l’An', label_en: "New Year's Eve" },
    { date: '2027-01-02', label_fr: 'Lendemain du jour de l’An', label_en: "Day after New Year's Day" },
    { date: '2027-12-24', label_fr: 'Veille de Noël', label_en: 'Christmas Eve' },
    { date: '2027-12-31', label_fr: 'Veille du jour de l’An', label_en: "New Year's Eve" },
  ]);

  const create = async (slot: Slot, createdAt: string, extra: Partial<NewAppointment> = {}): Promise<Appointment> => {
    const start = weekdaysFrom(today, slot.days).set({ hour: slot.hour, minute: 0 });
    const end = start.plus({ minutes: slot.minutes ?? 60 });
    return insertAppointment(db, {
      client_id: slot.client.id,
      agent_id: slot.agent.id,
      kind: slot.kind,
      mode: slot.mode,
      starts_at: start.toUTC().toISO() as string,
      ends_at: end.toUTC().toISO() as string,
      phone_number: slot.mode === 'telephone' ? (slot.client.phone ?? '514 555-0199') : null,
      video_link: slot.mode === 'visioconference' ? MARIE_LINK : null,
      address: slot.mode === 'en_personne' ? OFFICE : null,
      status: slot.status ?? 'planifie',
      created_at: createdAt,
      updated_at: createdAt,
      ...extra,
    });
  };
  const announce = async (appointment: Appointment, agent: Account, readAt: string | null) => {
    await writeMessage(db, {
      clientId: appointment.client_id,
      dedupeKey: appointmentMessageKey(appointment),
      content: newAppointmentMessage(appointment, agent.display_name),
      at: appointment.created_at,
      readAt,
    });
  };

  const { john, jane, ana, marie, luc, amina, carlos } = accounts;
  const firstEvaluation = await create({ client: john, agent: marie, kind: 'evaluation', mode: 'en_personne', days: -40, hour: 10, minutes: 90, status: 'termine' }, at(-62 * day));
  await announce(firstEvaluation, marie, at(-61 * day));
  const firstFollowUp = await create({ client: john, agent: marie, kind: 'suivi', mode: 'telephone', days: -15, hour: 14, status: 'termine' }, at(-30 * day));
  await announce(firstFollowUp, marie, at(-29 * day));

  // Cancelled by John; Marie has since proposed the two upcoming ones (her task is done).
  const cancelledAt = at(-9 * day);
  const cancelled = await create({ client: john, agent: marie, kind: 'suivi', mode: 'visioconference', days: -4, hour: 11, status: 'annule' }, at(-14 * day), {
    cancelled_by: john.id,
    cancelled_at: cancelledAt,
    cancel_reason_code: 'conflit_horaire',
    cancel_comment: 'Je travaille ce jour-là.',
    cancel_availability: 'Les après-midi, du lundi au jeudi',
    version: 2,
    sequence: 1,
    updated_at: cancelledAt,
  });
  await announce({ ...cancelled, sequence: 0, created_at: at(-14 * day) }, marie, at(-13 * day));
  const reason = await findReason(db, 'conflit_horaire');
  const reproposalDueAt = at(-7 * day);
  if (reason) await writeMessage(db, { clientId: john.id, dedupeKey: appointmentMessageKey(cancelled), content: cancelledAppointmentMessage(cancelled, reason, reproposalDueAt), at: cancelledAt, readAt: at(-8 * day) });
  await insertReproposalTask(db, { agent_id: marie.id, client_id: john.id, appointment_id: cancelled.id, due_at: reproposalDueAt, created_at: cancelledAt, done_at: at(-8 * day) });

  const byPhone = await create({ client: john, agent: marie, kind: 'suivi', mode: 'telephone', days: 5, hour: 10 }, at(-3 * day));
  await announce(byPhone, marie, null);
  const byVideo = await create({ client: john, agent: marie, kind: 'suivi', mode: 'visioconference', days: 12, hour: 13, minutes: 45 }, at(-2 * day));
  await announce(byVideo, marie, null);

  const janeEvaluation = await create({ client: jane, agent: marie, kind: 'evaluation', mode: 'visioconference', days: 3, hour: 9, minutes: 90 }, at(-1 * day));
  await announce(janeEvaluation, marie, null);

  // Ana's needs assessment was held on the previous business day; Marie has not recorded its outcome.
  const anaEvaluation = await create({ client: ana, agent: marie, kind: 'evaluation', mode: 'en_personne', days: -1, hour: 10, minutes: 90 }, at(-6 * day));
  await announce(anaEvaluation, marie, at(-5 * day));

  const aminaFollowUp = await create({ client: amina, agent: luc, kind: 'suivi', mode: 'en_personne', days: 4, hour: 15 }, at(-2 * day));
  await announce(aminaFollowUp, luc, null);
  const carlosEvaluation = await create({ client: carlos, agent: luc, kind: 'evaluation', mode: 'telephone', days: -6, hour: 9, status: 'termine' }, at(-20 * day));
  await announce(carlosEvaluation, luc, at(-19 * day));
}

/** Counts weekdays from a Québec day (skipping Saturdays and Sundays), forward or backward. */
function weekdaysFrom(start: DateTime, count: number): DateTime {
  let day = start;
  const step = count < 0 ? -1 : 1;
  for (let left = Math.abs(count); left > 0; ) {
    day = day.plus({ days: step });
    if (day.weekday <= 5) left -= 1;
  }
  return day;
}
