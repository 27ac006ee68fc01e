import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { Choices } from '../../../ui/components/choices/choices';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { formatDateTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
// The paths other modules link to live with the workspace's (plans and workspace cannot import referrals).
import { clientReferralsPath as staffReferralsPath, newReferralPath } from '../../workspace/views/paths';
import { REFERRAL_FIELDS } from '../referral-fields';
import type { ReferralForm, ReferralView } from '../referral.service';
import { ReferralStatusTag, ReferralSummary, SharedFields } from './referral-parts';

export const staffReferralPath = (id: number) => `/espace/orientations/${id}`;

export interface ReferralFormValues {
  partnerId: string;
  fields: string[];
  purpose: string;
  partnerNote: string;
  consent: string;
  consentNote: string;
}

export const EMPTY_REFERRAL: ReferralFormValues = { partnerId: '', fields: [], purpose: '', partnerNote: '', consent: 'portail', consentNote: '' };

function crumbs(ctx: ViewContext, client: { id: number; display_name: string }) {
  return [
    { label: ctx.t('workspace.nav.clients'), href: '/espace/clients' },
    { label: client.display_name, href: `/espace/clients/${client.id}` },
    { label: ctx.t('referrals.title.staff', { name: client.display_name }), href: staffReferralsPath(client.id) },
  ];
}

/** A client's referrals, for their agent or a manager, with « Orienter vers un organisme ». */
export function StaffReferralsPage({ ctx, client, views }: { ctx: ViewContext; client: { id: number; display_name: string }; views: ReferralView[] }) {
  const { t } = ctx;
  return (
    <>
      <Breadcrumb ctx={ctx} items={crumbs(ctx, client).slice(0, 2)} />
      <h1>{t('referrals.title.staff', { name: client.display_name })}</h1>
      <p>
        <a class="app-button" href={newReferralPath(client.id)}>
          {t('referrals.new.link')}
        </a>
      </p>
      {views.length === 0 ? (
        <EmptyState>{t('referrals.empty.staff')}</EmptyState>
      ) : (
        <ul class="app-referral-list">
          {views.map((view) => (
            <li key={view.referral.id} class="app-card">
              <h2 class="app-card__title">
                <a href={staffReferralPath(view.referral.id)}>{view.partner.name}</a>
              </h2>
              <p>
                <ReferralStatusTag ctx={ctx} status={view.referral.status} isStaff />
              </p>
              <p>{view.referral.purpose}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** « Orienter vers un organisme »: the partner, each field to share, the purpose, how the client consents. */
export function ReferralFormPage({ ctx, form, values, errors = [] }: { ctx: ViewContext; form: ReferralForm; values: ReferralFormValues; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = (field: string) => errorFor(errors, field);
  const action = form.action;
  const fieldOptions = REFERRAL_FIELDS.filter((field) => field !== 'action' || action).map((field) => ({ value: field, label: t(`referrals.fieldLabel.${field}`) }));
  return (
    <>
      <Breadcrumb ctx={ctx} items={crumbs(ctx, form.client)} />
      <h1>{t('referrals.title.new')}</h1>
      {action && <p class="app-lead">{t('referrals.new.forAction', { title: action.title })}</p>}
      <ErrorSummary ctx={ctx} errors={errors} />
      {form.partners.length === 0 ? (
        <Notice kind="warning">{t('referrals.noPartner')}</Notice>
      ) : (
        <PostForm ctx={ctx} action={staffReferralsPath(form.client.id)} class="app-form">
          {action && <input type="hidden" name="actionId" value={String(action.id)} />}
          <Field id="partnerId" label={t('referrals.field.partner')} hint={t('referrals.field.partnerHint')} error={error('partnerId')}>
            <select id="partnerId" name="partnerId" {...describedBy('partnerId', { hint: true, error: error('partnerId') })}>
              <option value="" />
              {form.partners.map(({ partner, matches }) => (
                <option key={partner.id} value={String(partner.id)} selected={values.partnerId === String(partner.id)}>
                  {matches ? t('referrals.field.partnerMatches', { name: partner.name }) : partner.name}
                </option>
              ))}
            </select>
          </Field>
          <Choices name="fields" type="checkbox" legend={t('referrals.field.fields')} hint={t('referrals.field.fieldsHint')} error={error('fields')} options={fieldOptions} chosen={values.fields} />
          <Field id="purpose" label={t('referrals.field.purpose')} hint={t('referrals.field.purposeHint')} error={error('purpose')}>
            <input id="purpose" name="purpose" type="text" maxLength={500} value={values.purpose} {...describedBy('purpose', { hint: true, error: error('purpose') })} />
          </Field>
          <Field id="partnerNote" label={t('referrals.field.partnerNote')} hint={t('referrals.field.partnerNoteHint')} error={error('partnerNote')}>
            <textarea id="partnerNote" name="partnerNote" maxLength={2000} {...describedBy('partnerNote', { hint: true, error: error('partnerNote') })}>
              {values.partnerNote}
            </textarea>
          </Field>
          <Choices
            name="consent"
            type="radio"
            legend={t('referrals.field.consent')}
            error={error('consent')}
            options={[
              { value: 'portail', label: t('referrals.consent.portail') },
              { value: 'verbal', label: t('referrals.consent.verbal') },
            ]}
            chosen={[values.consent]}
          />
          <Field id="consentNote" label={t('referrals.field.consentNote')} hint={t('referrals.field.consentNoteHint')} error={error('consentNote')}>
            <input id="consentNote" name="consentNote" type="text" maxLength={2000} value={values.consentNote} {...describedBy('consentNote', { hint: true, error: error('consentNote') })} />
          </Field>
          <div class="app-button-group">
            <button type="submit" class="app-button">
              {t('referrals.submit.create')}
            </button>
          </div>
        </PostForm>
      )}
    </>
  );
}

/** One referral for staff: its summary, what was (or would be) shared, and « Renvoyer le lien ». */
export function StaffReferralPage({ ctx, view, client, notice }: { ctx: ViewContext; view: ReferralView; client: { id: number; display_name: string }; notice?: string }) {
  const { t } = ctx;
  const { referral } = view;
  const linkOpens = referral.status === 'envoyee' || referral.status === 'acceptee';
  let disclosed: Record<string, string> = {};
  try {
    disclosed = referral.disclosed ? JSON.parse(referral.disclosed) : {};
  } catch {
    disclosed = {};
  }
  return (
    <>
      <Breadcrumb ctx={ctx} items={crumbs(ctx, client)} />
      <h1>{t('referrals.title.one', { partner: view.partner.name })}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ReferralSummary ctx={ctx} view={view} isStaff />
      <h2>{t(referral.disclosed ? 'referrals.label.shared' : 'referrals.label.toShare')}</h2>
      <SharedFields ctx={ctx} fields={view.fields} disclosure={disclosed} />
      {referral.status === 'terminee' &&
        (referral.result_read_at ? (
          <p>{t('referrals.resultRead.on', { date: formatDateTime(referral.result_read_at, ctx.locale) })}</p>
        ) : (
          <PostForm ctx={ctx} action={`${staffReferralPath(referral.id)}/lu`}>
            <button type="submit" class="app-button">
              {t('referrals.resultRead.mark')}
            </button>
          </PostForm>
        ))}
      {linkOpens && (
        <PostForm ctx={ctx} action={`${staffReferralPath(referral.id)}/lien`}>
          <button type="submit" class="app-button app-button--secondary">
            {t('referrals.reissue')}
          </button>
        </PostForm>
      )}
    </>
  );
}
