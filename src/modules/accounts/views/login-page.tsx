import { ErrorSummary, errorFor, type FieldError, Notice, PostForm } from '../../../ui/components/form';
import type { ViewContext } from '../../../ui/view-context';

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
      <PostForm ctx={ctx} action="/connexion" class="app-form">
        {next && <input type="hidden" name="suivant" value={next} />}
        <div class={`app-field${emailError ? ' app-field--error' : ''}`}>
          <label for="email">{t('login.email')}</label>
          {emailError && (
            <p class="app-field__error" id="email-error">
              {emailError}
            </p>
          )}
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            spellcheck={false}
            value={email}
            required
            aria-invalid={emailError ? 'true' : undefined}
            aria-describedby={emailError ? 'email-error' : undefined}
          />
        </div>
        <div class={`app-field${passwordError ? ' app-field--error' : ''}`}>
          <label for="password">{t('login.password')}</label>
          {passwordError && (
            <p class="app-field__error" id="password-error">
              {passwordError}
            </p>
          )}
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={passwordError ? 'true' : undefined}
            aria-describedby={passwordError ? 'password-error' : undefined}
          />
        </div>
        <button type="submit" class="app-button">
          {t('login.submit')}
        </button>
      </PostForm>
    </div>
  );
}
