import { Notice } from '../../../ui/components/notice/notice';
import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import { NoNews } from '../../requests/views/no-news';
import { FileReference } from '../../accounts/views/file-reference';

/**
 * Guide §2.2 step 4: the confirmation message and « OK », back to the « Terminé » tab. The guide's
 * « dans les deux jours ouvrables » is followed by the date it means (`dueAt`, the agent's
 * re-proposal deadline, the one « Accompagnement Québec » then shows) and whom to call after it,
 * with the file number to quote when calling.
 */
export function CancelledPage({
  ctx,
  choiceHref,
  dueAt,
}: {
  ctx: ViewContext;
  /** « Choisir un nouveau moment », when the agent's team allows it. */
  choiceHref?: string;
  /** By when a new appointment will be proposed; absent once it has been. */
  dueAt?: string;
}) {
  const { t, locale } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('appointments.cancel.done.title')}</h1>
      <Notice kind="success">
        {t('appointments.cancel.done.message')}
        {dueAt && ` ${t('appointments.cancel.done.due', { date: formatLongDate(dueAt, locale), time: formatTime(dueAt, locale) })}`}
      </Notice>
      {dueAt && <NoNews ctx={ctx} dueAt={dueAt} />}
      {ctx.account && <FileReference ctx={ctx} clientId={ctx.account.id} />}
      {choiceHref && <p>{t('appointments.choice.orWait')}</p>}
      <div class="app-button-group">
        {choiceHref && (
          <a class="app-button" href={choiceHref}>
            {t('appointments.choice.link')}
          </a>
        )}
        <a class={choiceHref ? 'app-button app-button--secondary' : 'app-button'} href="/rendez-vous?onglet=termine">
          {t('appointments.cancel.ok')}
        </a>
      </div>
    </div>
  );
}
