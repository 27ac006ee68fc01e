import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import type { ViewContext } from '../../../ui/view-context';
import type { GrammaticalGender } from '../../../db/database';
import { StatusLabel } from '../../appointments/views/appointment-parts';
import type { Appointment, CancellationReason } from '../../appointments/appointment.tables';

/**
 * An appointment's status as staff read it: one that has started and is still planned says
 * « Résultat à inscrire » (what the agent owes), never « Planifié »; any other, the client's label.
 */
export function StaffStatusLabel({
  ctx,
  appointment,
  reason,
  isAwaitingOutcome,
  gender,
}: {
  ctx: ViewContext;
  appointment: Appointment;
  reason?: CancellationReason;
  isAwaitingOutcome: boolean;
  gender: GrammaticalGender | null;
}) {
  if (!isAwaitingOutcome) return <StatusLabel ctx={ctx} appointment={appointment} reason={reason} gender={gender} />;
  return (
    <span class="app-appointment-status">
      <StatusTag tone="warning">{ctx.t('workspace.outcome.awaiting')}</StatusTag>
    </span>
  );
}
