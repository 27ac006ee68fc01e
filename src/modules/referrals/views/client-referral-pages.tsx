import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';
import type { Disclosure } from '../referral-fields';
import type { ReferralView } from '../referral.service';
import { ReferralStatusTag, ReferralSummary, SharedFields } from './referral-parts';

export const CLIENT_REFERRALS_PATH = '/mes-orientations';
export const clientReferralPath = (id: number) => `${CLIENT_REFERRALS_PATH}/${id}`;

/** « Mes orientations »: every referral of the client, newest first, each with its status. */
export function ClientReferralsPage({ ctx, views }: { ctx: ViewContext; views: ReferralView[] }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('referrals.title.client')}</h1>
      <p>{t('referrals.intro.client')}</p>
      {views.length === 0 ? (
        <EmptyState>{t('referrals.empty.client')}</EmptyState>
      ) : (
        <ul class="app-referral-list">
          {views.map((view) => (
            <li key={view.referral.id} class="app-card">
              <h2 class="app-card__title">
                <a href={clientReferralPath(view.referral.id)}>{view.partner.name}</a>
              </h2>
              <p>
                <ReferralStatusTag ctx={ctx} status={view.referral.status} />
              </p>
              <p>{view.referral.purpose}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * One referral as the client decides on it: the organization, the purpose, each field that
 * would be (or was) shared with its value, then « Consentir au partage » / « Refuser », or
 * « Retirer mon consentement » once sent.
 */
export function ClientReferralPage({ ctx, view, preview, notice, conflict }: { ctx: ViewContext; view: ReferralView; preview: Disclosure; notice?: string; conflict?: boolean }) {
  const { t } = ctx;
  const { referral, partner, fields } = view;
  const base = clientReferralPath(referral.id);
  const isWaiting = referral.status === 'attente_consentement';
  const isWithdrawable = referral.status === 'envoyee' || referral.status === 'acceptee';
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('referrals.nav.client'), href: CLIENT_REFERRALS_PATH }, { label: partner.name }]} />
      <h1>{t('referrals.title.one', { partner: partner.name })}</h1>
      {conflict && (
        <Notice kind="warning" isUrgent>
          {t('referrals.error.STATE_CHANGED')}
        </Notice>
      )}
      {notice && <Notice kind="success">{notice}</Notice>}
      <ReferralSummary ctx={ctx} view={view} />
      <h2>{t(isWaiting ? 'referrals.label.toShare' : 'referrals.label.shared')}</h2>
      <SharedFields ctx={ctx} fields={fields} disclosure={preview} isClient />
      {isWaiting && (
        <>
          <p>
            <strong>{t('referrals.consent.question', { partner: partner.name })}</strong>
          </p>
          <div class="app-button-group">
            <PostForm ctx={ctx} action={`${base}/consentir`}>
              <input type="hidden" name="version" value={String(referral.version)} />
              <button type="submit" class="app-button">
                {t('referrals.consent.give')}
              </button>
            </PostForm>
            <PostForm ctx={ctx} action={`${base}/refuser`}>
              <input type="hidden" name="version" value={String(referral.version)} />
              <button type="submit" class="app-button app-button--secondary">
                {t('referrals.consent.refuse')}
              </button>
            </PostForm>
          </div>
        </>
      )}
      {isWithdrawable && (
        <PostForm ctx={ctx} action={`${base}/retirer`}>
          <p class="app-field__hint" id="withdraw-hint">
            {t('referrals.consent.withdrawHint')}
          </p>
          <button type="submit" class="app-button" aria-describedby="withdraw-hint">
            {t('referrals.consent.withdraw')}
          </button>
        </PostForm>
      )}
    </>
  );
}
