import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import type { MessageContent } from '../messages/message.service';
import { formatLongDate, formatTime } from '../../ui/format/datetime';
import type { Appointment, CancellationReason } from './appointment.tables';

/** The message-centre texts about one appointment, written in both languages at once. */
function bilingual(build: (locale: Locale) => { subject: string; body: string }): MessageContent {
  const fr = build('fr');
  const en = build('en');
  return { subject: { fr: fr.subject, en: en.subject }, body: { fr: fr.body, en: en.body } };
}

/** The lines that describe an appointment (date, time, kind, mode and where). */
export function detailLines(appointment: Appointment, locale: Locale): string[] {
  const t = translator(locale);
  const line = (label: string, value: string) => t('appointments.notify.line', { label, value });
  const range = t('appointments.time.range', { start: formatTime(appointment.starts_at, locale), end: formatTime(appointment.ends_at, locale) });
  const lines = [
    line(t('appointments.detail.date'), formatLongDate(appointment.starts_at, locale)),
    line(t('appointments.detail.time'), t('appointments.time.quebec', { range })),
    line(t('appointments.detail.kind'), t(`appointments.kind.${appointment.kind}`)),
    line(t('appointments.detail.mode'), t(`appointments.mode.${appointment.mode}`)),
  ];
  if (appointment.mode === 'telephone' && appointment.phone_number) lines.push(line(t('appointments.detail.phone'), appointment.phone_number));
  if (appointment.mode === 'visioconference' && appointment.video_link) lines.push(line(t('appointments.detail.link'), appointment.video_link));
  if (appointment.mode === 'en_personne' && appointment.address) lines.push(line(t('appointments.detail.address'), appointment.address));
  return lines;
}

export function newAppointmentMessage(appointment: Appointment, agentName: string): MessageContent {
  return bilingual((locale) => {
    const t = translator(locale);
    const when = { date: formatLongDate(appointment.starts_at, locale), time: formatTime(appointment.starts_at, locale) };
    return {
      subject: t('appointments.notify.new.subject', when),
      body: [t('appointments.notify.new.intro', { agent: agentName }), '', ...detailLines(appointment, locale)].join('\n'),
    };
  });
}

/** The client cancelled: the guide's « dans les deux jours ouvrables », then the date it means (`reproposalDueAt`). */
export function cancelledAppointmentMessage(appointment: Appointment, reason: CancellationReason, reproposalDueAt: string): MessageContent {
  return bilingual((locale) => {
    const t = translator(locale);
    const when = { date: formatLongDate(appointment.starts_at, locale), time: formatTime(appointment.starts_at, locale) };
    const label = locale === 'en' ? reason.label_en : reason.label_fr;
    const due = t('appointments.next.reproposal', { date: formatLongDate(reproposalDueAt, locale), time: formatTime(reproposalDueAt, locale) });
    return {
      subject: t('appointments.notify.cancelled.subject', when),
      body: [t('appointments.notify.cancelled.intro', { reason: label }), '', ...detailLines(appointment, locale), '', t('appointments.notify.cancelled.next'), due].join('\n'),
    };
  });
}

/** One message per version of the appointment the client must hear about. */
export function appointmentMessageKey(appointment: Pick<Appointment, 'id' | 'sequence'>): string {
  return `appointment:${appointment.id}:seq:${appointment.sequence}`;
}

export function changedAppointmentMessage(appointment: Appointment, note: string | null): MessageContent {
  return bilingual((locale) => {
    const t = translator(locale);
    const when = { date: formatLongDate(appointment.starts_at, locale), time: formatTime(appointment.starts_at, locale) };
    const why = note ? ['', t('appointments.notify.changed.why', { note })] : [];
    return {
      subject: t('appointments.notify.changed.subject', when),
      body: [t('appointments.notify.changed.intro'), ...why, '', ...detailLines(appointment, locale)].join('\n'),
    };
  });
}

export function cancelledByAgentMessage(appointment: Appointment, reason: CancellationReason): MessageContent {
  return bilingual((locale) => {
    const t = translator(locale);
    const when = { date: formatLongDate(appointment.starts_at, locale), time: formatTime(appointment.starts_at, locale) };
    const label = locale === 'en' ? reason.label_en : reason.label_fr;
    const comment = appointment.cancel_comment ? ['', t('appointments.notify.changed.why', { note: appointment.cancel_comment })] : [];
    return {
      subject: t('appointments.notify.cancelled.subject', when),
      body: [t('appointments.notify.agentCancelled.intro', { reason: label }), ...comment, '', ...detailLines(appointment, locale)].join('\n'),
    };
  });
}
