import { describedBy, ErrorSummary, errorFor, Field, type FieldError, Notice, PostForm } from '../../../ui/components/form';
import type { ViewContext } from '../../../ui/view-context';
import { PasswordInput } from '../../../ui/components/password-input/password-input';

export interface LoginPageProps {
  email?: string;
  next?: string;
  errors?: FieldError[];
  notice?: string;
}

export function LoginPage({ ctx, email = '', next, errors = [], notice }: LoginPageProps & { ctx: ViewContext }) {
  const { t } = ctx;
  const emailError = errorFor(errors, 'email');
  const passwordError = errorFor(errors, 'password');
  return (
    <div class="app-narrow">
      <h1>{t('login.title')}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('login.intro')}</p>
      <PostForm ctx={ctx} action="/connexion" class="app-form" id="credentials">
        {next && <input type="hidden" name="suivant" value={next} />}
        <Field id="email" label={t('login.email')} error={emailError}>
          <input id="email" name="email" type="email" autoComplete="username" spellcheck={false} value={email} {...describedBy('email', { error: emailError })} />
        </Field>
        <Field id="password" label={t('login.password')} error={passwordError}>
          <PasswordInput ctx={ctx} id="password" name="password" autoComplete="current-password" {...describedBy('password', { error: passwordError })} />
        </Field>
        <button type="submit" class="app-button">
          {t('login.submit')}
        </button>
      </PostForm>
      <p>
        <a href="/mot-de-passe-oublie">{t('reset.link')}</a>
      </p>
      <p>
        <a href="/compte/creer">{t('registration.link')}</a>
      </p>
    </div>
  );
}
