import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { type ComposedMail, headerText, renderMail } from '../../platform/mail/mail-document';
import { formatLongDate, formatTime } from '../../ui/format/datetime';
import { fileNumber } from '../accounts/directory.service';
import { appointmentIcs } from '../appointments/appointment.ics';
import type { AppliedFate } from '../appointments/appointment-reassignment.service';
import type { MessageContent } from '../messages/message.service';

/** What happened to one appointment, as a line of the message and of the e-mail. */
function fateLines(fate: AppliedFate, agentName: string, locale: Locale): string[] {
  const t = translator(locale);
  const { appointment } = fate;
  const what = { kind: t(`appointments.kind.${appointment.kind}`), date: formatLongDate(appointment.starts_at, locale), time: formatTime(appointment.starts_at, locale) };
  if (fate.fate.action === 'cancel') return [t('admin.reassign.notify.cancelled', what)];
  const link = appointment.mode === 'visioconference' && appointment.video_link ? [t('admin.reassign.notify.link', { link: appointment.video_link })] : [];
  return [t('admin.reassign.notify.moved', { ...what, agent: agentName }), ...link];
}

/**
 * The one message a reassigned client gets: who their agent is now and, for each appointment to
 * come, whether it stays (with the new agent, and the new video link) or was cancelled and will be
 * proposed again. Written in both languages at once, like every message-centre text.
 */
export function reassignmentMessage(agentName: string, fates: AppliedFate[]): MessageContent {
  const build = (locale: Locale) => {
    const t = translator(locale);
    const lines = fates.flatMap((fate) => fateLines(fate, agentName, locale));
    const appointments = lines.length === 0 ? [t('admin.reassign.notify.none')] : [t('admin.reassign.notify.appointments'), ...lines.map((line) => `- ${line}`)];
    return { subject: t('admin.reassign.notify.subject'), body: [t('admin.reassign.notify.intro', { agent: agentName }), '', ...appointments].join('\n') };
  };
  const fr = build('fr');
  const en = build('en');
  return { subject: { fr: fr.subject, en: en.subject }, body: { fr: fr.body, en: en.body } };
}

export interface ReassignmentMailInput {
  client: { id: number; display_name: string; email: string; locale: Locale };
  agent: { display_name: string; email: string };
  fates: AppliedFate[];
  publicUrl: string;
  /** The message centre's copy of the notice. */
  messageUrl: string;
  /** DTSTAMP of the attached file: when the mail is queued. */
  now: Date;
}

/**
 * The e-mail of a reassignment, in the client's language: the new agent and each appointment's
 * fate, as the message says them. With one appointment changed, its iCalendar file rides along
 * (REQUEST for the moved one, with the new agent and link; CANCEL for the cancelled one) so the
 * calendar updates that event; iTIP allows one method per file, so with several the message and
 * each appointment's page (« Ajouter à mon agenda ») carry them instead.
 */
export function reassignmentMail(input: ReassignmentMailInput): ComposedMail {
  const { client, agent, fates } = input;
  const locale = client.locale;
  const t = translator(locale);
  const subject = headerText(t('admin.reassign.notify.subject'));
  const only = fates.length === 1 ? fates[0] : undefined;
  const method = only?.fate.action === 'cancel' ? 'CANCEL' : 'REQUEST';
  const lines = fates.flatMap((fate) => fateLines(fate, agent.display_name, locale));
  const { text, html } = renderMail({
    locale,
    title: subject,
    greeting: t('appointments.mail.greeting', { name: client.display_name }),
    intro: [t('admin.reassign.notify.intro', { agent: agent.display_name }), lines.length === 0 ? t('admin.reassign.notify.none') : t('admin.reassign.notify.appointments'), ...lines],
    // The number to quote when the person calls about the change.
    details: [{ label: t('file.number'), value: fileNumber(client.id) }],
    outro: [t('appointments.mail.message'), ...(only ? [t(method === 'CANCEL' ? 'appointments.mail.calendar.cancel' : 'appointments.mail.calendar.request')] : [])],
    links: [{ label: t('appointments.mail.link.message'), href: input.messageUrl }],
    footer: [t('appointments.mail.why', { link: `${input.publicUrl.replace(/\/$/, '')}/profil/informations` }), ...t('appointments.reminder.mail.footer').split('\n\n')],
  });
  if (!only) return { subject, text, html };
  const ics = appointmentIcs({ appointment: only.appointment, agent, attendee: client, locale, publicUrl: input.publicUrl, now: input.now, method });
  return { subject, text, html, calendar: { method, ics } };
}
