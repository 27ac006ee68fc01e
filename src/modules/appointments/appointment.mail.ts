import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { type ComposedMail, headerText, type MailDetail, renderMail } from '../../platform/mail/mail-document';
import { differsFromQuebec, formatLongDate, formatTime, formatZoneName } from '../../ui/format/datetime';
import { fileNumber } from '../accounts/directory.service';
import { appointmentIcs } from './appointment.ics';
import type { Appointment, CancellationReason } from './appointment.tables';

export type AppointmentEvent = 'new' | 'changed' | 'cancelled';

export interface AppointmentMailInput {
  event: AppointmentEvent;
  /** The appointment as it is after the change (cancelled: as it was, with its cancellation). */
  appointment: Appointment;
  client: { id: number; display_name: string; email: string; locale: Locale; time_zone: string };
  agent: { display_name: string; email: string } | undefined;
  /** Why it was cancelled (cancelled only). */
  reason?: CancellationReason;
  /** Cancelled by the client: by when a new appointment will be proposed. */
  reproposalDueAt?: string;
  /** The agent wrote why it changed (its text stays in the message centre). */
  hasNote?: boolean;
  publicUrl: string;
  /** The message centre's copy of the notice. */
  messageUrl: string;
  /** DTSTAMP of the attached file: when the mail is queued. */
  now: Date;
}

const base = (publicUrl: string) => publicUrl.replace(/\/$/, '');

/** « 10 h 00 à 11 h 00 » in a zone. */
function timeRange(appointment: Appointment, locale: Locale, zone?: string): string {
  const t = translator(locale);
  return t('appointments.time.range', { start: formatTime(appointment.starts_at, locale, zone), end: formatTime(appointment.ends_at, locale, zone) });
}

/**
 * The rows every appointment mail shows: date and Québec time, the person's own time when their
 * zone reads another clock, kind, mode, where (the number the agent calls, the video link, the
 * address) and the agent. Typed values are shown as typed: the HTML renderer escapes them.
 */
function detailRows(input: AppointmentMailInput): MailDetail[] {
  const { appointment: a, client, agent } = input;
  const locale = client.locale;
  const t = translator(locale);
  const rows: MailDetail[] = [
    { label: t('appointments.detail.date'), value: formatLongDate(a.starts_at, locale) },
    { label: t('appointments.detail.time'), value: t('appointments.time.quebec', { range: timeRange(a, locale) }) },
  ];
  if (differsFromQuebec(a.starts_at, client.time_zone)) {
    const own = t('appointments.time.own', { range: timeRange(a, locale, client.time_zone), zone: formatZoneName(client.time_zone, locale) });
    rows.push({ label: t('appointments.mail.ownTime'), value: `${formatLongDate(a.starts_at, locale, client.time_zone)}, ${own}` });
  }
  rows.push({ label: t('appointments.detail.kind'), value: t(`appointments.kind.${a.kind}`) }, { label: t('appointments.detail.mode'), value: t(`appointments.mode.${a.mode}`) });
  if (a.mode === 'telephone' && a.phone_number) rows.push({ label: t('appointments.detail.phone'), value: a.phone_number });
  if (a.mode === 'visioconference' && a.video_link) rows.push({ label: t('appointments.detail.link'), value: a.video_link, href: a.video_link });
  if (a.mode === 'en_personne' && a.address) rows.push({ label: t('appointments.detail.address'), value: a.address });
  if (agent) rows.push({ label: t('appointments.mail.agent'), value: agent.display_name });
  // The number to quote when the person calls about this appointment.
  rows.push({ label: t('file.number'), value: fileNumber(client.id) });
  return rows;
}

/** « Un nouveau rendez-vous vous sera proposé au plus tard le … », the date when it is known. */
function nextProposal(input: AppointmentMailInput): string {
  const locale = input.client.locale;
  const t = translator(locale);
  const due = input.reproposalDueAt;
  return due ? t('appointments.next.reproposal', { date: formatLongDate(due, locale), time: formatTime(due, locale) }) : t('appointments.mail.cancelled.next');
}

function introOf(input: AppointmentMailInput): string[] {
  const t = translator(input.client.locale);
  const agent = input.agent?.display_name ?? t('appointments.mail.agent');
  const reason = input.reason ? (input.client.locale === 'en' ? input.reason.label_en : input.reason.label_fr) : '';
  switch (input.event) {
    case 'new':
      return [t('appointments.mail.new.intro', { agent })];
    case 'changed':
      return [t('appointments.mail.changed.intro', { agent }), ...(input.hasNote ? [t('appointments.mail.changed.note')] : [])];
    case 'cancelled':
      return input.appointment.cancelled_by === input.client.id ? [t('appointments.mail.cancelledByClient.intro', { reason }), nextProposal(input)] : [t('appointments.mail.cancelledByAgent.intro', { agent, reason })];
  }
}

/** The subject: the message centre's subject of the same event. */
function subjectOf(input: AppointmentMailInput): string {
  const locale = input.client.locale;
  const t = translator(locale);
  const when = { date: formatLongDate(input.appointment.starts_at, locale), time: formatTime(input.appointment.starts_at, locale) };
  const key = input.event === 'new' ? 'appointments.notify.new.subject' : input.event === 'changed' ? 'appointments.notify.changed.subject' : 'appointments.notify.cancelled.subject';
  return headerText(t(key, when));
}

/**
 * The e-mail of a new, changed or cancelled appointment, in the client's language: what, when (in
 * Québec, and at home when that reads differently), how and where, with whom, links to the
 * appointment and to the message, in plain text and HTML, with the appointment's iCalendar file
 * as an invitation (REQUEST; CANCEL with STATUS:CANCELLED for a cancellation; SEQUENCE from the
 * appointment, so the calendar updates the same event). The agent's free text (a change's note, a
 * cancellation's comment) stays in the message centre, behind the sign-in.
 */
export function appointmentMail(input: AppointmentMailInput): ComposedMail {
  const { appointment, client } = input;
  const locale = client.locale;
  const t = translator(locale);
  const subject = subjectOf(input);
  const method = input.event === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const { text, html } = renderMail({
    locale,
    title: subject,
    greeting: t('appointments.mail.greeting', { name: client.display_name }),
    intro: introOf(input),
    details: detailRows(input),
    outro: [t('appointments.mail.message'), t(method === 'CANCEL' ? 'appointments.mail.calendar.cancel' : 'appointments.mail.calendar.request')],
    links: [
      { label: t('appointments.mail.link.appointment'), href: `${base(input.publicUrl)}/rendez-vous/${appointment.id}` },
      { label: t('appointments.mail.link.message'), href: input.messageUrl },
    ],
    footer: [t('appointments.mail.why', { link: `${base(input.publicUrl)}/profil/informations` }), ...t('appointments.reminder.mail.footer').split('\n\n')],
  });
  const ics = appointmentIcs({ appointment, agent: input.agent, attendee: client, locale, publicUrl: input.publicUrl, now: input.now, method });
  return { subject, text, html, calendar: { method, ics } };
}
