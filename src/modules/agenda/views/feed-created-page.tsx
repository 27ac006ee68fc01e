import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';
import { AGENDA_PATH } from './paths';

/**
 * The new subscription address, shown once: in the answer to « S'abonner à mon agenda » (never in
 * a URL, a redirect or the page cache), in a field that selects whole for copying.
 */
export function FeedCreatedPage({ ctx, url }: { ctx: ViewContext; url: string }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('agenda.feed.createdTitle')}</h1>
      <Notice kind="warning">{t('agenda.feed.created')}</Notice>
      <div class="app-field">
        <label class="app-label" for="adresse-abonnement">
          {t('agenda.feed.url')}
        </label>
        <input id="adresse-abonnement" class="app-input app-agenda__feed-url" type="url" value={url} readOnly spellcheck={false} autoComplete="off" />
      </div>
      <p>{t('agenda.feed.howto')}</p>
      <p>
        <a href={AGENDA_PATH}>{t('agenda.feed.back')}</a>
      </p>
    </>
  );
}
