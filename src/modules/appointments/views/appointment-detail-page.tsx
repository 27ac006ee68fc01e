import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { SummaryList } from '../../../ui/components/summary-list/summary-list';
import { durationMinutes, formatDateTime, formatLongDate, formatTime, isoDate } from '../../../ui/format/datetime';
import { PhoneLink } from '../../../ui/components/phone-link/phone-link';
import type { ViewContext } from '../../../ui/view-context';
import type { AppointmentDetails } from '../appointment.service';
import { AppointmentTimes, StatusLabel } from './appointment-parts';

/** Guide §2.1 « Consulter »: status, date, time, kind, mode and the agent's contact. */
export function AppointmentDetailPage({ ctx, details, timeZone }: { ctx: ViewContext; details: AppointmentDetails; timeZone: string }) {
  const { t, locale } = ctx;
  const { appointment, agent, reason, canCancel, tab } = details;
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('appointments.title'), href: `/rendez-vous?onglet=${tab}` }, { label: t('appointments.detail.title') }]} />
      <h1>{t('appointments.detail.title')}</h1>
      <SummaryList
        rows={[
          { key: t('appointments.detail.status'), value: <StatusLabel ctx={ctx} appointment={appointment} gender={ctx.account?.grammatical_gender} /> },
          { key: t('appointments.detail.date'), value: <time dateTime={isoDate(appointment.starts_at)}>{formatLongDate(appointment.starts_at, locale)}</time> },
          { key: t('appointments.detail.time'), value: <AppointmentTimes ctx={ctx} appointment={appointment} timeZone={timeZone} /> },
          { key: t('appointments.detail.duration'), value: t('appointments.duration.minutes', { minutes: durationMinutes(appointment.starts_at, appointment.ends_at) }) },
          { key: t('appointments.detail.kind'), value: t(`appointments.kind.${appointment.kind}`) },
          { key: t('appointments.detail.mode'), value: t(`appointments.mode.${appointment.mode}`) },
          appointment.mode === 'telephone' &&
            appointment.phone_number && {
              key: t('appointments.detail.phone'),
              value: <PhoneLink ctx={ctx} phone={appointment.phone_number} />,
            },
          // A cancelled appointment has nothing to join: no link.
          appointment.mode === 'visioconference' &&
            appointment.status !== 'annule' &&
            appointment.video_link && {
              key: t('appointments.detail.link'),
              value: (
                <a href={appointment.video_link} rel="noopener noreferrer">
                  {appointment.video_link}
                </a>
              ),
            },
          appointment.mode === 'en_personne' && appointment.address && { key: t('appointments.detail.address'), value: appointment.address },
          appointment.status === 'annule' &&
            appointment.cancelled_at && {
              key: t('appointments.detail.cancelledAt'),
              value: formatDateTime(appointment.cancelled_at, locale),
            },
          reason && { key: t('appointments.detail.reason'), value: locale === 'en' ? reason.label_en : reason.label_fr },
          appointment.cancel_comment && { key: t('appointments.detail.comment'), value: appointment.cancel_comment },
          appointment.cancel_availability && { key: t('appointments.detail.availability'), value: <span class="app-preserve-lines">{appointment.cancel_availability}</span> },
        ]}
      />

      {agent && (
        <section class="app-contact-card" aria-labelledby="agent-heading">
          <h2 id="agent-heading">{t('appointments.detail.agent')}</h2>
          <SummaryList
            rows={[
              { key: t('appointments.detail.agentName'), value: agent.display_name },
              { key: t('appointments.detail.agentEmail'), value: <a href={`mailto:${agent.email}`}>{agent.email}</a> },
              { key: t('appointments.detail.agentPhone'), value: agent.phone ? <PhoneLink ctx={ctx} phone={agent.phone} /> : t('appointments.detail.noAgentPhone') },
            ]}
          />
        </section>
      )}

      <div class="app-button-group">
        {/* Nothing to add to a calendar once cancelled (a calendar that has it learns from the file's CANCELLED). */}
        {appointment.status !== 'annule' && (
          <a class="app-button app-button--secondary" href={`/rendez-vous/${appointment.id}/agenda.ics`} download={`rendez-vous-${appointment.id}.ics`}>
            {t('appointments.detail.addToCalendar')}
          </a>
        )}
        {canCancel && (
          <a class="app-button app-button--secondary" href={`/rendez-vous/${appointment.id}/annuler`}>
            {t('appointments.detail.cancelLabel')}
            <span class="app-visually-hidden"> {t('appointments.detail.cancelWhich', { date: formatLongDate(appointment.starts_at, locale), time: formatTime(appointment.starts_at, locale) })}</span>
          </a>
        )}
        <a href={`/rendez-vous?onglet=${tab}`}>{t('appointments.detail.back')}</a>
      </div>
    </>
  );
}
