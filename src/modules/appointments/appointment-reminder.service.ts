import { DateTime } from 'luxon';
import type { Db } from '../../db/types';
import { QUEBEC_ZONE } from '../../platform/business-time/quebec-time';
import type { Clock } from '../../platform/clock';
import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { differsFromQuebec, formatDateTime, formatLongDate, formatTime, formatZoneName } from '../../ui/format/datetime';
import { agentContact } from '../accounts/account.service';
import { type ClientIdentity, clientRecipient, fileNumber } from '../accounts/directory.service';
import { wantsEmailNotices } from '../accounts/profile.service';
import { enqueueReminderWhilePlanned, findReminderCandidates, withdrawPendingReminder } from './appointment-reminder.repository';
import { detailLines } from './appointment.notifications';
import type { Appointment } from './appointment.tables';

/**
 * The e-mail reminder the day before an appointment.
 *
 * « The day before » is the Québec calendar day before the appointment's Québec date, from
 * `reminderHour` (10:00 by default) until midnight: late enough in the morning that an
 * appointment booked or moved at the start of the working day is caught in its final form, early
 * enough that the person can still arrange the next day (time off, child care, the trip) or
 * cancel so that the agent can offer the slot to someone else. A pass therefore only ever looks
 * at tomorrow's appointments; an appointment today — started or not — or in the past is never
 * reminded, and a reminder that could not go out the day before (the service down from 10:00 to
 * midnight) is not sent on the day itself, where its « demain » would be false.
 *
 * An appointment booked or changed on the day before — at any hour of that Québec day, before
 * the window opened as well as after — gets no reminder: its client was told about it that same
 * day by the change's own e-mail, which carries every detail and the calendar file (with its alarm
 * an hour before). Only « after the window opened » used to count, so an appointment booked at
 * 09:59 for the next day got its notice at 09:59 and the reminder at 10:00: two e-mails within a
 * minute for one booking (issue 19).
 *
 * Once per appointment and start time: the outbox key is `appointment-reminder:<id>:<starts_at>`,
 * so a moved appointment gets a reminder for its new time and the same one never goes twice, even
 * when several processes run the job at once (the key is unique in the outbox; see
 * enqueueReminderWhilePlanned for the conditional insert). Nothing else coordinates the processes.
 *
 * Like the appointment notices (appointment.notifications.ts, through notifyClient), a reminder
 * respects the person's choice of e-mail (« Mes informations »: no e-mail when turned off) and
 * writes no audit line: it changes nothing in the client's file. Unlike those notices it carries
 * the appointment's date, time, mode and where (address, or the number the agent will call)
 * because a reminder that says only « sign in » would not remind anyone; the video link stays
 * behind the sign-in, on the appointment's page.
 */

export interface ReminderDeps {
  clock: Clock;
  publicUrl: string;
  /** The hour (Québec time) from which the day-before reminders go out. */
  reminderHour: number;
}

export interface ReminderWindow {
  /** When the window opened today. */
  opensAt: string;
  /** Tomorrow in Québec, [from, to), as UTC instants comparable with `starts_at`. */
  from: string;
  to: string;
}

const utc = (dt: DateTime) => dt.toJSDate().toISOString();

/** Today's window, or undefined before `reminderHour` (Québec time). */
export function reminderWindow(now: Date, reminderHour: number): ReminderWindow | undefined {
  const local = DateTime.fromJSDate(now, { zone: QUEBEC_ZONE });
  const today = local.startOf('day');
  const opensAt = today.set({ hour: reminderHour });
  if (local < opensAt) return undefined;
  return { opensAt: utc(opensAt), from: utc(today.plus({ days: 1 })), to: utc(today.plus({ days: 2 })) };
}

/** One reminder per appointment and start time. */
export function reminderKey(appointment: Pick<Appointment, 'id' | 'starts_at'>): string {
  return `appointment-reminder:${appointment.id}:${appointment.starts_at}`;
}

const base = (publicUrl: string) => publicUrl.replace(/\/$/, '');

/** The reminder's subject and text in the person's language, with their own time when it differs. */
export function reminderMail(appointment: Appointment, client: Pick<ClientIdentity, 'id' | 'locale' | 'time_zone'>, agentName: string | undefined, publicUrl: string): { subject: string; body: string } {
  const locale: Locale = client.locale;
  const t = translator(locale);
  const ownTime = differsFromQuebec(appointment.starts_at, client.time_zone)
    ? [t('appointments.reminder.mail.ownTime', { when: formatDateTime(appointment.starts_at, locale, client.time_zone), zone: formatZoneName(client.time_zone, locale) })]
    : [];
  // The lines of the notices (date, Québec time, kind, mode, number or address), without the video link.
  const details = detailLines({ ...appointment, video_link: null }, locale);
  const video = appointment.mode === 'visioconference' ? [t('appointments.reminder.mail.video')] : [];
  const body = [
    t('appointments.reminder.mail.greeting'),
    '',
    agentName ? t('appointments.reminder.mail.introWithAgent', { agent: agentName }) : t('appointments.reminder.mail.intro'),
    '',
    ...details,
    ...ownTime,
    ...video,
    t('appointments.notify.line', { label: t('file.number'), value: fileNumber(client.id) }),
    '',
    t('appointments.reminder.mail.link', { link: `${base(publicUrl)}/rendez-vous/${appointment.id}` }),
    '',
    t('appointments.reminder.mail.why', { link: `${base(publicUrl)}/profil/informations` }),
    '',
    t('appointments.reminder.mail.footer'),
  ].join('\n');
  return {
    subject: t('appointments.reminder.mail.subject', { date: formatLongDate(appointment.starts_at, locale), time: formatTime(appointment.starts_at, locale) }),
    body,
  };
}

export interface ReminderPass {
  /** Reminders this pass wrote into the outbox. */
  queued: number;
  /** Appointments looked at whose reminder was not written: e-mail turned off, taken by another process, cancelled meanwhile. */
  skipped: number;
  /** Appointments whose reminder failed (logged by the caller; the next pass tries again). */
  failed: number;
}

/**
 * One pass: queues the reminders due now. Safe to run in any number of processes at once and as
 * often as wanted; a pass with nothing to do is one query.
 */
export async function queueDueReminders(db: Db, deps: ReminderDeps, onError?: (appointmentId: number, error: unknown) => void): Promise<ReminderPass> {
  const pass: ReminderPass = { queued: 0, skipped: 0, failed: 0 };
  const now = deps.clock();
  const window = reminderWindow(now, deps.reminderHour);
  if (!window) return pass;
  // Booked or changed today (the day before): the change's own e-mail was the reminder.
  const today = utc(DateTime.fromJSDate(now, { zone: QUEBEC_ZONE }).startOf('day'));
  const candidates = await findReminderCandidates(db, { from: window.from, to: window.to, now: now.toISOString(), changedBefore: today });
  for (const appointment of candidates) {
    try {
      if (await queueReminder(db, appointment, deps)) pass.queued += 1;
      else pass.skipped += 1;
    } catch (error) {
      pass.failed += 1;
      onError?.(appointment.id, error);
    }
  }
  return pass;
}

async function queueReminder(db: Db, appointment: Appointment, deps: ReminderDeps): Promise<boolean> {
  const client = await clientRecipient(db, appointment.client_id);
  if (!(await wantsEmailNotices(db, client.id))) return false;
  const agent = await agentContact(db, appointment.agent_id);
  const { subject, body } = reminderMail(appointment, client, agent?.display_name, deps.publicUrl);
  const at = deps.clock().toISOString();
  return enqueueReminderWhilePlanned(db, appointment, {
    to_address: client.email,
    subject,
    body_text: body,
    locale: client.locale,
    dedupe_key: reminderKey(appointment),
    next_attempt_at: at,
    created_at: at,
  });
}

/**
 * For the cancel and reschedule paths, inside their transaction, with the appointment as it was:
 * a reminder queued a moment before and not yet picked up by a worker is taken back, so that a
 * reminder never leaves for an appointment already cancelled or moved. (One already handed to
 * SMTP is followed by the change's own notice.)
 */
export function withdrawReminder(trx: Db, before: Pick<Appointment, 'id' | 'starts_at'>): Promise<void> {
  return withdrawPendingReminder(trx, reminderKey(before));
}
