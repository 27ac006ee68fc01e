import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { SummaryList } from '../../../ui/components/summary-list/summary-list';
import type { ViewContext } from '../../../ui/view-context';
import { AVAILABILITY_MAX, COMMENT_MAX } from '../appointment.service';
import type { Appointment, CancellationReason } from '../appointment.tables';
import { ReasonField } from './reason-field';
import { appointmentSummaryRows } from './appointment-parts';

export interface CancelPageProps {
  appointment: Appointment;
  reasons: CancellationReason[];
  values?: { reason: string; comment: string; availability?: string };
  errors?: FieldError[];
  /** Set when the appointment can no longer be cancelled: the form is not offered. */
  refusal?: string;
}

/** Guide §2.2 steps 1–3: the confirmation page with « Raison de l'annulation » and « Confirmer ». */
export function CancelPage({ ctx, appointment, reasons, values = { reason: '', comment: '', availability: '' }, errors = [], refusal }: CancelPageProps & { ctx: ViewContext }) {
  const { t } = ctx;
  const reasonError = errorFor(errors, 'reason');
  const commentError = errorFor(errors, 'comment');
  const availabilityError = errorFor(errors, 'availability');
  const formError = errorFor(errors, 'form');
  return (
    <div class="app-narrow app-cancel">
      <Breadcrumb
        ctx={ctx}
        items={[{ label: t('appointments.title'), href: '/rendez-vous?onglet=planifie' }, { label: t('appointments.detail.title'), href: `/rendez-vous/${appointment.id}` }, { label: t('appointments.cancel.title') }]}
      />
      <h1>{t('appointments.cancel.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors.filter((e) => e.field !== 'form')} />
      {(refusal || formError) && <Notice kind="warning">{refusal ?? formError}</Notice>}
      <p>{t('appointments.cancel.intro')}</p>
      <SummaryList rows={appointmentSummaryRows(ctx, appointment)} />
      {refusal ? (
        <p>
          <a href={`/rendez-vous/${appointment.id}`}>{t('appointments.detail.title')}</a>
        </p>
      ) : (
        <PostForm ctx={ctx} action={`/rendez-vous/${appointment.id}/annuler`} class="app-form">
          <input type="hidden" name="version" value={String(appointment.version)} />
          <ReasonField ctx={ctx} label={t('appointments.cancel.reason')} reasons={reasons} selected={values.reason} error={reasonError} />
          <Field id="comment" label={t('appointments.cancel.comment')} hint={t('appointments.cancel.commentHint')} error={commentError}>
            <textarea id="comment" name="comment" rows={4} maxLength={COMMENT_MAX} {...describedBy('comment', { hint: true, error: commentError })}>
              {values.comment}
            </textarea>
          </Field>
          <Field id="availability" label={t('appointments.cancel.availability')} hint={t('appointments.cancel.availabilityHint')} error={availabilityError}>
            <textarea id="availability" name="availability" rows={3} maxLength={AVAILABILITY_MAX} {...describedBy('availability', { hint: true, error: availabilityError })}>
              {values.availability ?? ''}
            </textarea>
          </Field>
          <div class="app-button-group">
            <button type="submit" class="app-button">
              {t('appointments.cancel.confirm')}
            </button>
            <a href={`/rendez-vous/${appointment.id}`}>{t('appointments.cancel.back')}</a>
          </div>
        </PostForm>
      )}
    </div>
  );
}
