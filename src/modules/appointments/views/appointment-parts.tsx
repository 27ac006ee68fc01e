import { StatusTag, type StatusTone } from '../../../ui/components/status-tag/status-tag';
import { SummaryListLine } from '../../../ui/components/summary-list/summary-list';
import { QUEBEC_ZONE, differsFromQuebec, formatDateTime, formatLongDate, formatTime, formatZoneName, isoDate } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { GrammaticalGender } from '../../../db/database';
import { agreeing } from '../../../platform/i18n/gender';
import type { Appointment, CancellationReason } from '../appointment.tables';

const STATUS_TONES: Record<Appointment['status'], StatusTone> = {
  planifie: 'info',
  termine: 'success',
  absent: 'warning',
  annule: 'danger',
};

/**
 * « Annulé » with its reason when there is one, so the « Terminé » tab says why. `gender` is the
 * client's « Accord en français »: « Absente », « Absent », or « Absence » when not given.
 */
export function StatusLabel({ ctx, appointment, reason, gender }: { ctx: ViewContext; appointment: Appointment; reason?: CancellationReason; gender: GrammaticalGender | null | undefined }) {
  const { t } = ctx;
  return (
    <span class="app-appointment-status">
      <StatusTag tone={STATUS_TONES[appointment.status]}>{t(agreeing(`appointments.status.${appointment.status}`, gender))}</StatusTag>
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
    { key: t('appointments.detail.time'), value: <AppointmentTimes ctx={ctx} appointment={appointment} /> },
    { key: t('appointments.detail.kind'), value: t(`appointments.kind.${appointment.kind}`) },
    { key: t('appointments.detail.mode'), value: t(`appointments.mode.${appointment.mode}`) },
  ];
}

/** The client's own zone (their profile), Québec's when unknown. */
export function clientZone(ctx: Pick<ViewContext, 'account'>): string {
  return ctx.account?.time_zone || QUEBEC_ZONE;
}

/**
 * « 10 h 00 à 11 h 00 (heure du Québec) », and for a client whose zone shows another clock then,
 * a second line in their time, the zone named in words (« 16 h 00 à 17 h 00 (heure de Paris) »),
 * with the date when it is another day there. The appointment is booked in Québec time.
 */
export function AppointmentTimes({ ctx, appointment, timeZone = clientZone(ctx) }: { ctx: ViewContext; appointment: Pick<Appointment, 'starts_at' | 'ends_at'>; timeZone?: string }) {
  const { t, locale } = ctx;
  const range = (zone: string) => t('appointments.time.range', { start: formatTime(appointment.starts_at, locale, zone), end: formatTime(appointment.ends_at, locale, zone) });
  if (!differsFromQuebec(appointment.starts_at, timeZone)) return <>{t('appointments.time.quebec', { range: range(QUEBEC_ZONE) })}</>;
  return (
    <>
      <SummaryListLine>{t('appointments.time.quebec', { range: range(QUEBEC_ZONE) })}</SummaryListLine>
      <SummaryListLine>
        {t('appointments.time.own', { range: range(timeZone), zone: formatZoneName(timeZone, locale) })}
        {isoDate(appointment.starts_at, timeZone) !== isoDate(appointment.starts_at) && ` – ${formatLongDate(appointment.starts_at, locale, timeZone)}`}
      </SummaryListLine>
    </>
  );
}

/**
 * A start time in words, as lines: Québec's, named (« 9 h 00 (heure du Québec) »), then for a zone
 * that shows another clock then, the time there, the zone named in words (« 15 h 00 (heure de
 * Paris) »), with the date when it is another day there. `withDate` writes the date on each line
 * (« dimanche 6 décembre 2026 à 11 h 48 (heure du Québec) »). One formatter for pages and PDF.
 */
export function startTimeLines({ t, locale }: Pick<ViewContext, 't' | 'locale'>, startsAt: string, zone: string, { withDate = false } = {}): string[] {
  const format = withDate ? formatDateTime : formatTime;
  const quebec = t('appointments.time.atQuebec', { time: format(startsAt, locale) });
  if (!differsFromQuebec(startsAt, zone)) return [quebec];
  const ownDay = !withDate && isoDate(startsAt, zone) !== isoDate(startsAt) ? ` – ${formatLongDate(startsAt, locale, zone)}` : '';
  return [quebec, `${t('appointments.time.atOwn', { time: format(startsAt, locale, zone), zone: formatZoneName(zone, locale) })}${ownDay}`];
}

/** A start time in a list: Québec's, named, then the client's own when it differs (each with the date, `withDate`). */
export function StartTime({ ctx, startsAt, withDate }: { ctx: ViewContext; startsAt: string; withDate?: boolean }) {
  const lines = startTimeLines(ctx, startsAt, clientZone(ctx), { withDate });
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <>
      {lines.map((line) => (
        <span key={line} class="app-time-line">
          {line}
        </span>
      ))}
    </>
  );
}
