import type { ViewContext } from '../../../ui/view-context';

export const NOTICE_PATH = '/demande/avis-de-collecte';

/**
 * The notice of collection (Loi 25, art. 8): why the request's answers are collected, who sees
 * them, how long they are kept and the person's rights — shown before the first question, and
 * public so that « Confidentialité » can link to it.
 */
export function CollectionNoticePage({ ctx, retentionYears, startHref }: { ctx: ViewContext; retentionYears: number; startHref: string }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <p class="app-caption">{t('intake.title')}</p>
      <h1>{t('intake.notice.title')}</h1>
      <p>{t('intake.notice.intro')}</p>
      <h2>{t('intake.notice.whyTitle')}</h2>
      <p>{t('intake.notice.why')}</p>
      <h2>{t('intake.notice.whoTitle')}</h2>
      <p>{t('intake.notice.who')}</p>
      <h2>{t('intake.notice.howLongTitle')}</h2>
      <p>{t('intake.notice.howLong', { years: retentionYears })}</p>
      <h2>{t('intake.notice.rightsTitle')}</h2>
      <p>{t('intake.notice.rights')}</p>
      <p>
        <a href="/confidentialite">{t('intake.notice.more')}</a>
      </p>
      <p>
        <a class="app-button" href={startHref}>
          {t('intake.notice.start')}
        </a>
      </p>
    </div>
  );
}
