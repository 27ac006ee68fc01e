import type { ViewContext } from '../../../ui/view-context';
import type { ReferralView } from '../referral.service';
import { clientReferralPath } from './client-referral-pages';
import { ReferralStatusTag } from './referral-parts';
import { staffReferralPath } from './staff-referral-pages';

function ReferralLinks({ ctx, views, isStaff }: { ctx: ViewContext; views: ReferralView[]; isStaff: boolean }) {
  return (
    <ul class="app-plain-list">
      {views.map((view) => (
        <li key={view.referral.id}>
          <a href={isStaff ? staffReferralPath(view.referral.id) : clientReferralPath(view.referral.id)}>{view.partner.name}</a> <ReferralStatusTag ctx={ctx} status={view.referral.status} isStaff={isStaff} />
        </li>
      ))}
    </ul>
  );
}

/** Under a plan action, for the client: the organizations it was referred to, each with its status. */
export function ActionReferrals({ ctx, views }: { ctx: ViewContext; views: ReferralView[] }) {
  return (
    <section class="app-card" aria-labelledby="action-referrals-heading">
      <h2 id="action-referrals-heading" class="app-card__title">
        {ctx.t('referrals.action.heading')}
      </h2>
      <ReferralLinks ctx={ctx} views={views} isStaff={false} />
    </section>
  );
}

/** Under an action of the agent's plan page (a heading below the action's h3), each referral with its status. */
export function StaffActionReferrals({ ctx, views }: { ctx: ViewContext; views: ReferralView[] }) {
  return (
    <>
      <h4>{ctx.t('referrals.action.heading')}</h4>
      <ReferralLinks ctx={ctx} views={views} isStaff />
    </>
  );
}
