import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';

/** Guide §2.2 step 4: the confirmation message and « OK », back to the « Terminé » tab. */
export function CancelledPage({ ctx, choiceHref }: { ctx: ViewContext /** « Choisir un nouveau moment », when the agent's team allows it. */; choiceHref?: string }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('appointments.cancel.done.title')}</h1>
      <Notice kind="success">{t('appointments.cancel.done.message')}</Notice>
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
