import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import type { ViewContext } from '../../../ui/view-context';
import type { PartnerReferralCounts } from '../partner.service';
import type { ReferralStatus } from '../referral.tables';

const STATUSES: readonly ReferralStatus[] = ['attente_consentement', 'consentement_refuse', 'envoyee', 'acceptee', 'refusee', 'terminee', 'retiree'];

/** The manager's « Tableau de bord »: referrals by partner and status. */
export function ReferralCounts({ ctx, rows }: { ctx: ViewContext; rows: PartnerReferralCounts[] }) {
  const { t } = ctx;
  const statusLabel = (status: ReferralStatus) => t(status === 'attente_consentement' ? 'referrals.staffStatus.attente_consentement' : `referrals.status.${status}`);
  return (
    <>
      <h2 id="orientations">{t('referrals.dashboard.heading')}</h2>
      {rows.length === 0 ? (
        <EmptyState>{t('referrals.dashboard.empty')}</EmptyState>
      ) : (
        <table class="app-table">
          <caption class="app-visually-hidden">{t('referrals.dashboard.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referrals.label.partner')}</th>
              {STATUSES.map((status) => (
                <th key={status} scope="col">
                  {statusLabel(status)}
                </th>
              ))}
              <th scope="col">{t('referrals.dashboard.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.partnerId}>
                <th scope="row" data-label={t('referrals.label.partner')}>
                  {row.partnerName}
                </th>
                {STATUSES.map((status) => (
                  <td key={status} data-label={statusLabel(status)}>
                    {row.counts[status]}
                  </td>
                ))}
                <td data-label={t('referrals.dashboard.total')}>{row.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
