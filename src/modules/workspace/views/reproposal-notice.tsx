import { Notice } from '../../../ui/components/notice/notice';
import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { OpenReproposal } from '../../appointments/appointment.service';

/**
 * The client cancelled and waits for a new proposal: by when, and the availability they gave
 * with the cancellation (« Vos disponibilités »), on the client's file and on the proposal form.
 */
export function ReproposalNotice({ ctx, reproposal }: { ctx: ViewContext; reproposal: OpenReproposal }) {
  const { t, locale } = ctx;
  return (
    <Notice>
      <p class="app-reproposal__due">{t('workspace.reproposal.due', { date: formatLongDate(reproposal.dueAt, locale), time: formatTime(reproposal.dueAt, locale) })}</p>
      {reproposal.availability ? (
        <div class="app-reproposal__availability">
          <p class="app-reproposal__label">{t('workspace.reproposal.availability')}</p>
          <p class="app-preserve-lines">{reproposal.availability}</p>
        </div>
      ) : (
        <p>{t('workspace.reproposal.noAvailability')}</p>
      )}
    </Notice>
  );
}
