import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { SummaryList } from '../../../ui/components/summary-list/summary-list';
import { differsFromQuebec, durationMinutes, formatLongDate, formatTime, formatZoneName } from '../../../ui/format/datetime';
import { PhoneLink } from '../../../ui/components/phone-link/phone-link';
import type { ViewContext } from '../../../ui/view-context';
import { agreeing } from '../../../platform/i18n/gender';
import type { ClientIdentity } from '../../accounts/directory.service';
import { ReasonField } from '../../appointments/views/reason-field';
import type { Appointment, CancellationReason } from '../../appointments/appointment.tables';
import { awaitsOutcome } from '../../appointments/appointment-outcome.service';
import { CLIENTS_PATH, clientPath, staffAppointmentPath } from './paths';
import { StaffStatusLabel } from './staff-status-label';

export interface StaffAppointmentProps {
  client: ClientIdentity;
  appointment: Appointment;
  reason?: CancellationReason;
  now: Date;
  notice?: string;
  warning?: string;
  /** The outcome may still be corrected by this person, until then (ISO). */
  correction?: { until: string } | null;
  /** « Présent » on a needs assessment and no plan yet: offer « Créer le plan ». */
  mayCreatePlan?: boolean;
}

function AppointmentSummary({ ctx, client, appointment, reason, isAwaitingOutcome }: { ctx: ViewContext; client: ClientIdentity; appointment: Appointment; reason?: CancellationReason; isAwaitingOutcome: boolean }) {
  const { t, locale } = ctx;
  const range = (zone?: string) => t('appointments.time.range', { start: formatTime(appointment.starts_at, locale, zone), end: formatTime(appointment.ends_at, locale, zone) });
  return (
    <SummaryList
      rows={[
        { key: t('workspace.appointment.client'), value: <a href={clientPath(client.id)}>{client.display_name}</a> },
        { key: t('appointments.detail.status'), value: <StaffStatusLabel ctx={ctx} appointment={appointment} reason={reason} isAwaitingOutcome={isAwaitingOutcome} gender={client.grammatical_gender} /> },
        { key: t('appointments.detail.date'), value: formatLongDate(appointment.starts_at, locale) },
        { key: t('appointments.detail.time'), value: t('appointments.time.quebec', { range: range() }) },
        differsFromQuebec(appointment.starts_at, client.time_zone) && {
          key: t('workspace.appointment.clientTime'),
          value: `${formatLongDate(appointment.starts_at, locale, client.time_zone)}, ${range(client.time_zone)} (${formatZoneName(client.time_zone, locale)})`,
        },
        { key: t('appointments.detail.duration'), value: t('appointments.duration.minutes', { minutes: durationMinutes(appointment.starts_at, appointment.ends_at) }) },
        { key: t('appointments.detail.kind'), value: t(`appointments.kind.${appointment.kind}`) },
        { key: t('appointments.detail.mode'), value: t(`appointments.mode.${appointment.mode}`) },
        appointment.phone_number && { key: t('appointments.detail.phone'), value: <PhoneLink ctx={ctx} phone={appointment.phone_number} /> },
        appointment.video_link && { key: t('appointments.detail.link'), value: appointment.video_link },
        appointment.address && { key: t('appointments.detail.address'), value: appointment.address },
        appointment.cancel_comment && { key: t('appointments.detail.comment'), value: appointment.cancel_comment },
        appointment.cancel_availability && { key: t('workspace.appointment.availability'), value: <span class="app-preserve-lines">{appointment.cancel_availability}</span> },
      ]}
    />
  );
}

/**
 * An appointment as the agent sees it: « Présent » / « Absent » once it has started (agreed with the
 * client's « Accord en français », « Présence » / « Absence » when not given), « Modifier » and
 * « Annuler » before.
 */
export function StaffAppointmentPage({ ctx, client, appointment, reason, now, notice, warning, correction, mayCreatePlan }: StaffAppointmentProps & { ctx: ViewContext }) {
  const { t } = ctx;
  const isPlanned = appointment.status === 'planifie';
  const hasStarted = Date.parse(appointment.starts_at) <= now.getTime();
  const path = staffAppointmentPath(appointment.id);
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={[{ label: t('workspace.clients.title'), href: CLIENTS_PATH }, { label: client.display_name, href: clientPath(client.id) }, { label: t('workspace.appointment.title') }]} />
      <h1>{t('workspace.appointment.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {warning && (
        <Notice kind="warning" isUrgent>
          {warning}
        </Notice>
      )}
      <AppointmentSummary ctx={ctx} client={client} appointment={appointment} reason={reason} isAwaitingOutcome={awaitsOutcome(appointment, now)} />
      {mayCreatePlan && (
        <PostForm ctx={ctx} action={`${clientPath(client.id)}/plan/creer`} class="app-form">
          <p>{t('workspace.outcome.planNext')}</p>
          <button type="submit" class="app-button">
            {t('workspace.outcome.createPlan')}
          </button>
        </PostForm>
      )}
      {correction && (
        <PostForm ctx={ctx} action={`${path}/correction`} class="app-form">
          <input type="hidden" name="version" value={String(appointment.version)} />
          <fieldset class="app-fieldset" aria-describedby="correction-hint">
            <legend>{t('workspace.outcome.correctLegend')}</legend>
            <p class="app-field__hint" id="correction-hint">
              {t('workspace.outcome.correctHint', { date: formatLongDate(correction.until, ctx.locale), time: formatTime(correction.until, ctx.locale) })}
            </p>
            {appointment.status === 'absent' ? (
              <button type="submit" name="resultat" value="present" class="app-button app-button--secondary">
                {t(agreeing('workspace.appointment.present', client.grammatical_gender))}
              </button>
            ) : (
              <button type="submit" name="resultat" value="absent" class="app-button app-button--secondary">
                {t(agreeing('workspace.appointment.absent', client.grammatical_gender))}
              </button>
            )}
          </fieldset>
        </PostForm>
      )}
      {isPlanned && hasStarted && (
        <PostForm ctx={ctx} action={`${path}/resultat`} class="app-form">
          <input type="hidden" name="version" value={String(appointment.version)} />
          <fieldset class="app-fieldset">
            <legend>{t('workspace.appointment.outcomeLegend')}</legend>
            <div class="app-button-group">
              <button type="submit" name="resultat" value="present" class="app-button">
                {t(agreeing('workspace.appointment.present', client.grammatical_gender))}
              </button>
              <button type="submit" name="resultat" value="absent" class="app-button app-button--secondary">
                {t(agreeing('workspace.appointment.absent', client.grammatical_gender))}
              </button>
            </div>
          </fieldset>
        </PostForm>
      )}
      {isPlanned && !hasStarted && (
        <div class="app-button-group">
          <a class="app-button" href={`${path}/modifier`}>
            {t('workspace.appointment.modify')}
          </a>
          <a class="app-button app-button--secondary" href={`${path}/annuler`}>
            {t('workspace.appointment.cancel')}
          </a>
        </div>
      )}
      <p>
        <a href={clientPath(client.id)}>{t('workspace.appointment.back')}</a>
      </p>
    </div>
  );
}

/** The agent's « Annuler »: a reason from the list, an optional message to the client. */
export function StaffCancelPage({
  ctx,
  client,
  appointment,
  reasons,
  values = { reason: '', comment: '' },
  errors = [],
  warning,
}: {
  ctx: ViewContext;
  client: ClientIdentity;
  appointment: Appointment;
  reasons: CancellationReason[];
  values?: { reason: string; comment: string };
  errors?: FieldError[];
  warning?: string;
}) {
  const { t } = ctx;
  const reasonError = errorFor(errors, 'reason');
  const path = staffAppointmentPath(appointment.id);
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={[{ label: client.display_name, href: clientPath(client.id) }, { label: t('workspace.appointment.title'), href: path }, { label: t('workspace.appointment.cancelTitle') }]} />
      <h1>{t('workspace.appointment.cancelTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {warning && (
        <Notice kind="warning" isUrgent>
          {warning}
        </Notice>
      )}
      <p>{t('workspace.appointment.cancelIntro')}</p>
      <AppointmentSummary ctx={ctx} client={client} appointment={appointment} isAwaitingOutcome={false} />
      <PostForm ctx={ctx} action={`${path}/annuler`} class="app-form">
        <input type="hidden" name="version" value={String(appointment.version)} />
        <ReasonField ctx={ctx} label={t('workspace.cancel.reason')} reasons={reasons} selected={values.reason} error={reasonError} />
        <Field id="comment" label={t('workspace.cancel.comment')}>
          <textarea id="comment" name="comment" rows={3} maxLength={500}>
            {values.comment}
          </textarea>
        </Field>
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('workspace.appointment.cancelConfirm')}
          </button>
          <a href={path}>{t('workspace.appointment.cancelBack')}</a>
        </div>
      </PostForm>
    </div>
  );
}

/**
 * « Absent », second step (a page, so it works without JavaScript): the same form again with the
 * confirmation, or back to the appointment.
 */
export function ConfirmAbsentPage({ ctx, client, appointment, action, now }: { ctx: ViewContext; client: ClientIdentity; appointment: Appointment; action: string; now: Date }) {
  const { t } = ctx;
  const path = staffAppointmentPath(appointment.id);
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={[{ label: client.display_name, href: clientPath(client.id) }, { label: t('workspace.appointment.title'), href: path }, { label: t('workspace.outcome.confirmTitle') }]} />
      <h1>{t('workspace.outcome.confirmTitle')}</h1>
      <p>{t('workspace.outcome.confirmIntro', { absent: t(agreeing('appointments.status.absent', client.grammatical_gender)) })}</p>
      <AppointmentSummary ctx={ctx} client={client} appointment={appointment} isAwaitingOutcome={awaitsOutcome(appointment, now)} />
      <PostForm ctx={ctx} action={action} class="app-form">
        <input type="hidden" name="version" value={String(appointment.version)} />
        <input type="hidden" name="resultat" value="absent" />
        <input type="hidden" name="confirme" value="1" />
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('workspace.outcome.confirmAbsent')}
          </button>
          <a href={path}>{t('workspace.outcome.confirmBack')}</a>
        </div>
      </PostForm>
    </div>
  );
}
