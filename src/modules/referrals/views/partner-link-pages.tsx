import { Choices } from '../../../ui/components/choices/choices';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';
import { REFERRAL_FIELDS } from '../referral-fields';
import type { PartnerPage } from '../referral.service';
import { ReferralStatusTag, SharedFields } from './referral-parts';

export const PARTNER_LINK_PATH = '/orientation';

/**
 * What a partner's link opens: who refers, why, and only the consented fields; then « Accepter »
 * / « Refuser » (with a reason), and once accepted « Indiquer le résultat ». The link's token
 * travels in each form, as it came (no account, no session needed).
 */
export function PartnerLinkPage({
  ctx,
  page,
  token,
  agentName,
  notice,
  errors = [],
  values = {},
}: {
  ctx: ViewContext;
  page: PartnerPage;
  token: string;
  agentName: string;
  notice?: string;
  errors?: FieldError[];
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const { referral, partner, disclosure } = page;
  const error = (field: string) => errorFor(errors, field);
  const fields = REFERRAL_FIELDS.filter((field) => disclosure[field] !== undefined);
  return (
    <>
      <h1>{t('referrals.partner.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('referrals.partner.intro', { agent: agentName, partner: partner.name })}</p>
      <p>
        <ReferralStatusTag ctx={ctx} status={referral.status} isStaff />
      </p>
      <h2>{t('referrals.label.purpose')}</h2>
      <p>{referral.purpose}</p>
      <h2>{t('referrals.label.shared')}</h2>
      <SharedFields ctx={ctx} fields={fields} disclosure={disclosure} />
      {referral.status === 'envoyee' && (
        <section class="app-partner-section" aria-labelledby="partner-answer">
          <h2 id="partner-answer">
            {t('referrals.partner.accept')} / {t('referrals.partner.refuse')}
          </h2>
          <PostForm ctx={ctx} action={`${PARTNER_LINK_PATH}/reponse`}>
            <input type="hidden" name="jeton" value={token} />
            <input type="hidden" name="version" value={String(referral.version)} />
            <Field id="reason" label={t('referrals.partner.reason')} error={error('reason')}>
              <textarea id="reason" name="reason" maxLength={2000} {...describedBy('reason', { error: error('reason') })}>
                {values.reason ?? ''}
              </textarea>
            </Field>
            <div class="app-button-group">
              <button type="submit" name="decision" value="accepter" class="app-button">
                {t('referrals.partner.accept')}
              </button>
              <button type="submit" name="decision" value="refuser" class="app-button app-button--secondary">
                {t('referrals.partner.refuse')}
              </button>
            </div>
          </PostForm>
        </section>
      )}
      {referral.status === 'acceptee' && (
        <section class="app-partner-section" aria-labelledby="partner-result">
          <h2 id="partner-result">{t('referrals.partner.result')}</h2>
          <PostForm ctx={ctx} action={`${PARTNER_LINK_PATH}/resultat`}>
            <input type="hidden" name="jeton" value={token} />
            <input type="hidden" name="version" value={String(referral.version)} />
            <Choices
              name="result"
              type="radio"
              legend={t('referrals.label.result')}
              error={error('result')}
              options={[
                { value: 'service_rendu', label: t('referrals.partner.resultGiven') },
                { value: 'service_non_rendu', label: t('referrals.partner.resultNotGiven') },
              ]}
              chosen={[values.result ?? '']}
            />
            <Field id="resultOn" label={t('referrals.partner.resultOn')} error={error('resultOn')}>
              <input id="resultOn" name="resultOn" type="date" value={values.resultOn ?? ''} {...describedBy('resultOn', { error: error('resultOn') })} />
            </Field>
            <Field id="note" label={t('referrals.partner.resultNote')} error={error('note')}>
              <textarea id="note" name="note" maxLength={2000} {...describedBy('note', { error: error('note') })}>
                {values.note ?? ''}
              </textarea>
            </Field>
            <div class="app-button-group">
              <button type="submit" class="app-button">
                {t('referrals.partner.resultSave')}
              </button>
            </div>
          </PostForm>
        </section>
      )}
    </>
  );
}

/** A link that opens nothing (unknown, replaced, expired, withdrawn, answered): says so, shows nothing. */
export function ClosedLinkPage({ ctx, notice }: { ctx: ViewContext; notice?: string }) {
  const { t } = ctx;
  return (
    <>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <h1>{t('referrals.partner.closed')}</h1>
      <p>{t('referrals.partner.closedBody')}</p>
    </>
  );
}
