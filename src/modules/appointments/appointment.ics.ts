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

/**
 * TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma, and a line break (CRLF, LF, or
 * a Unicode line or paragraph separator) as `\n`. A TEXT value may carry no control character
 * (§3.3.11's TSAFE-CHAR excludes CONTROL): anything else an agent typed — a lone CR, a tab, NUL, a
 * C1 control — is dropped (a tab becomes a space), so that no calendar ever reads a stray line
 * break or a truncated value.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\n|\u2028|\u2029/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[^\P{Cc}\n]/gu, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * A parameter value (§3.2: `CN="…"`): quoted, since names hold commas and spaces; DQUOTE and
 * control characters cannot be escaped there, so they are dropped.
 */
export function paramValue(value: string): string {
  return `"${value.replace(/[\p{Cc}"]/gu, '')}"`;
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
  /**
   * How the file is meant (RFC 5546): PUBLISH (default) for « Ajouter à mon agenda »; REQUEST for
   * the invitation an e-mail carries for a new or changed appointment, CANCEL for a cancelled one.
   * Those two name the agent as ORGANIZER and the client as ATTENDEE, as iTIP requires.
   */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  /** The client, for REQUEST and CANCEL. */
  attendee?: { display_name: string; email: string };
}

/** The `mailto:` of a person; a space or control character cannot be part of it and is dropped. */
const mailto = (email: string) => `mailto:${email.replace(/[\p{Cc}\s]/gu, '')}`;

/**
 * The appointment as an iCalendar file. The UID is stable and SEQUENCE follows the appointment,
 * so importing a newer file (or a cancelled one: STATUS:CANCELLED) updates the same event. A
 * planned one carries an alarm an hour before, in the reader's language.
 */
export function appointmentIcs({ appointment, agent, locale, publicUrl, now, method = 'PUBLISH', attendee }: IcsInput): string {
  const t = translator(locale);
  const description = [...detailLines(appointment, locale), ...(agent ? [t('appointments.ics.agent', { name: `${agent.display_name} <${agent.email}>` })] : [])].join('\n');
  const location = appointment.mode === 'en_personne' ? appointment.address : appointment.mode === 'visioconference' ? appointment.video_link : appointment.phone_number;
  const url = `${publicUrl.replace(/\/$/, '')}/rendez-vous/${appointment.id}`;
  const parties =
    method === 'PUBLISH'
      ? []
      : [
          ...(agent ? [`ORGANIZER;CN=${paramValue(agent.display_name)}:${mailto(agent.email)}`] : []),
          ...(attendee ? [`ATTENDEE;CN=${paramValue(attendee.display_name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailto(attendee.email)}`] : []),
        ];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gouvernement du Québec//Accompagnement Québec//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
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
    ...parties,
    // A calendar alarm an hour before (the e-mail reminder comes the day before); none on a
    // cancelled event, which must not ring. ACTION:DISPLAY requires a DESCRIPTION (§3.6.6).
    ...(appointment.status === 'annule' ? [] : ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(t('appointments.ics.alarm'))}`, 'TRIGGER:-PT1H', 'END:VALARM']),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
