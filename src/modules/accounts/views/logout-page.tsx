import { PostForm } from '../../../ui/components/form';
import type { ViewContext } from '../../../ui/view-context';

/** Guide §4: « Voulez-vous vraiment vous déconnecter ? » — « Oui » posts, « Non » goes back. */
export function LogoutPage({ ctx, back }: { ctx: ViewContext; back: string }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('logout.title')}</h1>
      <PostForm ctx={ctx} action="/deconnexion" class="app-form">
        <p class="app-lead" id="logout-question">
          {t('logout.question')}
        </p>
        <div class="app-button-group">
          <button type="submit" class="app-button" aria-describedby="logout-question">
            {t('logout.yes')}
          </button>
          <a href={back} class="app-button app-button--secondary">
            {t('logout.no')}
          </a>
        </div>
      </PostForm>
    </div>
  );
}
