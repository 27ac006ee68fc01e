import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import type { AgentCalendarEntry } from '../appointments/agent-calendar.service';
import { escapeText, foldLine } from '../appointments/appointment.ics';
import { detailLines } from '../appointments/appointment.notifications';

/** `20261203T150000Z` (RFC 5545 §3.3.5, form 2: UTC, which every calendar shows in its own zone). */
function utcStamp(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

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
  const events = entries.flatMap(({ appointment, clientName }) => {
    const location = appointment.mode === 'en_personne' ? appointment.address : appointment.mode === 'visioconference' ? appointment.video_link : appointment.phone_number;
    const description = [t('agenda.feed.client', { name: clientName }), ...detailLines(appointment, locale)].join('\n');
    return [
      'BEGIN:VEVENT',
      `UID:appointment-${appointment.id}@accompagnement-quebec`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(appointment.starts_at)}`,
      `DTEND:${utcStamp(appointment.ends_at)}`,
      `SEQUENCE:${appointment.sequence}`,
      `LAST-MODIFIED:${utcStamp(appointment.updated_at)}`,
      `STATUS:${appointment.status === 'annule' ? 'CANCELLED' : 'CONFIRMED'}`,
      `SUMMARY:${escapeText(t('agenda.feed.summary', { kind: t(`appointments.kind.${appointment.kind}`), name: clientName }))}`,
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
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
