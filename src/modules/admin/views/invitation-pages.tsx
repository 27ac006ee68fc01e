import { describedBy, ErrorSummary, errorFor, Field, type FieldError, Notice, PostForm } from '../../../ui/components/form';
import { PasswordInput } from '../../../ui/components/password-input/password-input';
import type { ViewContext } from '../../../ui/view-context';
import { INVITATION_PATH } from './paths';

/** The page the invitation link opens: the person chooses their password (the link is spent by the POST only). */
export function InvitationPage({ ctx, token, name, email, errors = [] }: { ctx: ViewContext; token: string; name: string; email: string; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = errorFor(errors, 'password');
  return (
    <div class="app-narrow">
      <h1>{t('invitation.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('invitation.intro', { name, email })}</p>
      <PostForm ctx={ctx} action={INVITATION_PATH} class="app-form">
        <input type="hidden" name="jeton" value={token} />
        <input type="hidden" name="email" value={email} autoComplete="username" />
        <Field id="password" label={t('invitation.password')} hint={t('registration.passwordHint')} error={error}>
          <PasswordInput ctx={ctx} id="password" name="password" autoComplete="new-password" maxLength={128} {...describedBy('password', { hint: true, error })} />
        </Field>
        <button type="submit" class="app-button">
          {t('invitation.submit')}
        </button>
      </PostForm>
    </div>
  );
}

export function InvitationInvalidPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('invitation.invalid.title')}</h1>
      <p>{t('invitation.invalid.body')}</p>
      <p>
        <a href="/connexion">{t('login.submit')}</a>
      </p>
    </div>
  );
}

export function InvitationDonePage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('invitation.done.title')}</h1>
      <Notice kind="success">{t('invitation.done.body')}</Notice>
      <p>
        <a class="app-button" href="/connexion">
          {t('login.submit')}
        </a>
      </p>
    </div>
  );
}
