import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { formatLongDate, formatTime } from '../../ui/format/datetime';
import type { AppliedFate } from '../appointments/appointment-reassignment.service';
import type { MessageContent } from '../messages/message.service';

/**
 * The one message a reassigned client gets: who their agent is now and, for each appointment to
 * come, whether it stays (with the new agent, and the new video link) or was cancelled and will be
 * proposed again. Written in both languages at once, like every message-centre text.
 */
export function reassignmentMessage(agentName: string, fates: AppliedFate[]): MessageContent {
  const build = (locale: Locale) => {
    const t = translator(locale);
    const lines = fates.flatMap(({ appointment, fate }) => {
      const what = { kind: t(`appointments.kind.${appointment.kind}`), date: formatLongDate(appointment.starts_at, locale), time: formatTime(appointment.starts_at, locale) };
      if (fate.action === 'cancel') return [t('admin.reassign.notify.cancelled', what)];
      const link = appointment.mode === 'visioconference' && appointment.video_link ? [t('admin.reassign.notify.link', { link: appointment.video_link })] : [];
      return [t('admin.reassign.notify.moved', { ...what, agent: agentName }), ...link];
    });
    const appointments = lines.length === 0 ? [t('admin.reassign.notify.none')] : [t('admin.reassign.notify.appointments'), ...lines.map((line) => `- ${line}`)];
    return { subject: t('admin.reassign.notify.subject'), body: [t('admin.reassign.notify.intro', { agent: agentName }), '', ...appointments].join('\n') };
  };
  const fr = build('fr');
  const en = build('en');
  return { subject: { fr: fr.subject, en: en.subject }, body: { fr: fr.body, en: en.body } };
}
