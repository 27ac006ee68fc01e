import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import type { AgentCalendarEntry } from '../appointments/agent-calendar.service';
import type { AppointmentMode } from '../appointments/appointment.tables';
import { escapeText } from '../appointments/appointment.ics';

const STORED_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

/** `20261203T150000Z` (RFC 5545 §3.3.5, form 2: UTC, which every calendar shows in its own zone). */
function utcStamp(iso: string): string {
  // The stored instants are already UTC ISO strings: rearranged, not parsed (a feed has thousands).
  const parts = STORED_INSTANT.exec(iso) ?? STORED_INSTANT.exec(new Date(iso).toISOString());
  const [, year, month, day, hour, minute, second] = parts as RegExpExecArray;
  return `${year}${month}${day}T${hour}${minute}${second}Z`;
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * appointment.ics.ts's folding (75 octets a line, never inside a character), with each
 * character's UTF-8 size worked out instead of asked of Buffer, and ASCII lines cut by length: a
 * year's feed is thousands of lines, and folding made most of its time.
 */
export function foldFeedLine(line: string): string {
  if (line.length <= 25) return line; // at most 3 octets a UTF-16 unit: within 75
  if (!NON_ASCII.test(line)) {
    if (line.length <= 75) return line;
    const parts = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join('\r\n ');
  }
  let folded = '';
  let start = 0;
  let octets = 0;
  let limit = 75; // continuation lines start with a space
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i) as number;
    const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      folded += `${line.slice(start, i)}\r\n `;
      start = i;
      octets = 0;
      limit = 74;
    }
    octets += size;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return folded + line.slice(start);
}

const MODES: AppointmentMode[] = ['telephone', 'visioconference', 'en_personne'];
const LOCATION_LABEL = { telephone: 'appointments.detail.phone', visioconference: 'appointments.detail.link', en_personne: 'appointments.detail.address' } as const;

export interface AgendaFeedInput {
  entries: AgentCalendarEntry[];
  locale: Locale;
  publicUrl: string;
  /** DTSTAMP: when the feed was produced. */
  now: Date;
}

/**
 * The agent's appointments as one subscribed calendar (« S'abonner à mon agenda »). Each event
 * keeps the UID of the client's own .ics (appointment.ics.ts) and the appointment's SEQUENCE, so
 * a change or a cancellation (STATUS:CANCELLED) updates the same event. The summary names the
 * client, as the agent's agenda does; the link opens the appointment in the workspace. No alarm:
 * the agent's calendar application has its own.
 */
export function agendaFeedIcs({ entries, locale, publicUrl, now }: AgendaFeedInput): string {
  const t = translator(locale);
  const base = publicUrl.replace(/\/$/, '');
  const stamp = utcStamp(now.toISOString());
  // What depends only on the language, the type or the mode is translated once per feed.
  const line = (label: string, value: string) => t('appointments.notify.line', { label, value });
  const kinds = { evaluation: t('appointments.kind.evaluation'), suivi: t('appointments.kind.suivi') };
  const kindLines = { evaluation: line(t('appointments.detail.kind'), kinds.evaluation), suivi: line(t('appointments.detail.kind'), kinds.suivi) };
  const modeLines = Object.fromEntries(MODES.map((mode) => [mode, line(t('appointments.detail.mode'), t(`appointments.mode.${mode}`))])) as Record<AppointmentMode, string>;
  const events = entries.flatMap(({ appointment, clientName }) => {
    const location = appointment.mode === 'en_personne' ? appointment.address : appointment.mode === 'visioconference' ? appointment.video_link : appointment.phone_number;
    // The calendar shows the date and time: the description says who, what and how to meet.
    const description = [t('agenda.feed.client', { name: clientName }), kindLines[appointment.kind], modeLines[appointment.mode], ...(location ? [line(t(LOCATION_LABEL[appointment.mode]), location)] : [])].join('\n');
    return [
      'BEGIN:VEVENT',
      `UID:appointment-${appointment.id}@accompagnement-quebec`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(appointment.starts_at)}`,
      `DTEND:${utcStamp(appointment.ends_at)}`,
      `SEQUENCE:${appointment.sequence}`,
      `LAST-MODIFIED:${utcStamp(appointment.updated_at)}`,
      `STATUS:${appointment.status === 'annule' ? 'CANCELLED' : 'CONFIRMED'}`,
      `SUMMARY:${escapeText(t('agenda.feed.summary', { kind: kinds[appointment.kind], name: clientName }))}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      `URL:${base}/espace/rendez-vous/${appointment.id}`,
      'END:VEVENT',
    ];
  });
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gouvernement du Québec//Accompagnement Québec//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // The calendar's name and how often to read it again (RFC 7986, and Outlook's own property).
    `NAME:${escapeText(t('agenda.feed.name'))}`,
    `X-WR-CALNAME:${escapeText(t('agenda.feed.name'))}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...events,
    'END:VCALENDAR',
  ];
  return `${lines.map(foldFeedLine).join('\r\n')}\r\n`;
}
