import { describedBy, ErrorSummary, errorFor, Field, type FieldError, Notice, PostForm } from '../../../ui/components/form';
import { formatLongDate } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { Enrolment, SecondFactorStatus } from '../second-factor.service';

/** The paths of the second factor, for routes, views and tests. */
export const SIGN_IN_CODE_PATH = '/connexion/code';
export const SIGN_IN_ENROL_PATH = '/connexion/configurer';
export const OFFER_PATH = '/connexion/double-authentification';
export const MFA_PATH = '/compte/double-authentification';
export const MFA_ENROL_PATH = '/compte/double-authentification/configurer';
export const MFA_CODES_PATH = '/compte/double-authentification/codes';

const withNext = (path: string, next?: string) => (next ? `${path}?${new URLSearchParams({ suivant: next })}` : path);

/** The code asked at each staff sign-in, after the password. */
export function CodePage({ ctx, next, errors = [] }: { ctx: ViewContext; next?: string; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = errorFor(errors, 'code');
  return (
    <div class="app-narrow">
      <h1>{t('mfa.code.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('mfa.code.intro')}</p>
      <PostForm ctx={ctx} action={SIGN_IN_CODE_PATH} class="app-form">
        {next && <input type="hidden" name="suivant" value={next} />}
        <Field id="code" label={t('mfa.code.label')} hint={t('mfa.code.hint')} error={error}>
          <input id="code" name="code" type="text" autoComplete="one-time-code" spellcheck={false} autoCapitalize="characters" maxLength={40} class="app-input--code" {...describedBy('code', { hint: true, error })} />
        </Field>
        <button type="submit" class="app-button">
          {t('mfa.code.submit')}
        </button>
      </PostForm>
      <p>
        <a href="/connexion">{t('mfa.code.other')}</a>
      </p>
    </div>
  );
}

/** The QR code, the key as text, and the first code that confirms them. */
export function EnrolPage({ ctx, enrolment, action, next, isRequired, errors = [] }: { ctx: ViewContext; enrolment: Enrolment; action: string; next?: string; isRequired: boolean; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = errorFor(errors, 'code');
  return (
    <div class="app-narrow">
      <h1>{t('mfa.enrol.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {isRequired && <p>{t('mfa.enrol.required')}</p>}
      <p>{t('mfa.enrol.step1')}</p>
      <p>{t('mfa.enrol.step2')}</p>
      <img class="app-qr" src={enrolment.qrDataUri} alt={t('mfa.enrol.qrAlt')} width={200} height={200} />
      <p>
        {t('mfa.enrol.secret')}{' '}
        <code class="app-secret" data-testid="totp-secret">
          {enrolment.secretGroups}
        </code>
      </p>
      <PostForm ctx={ctx} action={action} class="app-form">
        {next && <input type="hidden" name="suivant" value={next} />}
        <Field id="code" label={t('mfa.enrol.step3')} error={error}>
          <input id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" spellcheck={false} maxLength={10} class="app-input--code" {...describedBy('code', { error })} />
        </Field>
        <button type="submit" class="app-button">
          {t('mfa.enrol.submit')}
        </button>
      </PostForm>
    </div>
  );
}

/** After sign-in, outside production: enrol now, or « Plus tard » (straight on to the page asked for). */
export function OfferPage({ ctx, next }: { ctx: ViewContext; next: string }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('mfa.offer.title')}</h1>
      <p>{t('mfa.offer.body')}</p>
      <div class="app-button-group">
        <a class="app-button" href={withNext(MFA_ENROL_PATH, next)}>
          {t('mfa.offer.now')}
        </a>
        <a class="app-button app-button--secondary" href={next}>
          {t('mfa.offer.later')}
        </a>
      </div>
    </div>
  );
}

/** The recovery codes, shown once: the answer to the POST that made them (never stored in clear, never in a URL). */
export function RecoveryCodesPage({ ctx, codes, next, notice }: { ctx: ViewContext; codes: string[]; next: string; notice?: string }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      {notice && <Notice kind="success">{notice}</Notice>}
      <h1>{t('mfa.codes.title')}</h1>
      <p>{t('mfa.codes.intro')}</p>
      <ul class="app-recovery-codes" aria-label={t('mfa.codes.caption')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="app-button" href={next}>
          {t('mfa.codes.continue')}
        </a>
      </p>
    </div>
  );
}

/** « Double authentification »: on since when, recovery codes left, new codes; or « Configurer ». */
export function StatusPage({ ctx, status, notice }: { ctx: ViewContext; status: SecondFactorStatus; notice?: string }) {
  const { t, locale } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('mfa.title')}</h1>
      {notice && <Notice>{notice}</Notice>}
      {status.enrolledAt ? (
        <>
          <p>{t('mfa.status.on', { date: formatLongDate(status.enrolledAt, locale) })}</p>
          <p>{t('mfa.status.codesLeft', { count: status.recoveryCodesLeft })}</p>
          <PostForm ctx={ctx} action={MFA_CODES_PATH} class="app-form">
            <p class="app-field__hint" id="regenerate-hint">
              {t('mfa.status.regenerateHint')}
            </p>
            <button type="submit" class="app-button app-button--secondary" aria-describedby="regenerate-hint">
              {t('mfa.status.regenerate')}
            </button>
          </PostForm>
          <p>{t('mfa.status.lost')}</p>
        </>
      ) : (
        <>
          <p>{t('mfa.status.off')}</p>
          <p>
            <a class="app-button" href={MFA_ENROL_PATH}>
              {t('mfa.status.configure')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
