import { StatusTag, type StatusTone } from '../../../ui/components/status-tag/status-tag';
import { SummaryList, SummaryListLine } from '../../../ui/components/summary-list/summary-list';
import { formatDateTime, formatDay } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { Disclosure, ReferralField } from '../referral-fields';
import type { ReferralView } from '../referral.service';
import type { Referral, ReferralStatus } from '../referral.tables';

const TONES: Record<ReferralStatus, StatusTone> = {
  attente_consentement: 'warning',
  consentement_refuse: 'neutral',
  envoyee: 'info',
  acceptee: 'info',
  refusee: 'danger',
  terminee: 'success',
  retiree: 'neutral',
};

/** The status in words; staff read « En attente du consentement du client », the client « de votre consentement ». */
export function ReferralStatusTag({ ctx, status, isStaff = false }: { ctx: ViewContext; status: ReferralStatus; isStaff?: boolean }) {
  const key = isStaff && status === 'attente_consentement' ? 'referrals.staffStatus.attente_consentement' : (`referrals.status.${status}` as const);
  return <StatusTag tone={TONES[status]}>{ctx.t(key)}</StatusTag>;
}

/** The fields shared (or that would be), each with its value once disclosed. */
/** `isClient`: worded for the client (« Votre nom »); otherwise for staff and the partner (« Nom »). */
export function SharedFields({ ctx, fields, disclosure, isClient = false }: { ctx: ViewContext; fields: readonly ReferralField[]; disclosure?: Disclosure; isClient?: boolean }) {
  return (
    <ul class="app-shared-fields">
      {fields.map((field) => (
        <li key={field}>
          {ctx.t(isClient ? `referrals.fieldName.${field}` : `referrals.fieldLabel.${field}`)}
          {disclosure?.[field] !== undefined && (
            <>
              {ctx.locale === 'fr' ? '\u202f: ' : ': '}
              <span class="app-preserve-lines">{disclosure[field]}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function consentText(ctx: ViewContext, referral: Referral, isStaff: boolean): string {
  if (!referral.consent_at || !referral.consent_how) return ctx.t('referrals.consent.none');
  const date = formatDateTime(referral.consent_at, ctx.locale);
  const prefix = isStaff ? 'referrals.consentGiven.staff' : 'referrals.consentGiven';
  return referral.consent_how === 'verbal' ? ctx.t(`${prefix}.verbal`, { date, note: referral.consent_note ?? '' }) : ctx.t(`${prefix}.portail`, { date });
}

/** A referral at a glance: organization and contact, status, purpose, action, consent, result. */
export function ReferralSummary({ ctx, view, isStaff = false }: { ctx: ViewContext; view: ReferralView; isStaff?: boolean }) {
  const { t, locale } = ctx;
  const { referral, partner } = view;
  return (
    <SummaryList
      rows={[
        { key: t('referrals.label.partner'), value: partner.name },
        {
          key: t('referrals.label.contact'),
          value: (
            <>
              <SummaryListLine>{partner.email}</SummaryListLine>
              {partner.phone && <SummaryListLine>{partner.phone}</SummaryListLine>}
              {partner.address && <SummaryListLine>{partner.address}</SummaryListLine>}
            </>
          ),
        },
        { key: t('referrals.label.status'), value: <ReferralStatusTag ctx={ctx} status={referral.status} isStaff={isStaff} /> },
        { key: t('referrals.label.purpose'), value: referral.purpose },
        view.actionTitle !== null && { key: t('referrals.label.action'), value: view.actionTitle },
        { key: t('referrals.label.consent'), value: consentText(ctx, referral, isStaff) },
        referral.status === 'refusee' && referral.refusal_reason && { key: t('referrals.label.refusal'), value: referral.refusal_reason },
        referral.result &&
          referral.result_on && {
            key: t('referrals.label.result'),
            value: (
              <>
                <SummaryListLine>{t(`referrals.result.${referral.result}`, { date: formatDay(referral.result_on, locale) })}</SummaryListLine>
                {isStaff && referral.result_note && <SummaryListLine>{referral.result_note}</SummaryListLine>}
              </>
            ),
          },
        { key: t('referrals.label.created'), value: formatDateTime(referral.created_at, locale) },
      ]}
    />
  );
}
