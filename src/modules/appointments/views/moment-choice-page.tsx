import { ErrorSummary, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { formatDateTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { FreeSlot } from '../appointment-slots.service';

/** The address of « Choisir un nouveau moment » for a cancelled appointment. */
export const momentChoicePath = (cancelledId: number) => `/rendez-vous/${cancelledId}/nouveau-moment`;

/**
 * « Choisir un nouveau moment »: the agent's free slots, each a button that books it at once (one
 * form, one button per slot: no script, one key press). Those within the client's availability first.
 */
export function MomentChoicePage({ ctx, action, slots, minutes, warning }: { ctx: ViewContext; action: string; slots: readonly FreeSlot[]; minutes: number; warning?: string }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('appointments.choice.title')}</h1>
      <ErrorSummary ctx={ctx} errors={[]} />
      {warning && (
        <Notice kind="warning" isUrgent>
          {warning}
        </Notice>
      )}
      <p>{t('appointments.choice.intro')}</p>
      <p>{t('appointments.choice.same', { minutes })}</p>
      {slots.length === 0 ? (
        <p>{t('appointments.choice.none')}</p>
      ) : (
        <PostForm ctx={ctx} action={action}>
          <ul class="app-free-slots">
            {slots.map((slot) => {
              const moment = formatDateTime(slot.startsAt, ctx.locale);
              return (
                <li key={slot.startsAt} class="app-free-slots__item">
                  <span class="app-free-slots__link">{moment}</span>
                  {slot.isInClientAvailability && <StatusTag tone="success">{t('appointments.choice.inAvailability')}</StatusTag>}
                  <button type="submit" name="moment" value={`${slot.date}T${slot.time}`} class="app-button app-button--secondary" aria-label={t('appointments.choice.pickLabel', { moment })}>
                    {t('appointments.choice.pick')}
                  </button>
                </li>
              );
            })}
          </ul>
        </PostForm>
      )}
      <p>
        <a href="/rendez-vous">{t('appointments.choice.back')}</a>
      </p>
    </div>
  );
}
