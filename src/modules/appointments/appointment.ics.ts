import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { detailLines } from './appointment.notifications';
import type { Appointment } from './appointment.tables';

/** `20261203T150000Z`: times in UTC, which every calendar converts to its own zone (RFC 5545 §3.3.5 form 2). */
function utcStamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export interface IcsInput {
  appointment: Appointment;
  agent: { display_name: string; email: string } | undefined;
  locale: Locale;
  publicUrl: string;
  /** DTSTAMP: when this file was produced. */
  now: Date;
}

/**
 * The appointment as an iCalendar file. The UID is stable and SEQUENCE follows the appointment,
 * so importing a newer file (or a cancelled one: STATUS:CANCELLED) updates the same event. A
 * planned one carries an alarm an hour before, in the reader's language.
 */
export function appointmentIcs({ appointment, agent, locale, publicUrl, now }: IcsInput): string {
  const t = translator(locale);
  const description = [...detailLines(appointment, locale), ...(agent ? [t('appointments.ics.agent', { name: `${agent.display_name} <${agent.email}>` })] : [])].join('\n');
  const location = appointment.mode === 'en_personne' ? appointment.address : appointment.mode === 'visioconference' ? appointment.video_link : appointment.phone_number;
  const url = `${publicUrl.replace(/\/$/, '')}/rendez-vous/${appointment.id}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gouvernement du Québec//Accompagnement Québec//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:appointment-${appointment.id}@accompagnement-quebec`,
    `DTSTAMP:${utcStamp(now.toISOString())}`,
    `DTSTART:${utcStamp(appointment.starts_at)}`,
    `DTEND:${utcStamp(appointment.ends_at)}`,
    `SEQUENCE:${appointment.sequence}`,
    `LAST-MODIFIED:${utcStamp(appointment.updated_at)}`,
    `STATUS:${appointment.status === 'annule' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(t('appointments.ics.summary', { kind: t(`appointments.kind.${appointment.kind}`) }))}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `URL:${url}`,
    // A calendar alarm an hour before (the e-mail reminder comes the day before); none on a
    // cancelled event, which must not ring. ACTION:DISPLAY requires a DESCRIPTION (§3.6.6).
    ...(appointment.status === 'annule' ? [] : ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(t('appointments.ics.alarm'))}`, 'TRIGGER:-PT1H', 'END:VALARM']),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
