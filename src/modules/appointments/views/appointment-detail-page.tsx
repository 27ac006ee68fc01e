import type { ComponentChildren } from 'preact';
import { Breadcrumb } from '../../../ui/components/breadcrumb';
import type { ViewContext } from '../../../ui/view-context';
import { differsFromQuebec, durationMinutes, formatDate, formatLongDate, formatTime, QUEBEC_ZONE } from '../appointment.format';
import type { AppointmentDetails } from '../appointment.service';
import { StatusLabel } from './appointment-parts';

/** Guide §2.1 « Consulter »: status, date, time, kind, mode and the agent's contact. */
export function AppointmentDetailPage({ ctx, details, timeZone }: { ctx: ViewContext; details: AppointmentDetails; timeZone: string }) {
  const { t, locale } = ctx;
  const { appointment, agent, reason, canCancel, tab } = details;
  const range = (zone: string) =>
    t('appointments.time.range', { start: formatTime(appointment.starts_at, locale, zone), end: formatTime(appointment.ends_at, locale, zone) });
  return (
    <>
      <Breadcrumb
        ctx={ctx}
        items={[
          { label: t('appointments.title'), href: `/rendez-vous?onglet=${tab}` },
          { label: t('appointments.detail.title') },
        ]}
      />
      <h1>{t('appointments.detail.title')}</h1>
      <dl class="app-summary-list">
        <Row label={t('appointments.detail.status')}>
          <StatusLabel ctx={ctx} appointment={appointment} />
        </Row>
        <Row label={t('appointments.detail.date')}>
          <time dateTime={formatDate(appointment.starts_at)}>{formatLongDate(appointment.starts_at, locale)}</time>
        </Row>
        <Row label={t('appointments.detail.time')}>
          <span class="app-summary-list__line">{t('appointments.time.quebec', { range: range(QUEBEC_ZONE) })}</span>
          {differsFromQuebec(appointment.starts_at, timeZone) && (
            <span class="app-summary-list__line">
              {t('appointments.time.own', { range: range(timeZone), zone: timeZone })}
              {formatDate(appointment.starts_at, timeZone) !== formatDate(appointment.starts_at) && ` – ${formatLongDate(appointment.starts_at, locale, timeZone)}`}
            </span>
          )}
        </Row>
        <Row label={t('appointments.detail.duration')}>{t('appointments.duration.minutes', { minutes: durationMinutes(appointment.starts_at, appointment.ends_at) })}</Row>
        <Row label={t('appointments.detail.kind')}>{t(`appointments.kind.${appointment.kind}`)}</Row>
        <Row label={t('appointments.detail.mode')}>{t(`appointments.mode.${appointment.mode}`)}</Row>
        {appointment.mode === 'telephone' && appointment.phone_number && (
          <Row label={t('appointments.detail.phone')}>
            <a href={`tel:${appointment.phone_number.replace(/[^\d+]/g, '')}`}>{appointment.phone_number}</a>
          </Row>
        )}
        {appointment.mode === 'visioconference' && appointment.video_link && (
          <Row label={t('appointments.detail.link')}>
            <a href={appointment.video_link} rel="noopener noreferrer">
              {appointment.video_link}
            </a>
          </Row>
        )}
        {appointment.mode === 'en_personne' && appointment.address && <Row label={t('appointments.detail.address')}>{appointment.address}</Row>}
        {appointment.status === 'annule' && appointment.cancelled_at && (
          <Row label={t('appointments.detail.cancelledAt')}>{`${formatDate(appointment.cancelled_at)} ${formatTime(appointment.cancelled_at, locale)}`}</Row>
        )}
        {reason && <Row label={t('appointments.detail.reason')}>{locale === 'en' ? reason.label_en : reason.label_fr}</Row>}
        {appointment.cancel_comment && <Row label={t('appointments.detail.comment')}>{appointment.cancel_comment}</Row>}
      </dl>

      {agent && (
        <section class="app-contact-card" aria-labelledby="agent-heading">
          <h2 id="agent-heading">{t('appointments.detail.agent')}</h2>
          <dl class="app-summary-list">
            <Row label={t('appointments.detail.agentName')}>{agent.display_name}</Row>
            <Row label={t('appointments.detail.agentEmail')}>
              <a href={`mailto:${agent.email}`}>{agent.email}</a>
            </Row>
            <Row label={t('appointments.detail.agentPhone')}>{agent.phone ?? t('appointments.detail.noAgentPhone')}</Row>
          </dl>
        </section>
      )}

      <div class="app-button-group">
        <a class="app-button app-button--secondary" href={`/rendez-vous/${appointment.id}/agenda.ics`} download={`rendez-vous-${appointment.id}.ics`}>
          {t('appointments.detail.addToCalendar')}
        </a>
        {canCancel && (
          <a class="app-button app-button--secondary" href={`/rendez-vous/${appointment.id}/annuler`}>
            {t('appointments.menu.cancel')}
          </a>
        )}
        <a href={`/rendez-vous?onglet=${tab}`}>{t('appointments.detail.back')}</a>
      </div>
    </>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="app-summary-list__row">
      <dt class="app-summary-list__key">{label}</dt>
      <dd class="app-summary-list__value">{children}</dd>
    </div>
  );
}
