import { StatusTag, type StatusTone } from '../../../ui/components/status-tag/status-tag';
import { formatLongDate, formatTime, isoDate } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { Appointment, CancellationReason } from '../appointment.tables';

const STATUS_TONES: Record<Appointment['status'], StatusTone> = {
  planifie: 'info',
  termine: 'success',
  absent: 'warning',
  annule: 'danger',
};

/** « Annulé » with its reason when there is one, so the « Terminé » tab says why. */
export function StatusLabel({ ctx, appointment, reason }: { ctx: ViewContext; appointment: Appointment; reason?: CancellationReason }) {
  const { t } = ctx;
  return (
    <span class="app-appointment-status">
      <StatusTag tone={STATUS_TONES[appointment.status]}>{t(`appointments.status.${appointment.status}`)}</StatusTag>
      {reason && <span class="app-appointment-status__reason"> – {ctx.locale === 'en' ? reason.label_en : reason.label_fr}</span>}
    </span>
  );
}

/**
 * The « ... » menu of a row: a native <details>, so it opens by mouse, Enter or Space without
 * JavaScript. Its accessible name says which appointment it acts on; the visible text is « ... ».
 */
export function RowMenu({ ctx, appointment, canCancel }: { ctx: ViewContext; appointment: Appointment; canCancel: boolean }) {
  const { t } = ctx;
  const label = t('appointments.menu.label', { date: formatLongDate(appointment.starts_at, ctx.locale), time: formatTime(appointment.starts_at, ctx.locale) });
  return (
    <details class="app-row-menu" data-module="app-row-menu">
      <summary class="app-row-menu__toggle">
        <span aria-hidden="true">...</span>
        <span class="app-visually-hidden">{label}</span>
      </summary>
      <ul class="app-row-menu__list">
        <li>
          <a class="app-row-menu__item" href={`/rendez-vous/${appointment.id}`}>
            {t('appointments.menu.view')}
          </a>
        </li>
        {canCancel && (
          <li>
            <a class="app-row-menu__item" href={`/rendez-vous/${appointment.id}/annuler`}>
              {t('appointments.menu.cancel')}
              <span class="app-visually-hidden"> {t('appointments.menu.cancelWhich', { date: formatLongDate(appointment.starts_at, ctx.locale), time: formatTime(appointment.starts_at, ctx.locale) })}</span>
            </a>
          </li>
        )}
      </ul>
    </details>
  );
}

/** « Date », « Heure » (Québec time), « Type de rendez-vous », « Mode du rendez-vous »: the rows that say which appointment this is. */
export function appointmentSummaryRows(ctx: ViewContext, appointment: Pick<Appointment, 'starts_at' | 'ends_at' | 'kind' | 'mode'>) {
  const { t, locale } = ctx;
  return [
    { key: t('appointments.detail.date'), value: <time dateTime={isoDate(appointment.starts_at)}>{formatLongDate(appointment.starts_at, locale)}</time> },
    {
      key: t('appointments.detail.time'),
      value: t('appointments.time.quebec', { range: t('appointments.time.range', { start: formatTime(appointment.starts_at, locale), end: formatTime(appointment.ends_at, locale) }) }),
    },
    { key: t('appointments.detail.kind'), value: t(`appointments.kind.${appointment.kind}`) },
    { key: t('appointments.detail.mode'), value: t(`appointments.mode.${appointment.mode}`) },
  ];
}
