import type { ComponentChildren } from 'preact';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, Notice, PostForm } from '../../../ui/components/form';
import type { ViewContext } from '../../../ui/view-context';
import { PasswordInput } from '../../../ui/components/password-input/password-input';

export interface RegistrationValues {
  name: string;
  email: string;
  locale: string;
}

/** « Créer un compte »: name, e-mail, password, language. */
export function RegistrationPage({ ctx, values, errors = [] }: { ctx: ViewContext; values: RegistrationValues; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = (field: string) => errorFor(errors, field);
  return (
    <div class="app-narrow">
      <h1>{t('registration.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('registration.intro')}</p>
      <PostForm ctx={ctx} action="/compte/creer" class="app-form">
        <Field id="name" label={t('registration.name')} error={error('name')}>
          <input id="name" name="name" type="text" autoComplete="name" maxLength={200} value={values.name} {...describedBy('name', { error: error('name') })} />
        </Field>
        <Field id="email" label={t('registration.email')} hint={t('registration.emailHint')} error={error('email')}>
          <input id="email" name="email" type="email" autoComplete="email" spellcheck={false} maxLength={320} value={values.email} {...describedBy('email', { hint: true, error: error('email') })} />
        </Field>
        <Field id="password" label={t('registration.password')} hint={t('registration.passwordHint')} error={error('password')}>
          <PasswordInput ctx={ctx} id="password" name="password" autoComplete="new-password" maxLength={128} {...describedBy('password', { hint: true, error: error('password') })} />
        </Field>
        <LanguageChoice ctx={ctx} value={values.locale} error={error('locale')} />
        <button type="submit" class="app-button">
          {t('registration.submit')}
        </button>
      </PostForm>
      <p>
        {t('registration.haveAccount')} <a href="/connexion">{t('login.submit')}</a>
      </p>
    </div>
  );
}

export function LanguageChoice({ ctx, value, error }: { ctx: ViewContext; value: string; error?: string }) {
  const { t } = ctx;
  return (
    <fieldset class={`app-fieldset${error ? ' app-field--error' : ''}`} id="locale" aria-describedby={error ? 'locale-error' : undefined}>
      <legend>{t('registration.language')}</legend>
      {error && (
        <p class="app-field__error" id="locale-error">
          {error}
        </p>
      )}
      {(['fr', 'en'] as const).map((code) => (
        <div key={code} class="app-radio">
          <input type="radio" id={`locale-${code}`} name="locale" value={code} checked={value === code} />{' '}
          <label for={`locale-${code}`} lang={code}>
            {code === 'fr' ? 'Français' : 'English'}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** A page that only tells something: « Vérifiez vos courriels », « Adresse confirmée »… */
export function InfoPage({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="app-narrow">
      <h1>{title}</h1>
      {children}
    </div>
  );
}

/** What an account whose address is not confirmed sees, whatever page it asks for. */
export function VerifyPendingPage({ ctx, email, resent }: { ctx: ViewContext; email: string; resent: boolean }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('verify.title')}</h1>
      {resent && <Notice kind="success">{t('verify.resent')}</Notice>}
      <p>{t('verify.body', { email })}</p>
      <p>{t('registration.sent.next')}</p>
      <PostForm ctx={ctx} action="/compte/verification/renvoyer">
        <button type="submit" class="app-button app-button--secondary">
          {t('verify.resend')}
        </button>
      </PostForm>
    </div>
  );
}

/** The page a mailed link opens: one button that spends it (a GET never does). */
export function ConfirmLinkPage({ ctx, title, body, action, token, submit }: { ctx: ViewContext; title: string; body: string; action: string; token: string; submit: string }) {
  return (
    <div class="app-narrow">
      <h1>{title}</h1>
      <p>{body}</p>
      <PostForm ctx={ctx} action={action}>
        <input type="hidden" name="jeton" value={token} />
        <button type="submit" class="app-button">
          {submit}
        </button>
      </PostForm>
    </div>
  );
}

/** « Mot de passe oublié »: the address to send the link to. */
export function ResetRequestPage({ ctx, email, errors = [] }: { ctx: ViewContext; email: string; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = errorFor(errors, 'email');
  return (
    <div class="app-narrow">
      <h1>{t('reset.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('reset.intro')}</p>
      <PostForm ctx={ctx} action="/mot-de-passe-oublie" class="app-form">
        <Field id="email" label={t('registration.email')} error={error}>
          <input id="email" name="email" type="email" autoComplete="username" spellcheck={false} maxLength={320} value={email} {...describedBy('email', { error })} />
        </Field>
        <button type="submit" class="app-button">
          {t('reset.submit')}
        </button>
      </PostForm>
    </div>
  );
}

/** The new password, from the link. */
export function NewPasswordPage({ ctx, token, errors = [] }: { ctx: ViewContext; token: string; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = errorFor(errors, 'password');
  return (
    <div class="app-narrow">
      <h1>{t('reset.new.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/mot-de-passe/nouveau" class="app-form">
        <input type="hidden" name="jeton" value={token} />
        <Field id="password" label={t('reset.new.password')} hint={t('registration.passwordHint')} error={error}>
          <PasswordInput ctx={ctx} id="password" name="password" autoComplete="new-password" maxLength={128} {...describedBy('password', { hint: true, error })} />
        </Field>
        <button type="submit" class="app-button">
          {t('reset.new.submit')}
        </button>
      </PostForm>
    </div>
  );
}
