import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { Choices } from '../../../ui/components/choices/choices';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import type { ViewContext } from '../../../ui/view-context';
import { DOMAIN_LABEL_KEYS, DOMAINS } from '../../plans/domains';
import { LANGUAGES, REGIONS } from '../../requests/request-draft.schema';
import { partnerLists } from '../partner.service';
import type { Partner } from '../referral.tables';

export const PARTNERS_PATH = '/gestion/organismes';

export interface PartnerFormValues {
  name: string;
  regions: string[];
  domains: string[];
  servicesFr: string;
  servicesEn: string;
  languages: string[];
  email: string;
  phone: string;
  address: string;
}

export const EMPTY_PARTNER: PartnerFormValues = { name: '', regions: [], domains: [], servicesFr: '', servicesEn: '', languages: [], email: '', phone: '', address: '' };

export function valuesOfPartner(partner: Partner): PartnerFormValues {
  const lists = partnerLists(partner);
  return { name: partner.name, ...lists, servicesFr: partner.services_fr, servicesEn: partner.services_en, email: partner.email, phone: partner.phone ?? '', address: partner.address ?? '' };
}

const crumbs = (ctx: ViewContext) => [
  { label: ctx.t('admin.crumb'), href: '/gestion' },
  { label: ctx.t('referrals.partners.title'), href: PARTNERS_PATH },
];

/** « Organismes partenaires »: every partner, active or retired, with « Modifier » and « Retirer » / « Rétablir ». */
export function PartnersPage({ ctx, partners, notice }: { ctx: ViewContext; partners: Partner[]; notice?: string }) {
  const { t } = ctx;
  return (
    <>
      <Breadcrumb ctx={ctx} items={crumbs(ctx).slice(0, 1)} />
      <h1>{t('referrals.partners.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>
        <a class="app-button" href={`${PARTNERS_PATH}/nouveau`}>
          {t('referrals.partners.add')}
        </a>
      </p>
      {partners.length === 0 ? (
        <EmptyState>{t('referrals.partners.empty')}</EmptyState>
      ) : (
        <table class="app-table">
          <thead>
            <tr>
              <th scope="col">{t('referrals.partners.col.name')}</th>
              <th scope="col">{t('referrals.partners.col.domains')}</th>
              <th scope="col">{t('referrals.partners.col.regions')}</th>
              <th scope="col">{t('referrals.partners.col.status')}</th>
              <th scope="col">
                <span class="app-visually-hidden">{t('referrals.partners.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {partners.map((partner) => {
              const lists = partnerLists(partner);
              return (
                <tr key={partner.id}>
                  <td>{partner.name}</td>
                  <td>{lists.domains.map((d) => t(DOMAIN_LABEL_KEYS[d as (typeof DOMAINS)[number]])).join(', ')}</td>
                  <td>{lists.regions.join(', ')}</td>
                  <td>{partner.active === 1 ? <StatusTag tone="success">{t('referrals.partners.active')}</StatusTag> : <StatusTag>{t('referrals.partners.retired')}</StatusTag>}</td>
                  <td>
                    <a href={`${PARTNERS_PATH}/${partner.id}`}>
                      {t('referrals.partners.edit')}
                      <span class="app-visually-hidden"> {partner.name}</span>
                    </a>
                    <PostForm ctx={ctx} action={`${PARTNERS_PATH}/${partner.id}/${partner.active === 1 ? 'retirer' : 'retablir'}`}>
                      <button type="submit" class="app-link-button">
                        {t(partner.active === 1 ? 'referrals.partners.retire' : 'referrals.partners.restore')}
                        <span class="app-visually-hidden"> {partner.name}</span>
                      </button>
                    </PostForm>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** « Ajouter un organisme » / « Modifier »: every field, the lists as checkboxes. */
export function PartnerFormPage({ ctx, id, values, errors = [] }: { ctx: ViewContext; id?: number; values: PartnerFormValues; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = (field: string) => errorFor(errors, field);
  const text = (field: 'name' | 'email' | 'phone' | 'address', label: string, type: 'text' | 'email' | 'tel' = 'text') => (
    <Field id={field} label={label} error={error(field)}>
      <input id={field} name={field} type={type as 'text'} maxLength={2000} value={values[field]} {...describedBy(field, { error: error(field) })} />
    </Field>
  );
  return (
    <>
      <Breadcrumb ctx={ctx} items={crumbs(ctx)} />
      <h1>{id === undefined ? t('referrals.partners.add') : t('referrals.partners.editNamed', { name: values.name })}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={id === undefined ? PARTNERS_PATH : `${PARTNERS_PATH}/${id}`} class="app-form">
        {text('name', t('referrals.partners.field.name'))}
        <Choices
          name="domains"
          type="checkbox"
          legend={t('referrals.partners.field.domains')}
          error={error('domains')}
          options={DOMAINS.map((d) => ({ value: d, label: t(DOMAIN_LABEL_KEYS[d]) }))}
          chosen={values.domains}
        />
        <Choices name="regions" type="checkbox" legend={t('referrals.partners.field.regions')} error={error('regions')} options={REGIONS.map((r) => ({ value: r, label: r }))} chosen={values.regions} />
        <Choices
          name="languages"
          type="checkbox"
          legend={t('referrals.partners.field.languages')}
          error={error('languages')}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`referrals.language.${l}`) }))}
          chosen={values.languages}
        />
        <Field id="servicesFr" label={t('referrals.partners.field.servicesFr')} error={error('servicesFr')}>
          <textarea id="servicesFr" name="servicesFr" lang="fr" maxLength={2000} {...describedBy('servicesFr', { error: error('servicesFr') })}>
            {values.servicesFr}
          </textarea>
        </Field>
        <Field id="servicesEn" label={t('referrals.partners.field.servicesEn')}>
          <textarea id="servicesEn" name="servicesEn" lang="en" maxLength={2000}>
            {values.servicesEn}
          </textarea>
        </Field>
        {text('email', t('referrals.partners.field.email'), 'email')}
        {text('phone', t('referrals.partners.field.phone'), 'tel')}
        {text('address', t('referrals.partners.field.address'))}
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('referrals.partners.save')}
          </button>
        </div>
      </PostForm>
    </>
  );
}
