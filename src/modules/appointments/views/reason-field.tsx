import { describedBy, Field } from '../../../ui/components/form';
import type { ViewContext } from '../../../ui/view-context';
import type { CancellationReason } from '../appointment.tables';

/** « Raison de l'annulation »: the managed list in the person's language; the client's and the agent's forms share it. */
export function ReasonField({ ctx, label, reasons, selected, error }: { ctx: ViewContext; label: string; reasons: CancellationReason[]; selected: string; error?: string }) {
  return (
    <Field id="reason" label={label} error={error}>
      <select id="reason" name="reason" {...describedBy('reason', { error })}>
        <option value="">{ctx.t('appointments.cancel.reasonChoose')}</option>
        {reasons.map((reason) => (
          <option key={reason.code} value={reason.code} selected={selected === reason.code}>
            {ctx.locale === 'en' ? reason.label_en : reason.label_fr}
          </option>
        ))}
      </select>
    </Field>
  );
}
