import type { ViewContext } from '../../view-context';

type InputProps = { id: string; name: string; autoComplete: 'current-password' | 'new-password'; maxLength?: number; required?: boolean; 'aria-describedby'?: string; 'aria-invalid'?: 'true' };

/**
 * GOV.UK's password input: the field, and a « Afficher » button that shows what was typed (and
 * « Masquer » hides it again). The button is `hidden` in the page and shown by the script
 * (`app-password-input`), since without JavaScript it could do nothing; the script also says the
 * change out loud (a polite live region) and hides the password again before the form is sent.
 */
export function PasswordInput({ ctx, id, name, ...input }: { ctx: ViewContext } & InputProps) {
  const { t } = ctx;
  return (
    <div
      class="app-password-input"
      data-module="app-password-input"
      data-show={t('password.toggle.show')}
      data-hide={t('password.toggle.hide')}
      data-show-full={t('password.toggle.showFull')}
      data-hide-full={t('password.toggle.hideFull')}
      data-shown={t('password.toggle.shown')}
      data-hidden={t('password.toggle.hidden')}
    >
      <input {...input} id={id} name={name} type="password" spellcheck={false} autoCapitalize="none" class="app-password-input__input" />
      <button type="button" class="app-button app-button--secondary app-password-input__toggle" aria-controls={id} aria-label={t('password.toggle.showFull')} hidden>
        {t('password.toggle.show')}
      </button>
    </div>
  );
}
