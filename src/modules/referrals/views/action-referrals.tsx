import type { ViewContext } from '../../../ui/view-context';
import type { ReferralView } from '../referral.service';
import { clientReferralPath } from './client-referral-pages';
import { ReferralStatusTag } from './referral-parts';

/** Under a plan action, for the client: the organizations it was referred to, each with its status. */
export function ActionReferrals({ ctx, views }: { ctx: ViewContext; views: ReferralView[] }) {
  const { t } = ctx;
  return (
    <section class="app-card" aria-labelledby="action-referrals-heading">
      <h2 id="action-referrals-heading" class="app-card__title">
        {t('referrals.action.heading')}
      </h2>
      <ul class="app-plain-list">
        {views.map((view) => (
          <li key={view.referral.id}>
            <a href={clientReferralPath(view.referral.id)}>{view.partner.name}</a> <ReferralStatusTag ctx={ctx} status={view.referral.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
