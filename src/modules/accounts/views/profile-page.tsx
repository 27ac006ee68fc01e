import type { Account } from '../../../db/database';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, Notice, PostForm } from '../../../ui/components/form';
import type { ViewContext } from '../../../ui/view-context';
import { zoneOptions } from '../../../platform/i18n/time-zones';
import { LanguageChoice } from './registration-pages';
import { PasswordInput } from '../../../ui/components/password-input/password-input';
import { Choices } from '../../../ui/components/choices/choices';

export const PROFILE_PATH = '/profil/informations';

export interface ProfileValues {
  name: string;
  phone: string;
  locale: string;
  timeZone: string;
  emailNotifications: boolean;
  /** « Accord en français »: 'feminine', 'masculine' or '' (not given). */
  gender: string;
  newEmail: string;
}

export function profileValues(account: Account): ProfileValues {
  return {
    name: account.display_name,
    phone: account.phone ?? '',
    locale: account.locale,
    timeZone: account.time_zone,
    emailNotifications: account.email_notifications !== 0,
    gender: account.grammatical_gender ?? '',
    newEmail: '',
  };
}

const AGREEMENTS = [
  ['feminine', 'profile.genderFeminine'],
  ['masculine', 'profile.genderMasculine'],
  ['', 'profile.genderNone'],
] as const;

/** « Mon profil » → « Mes informations »: details, language, time zone, agreement, e-mail notices, password, address. */
export function ProfilePage({ ctx, account, values, errors = [], notice }: { ctx: ViewContext; account: Account; values: ProfileValues; errors?: FieldError[]; notice?: string }) {
  const { t } = ctx;
  const error = (field: string) => errorFor(errors, field);
  const zones = zoneOptions(ctx.locale, values.timeZone);
  return (
    <div class="app-narrow">
      <h1>{t('profile.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary ctx={ctx} errors={errors} />

      <h2>{t('profile.details')}</h2>
      <PostForm ctx={ctx} action={PROFILE_PATH} class="app-form">
        <Field id="name" label={t('registration.name')} error={error('name')}>
          <input id="name" name="name" type="text" autoComplete="name" maxLength={200} value={values.name} required {...describedBy('name', { error: error('name') })} />
        </Field>
        <Field id="phone" label={t('profile.phone')} error={error('phone')}>
          <input id="phone" name="phone" type="tel" autoComplete="tel" maxLength={40} value={values.phone} {...describedBy('phone', { error: error('phone') })} />
        </Field>
        <LanguageChoice ctx={ctx} value={values.locale} error={error('locale')} />
        <Field id="timeZone" label={t('profile.timeZone')} error={error('timeZone')}>
          <select id="timeZone" name="timeZone" {...describedBy('timeZone', { error: error('timeZone') })}>
            {zones.map((zone) => (
              <option key={zone.value} value={zone.value} selected={values.timeZone === zone.value}>
                {zone.label}
              </option>
            ))}
          </select>
        </Field>
        {/* « Accord en français »: how the French pages agree words about the person; none: épicène wording. */}
        <Choices
          name="gender"
          type="radio"
          legend={t('profile.gender')}
          hint={t('profile.genderHint')}
          error={error('gender')}
          chosen={[values.gender]}
          options={AGREEMENTS.map(([value, label]) => ({ value, label: t(label) }))}
        />
        {account.role === 'client' && (
          <fieldset class="app-fieldset" aria-describedby="emailNotifications-hint">
            <legend>{t('profile.notifications')}</legend>
            <p class="app-field__hint" id="emailNotifications-hint">
              {t('profile.notificationsHint')}
            </p>
            <div class="app-radio">
              <input type="checkbox" id="emailNotifications" name="emailNotifications" value="1" checked={values.emailNotifications} /> <label for="emailNotifications">{t('profile.notificationsLabel')}</label>
            </div>
          </fieldset>
        )}
        <button type="submit" class="app-button">
          {t('profile.save')}
        </button>
      </PostForm>

      <h2>{t('profile.password')}</h2>
      <p>{t('profile.password.hint')}</p>
      <PostForm ctx={ctx} action="/profil/mot-de-passe" class="app-form">
        <Field id="currentPassword" label={t('profile.password.current')} error={error('currentPassword')}>
          <PasswordInput ctx={ctx} id="currentPassword" name="currentPassword" autoComplete="current-password" required {...describedBy('currentPassword', { error: error('currentPassword') })} />
        </Field>
        <Field id="newPassword" label={t('profile.password.next')} hint={t('registration.passwordHint')} error={error('newPassword')}>
          <PasswordInput ctx={ctx} id="newPassword" name="newPassword" autoComplete="new-password" maxLength={128} required {...describedBy('newPassword', { hint: true, error: error('newPassword') })} />
        </Field>
        <button type="submit" class="app-button app-button--secondary">
          {t('profile.password.submit')}
        </button>
      </PostForm>

      <h2>{t('profile.email')}</h2>
      <p>{t('profile.email.current', { email: account.email })}</p>
      <PostForm ctx={ctx} action="/profil/courriel" class="app-form">
        <Field id="newEmail" label={t('profile.email.new')} error={error('newEmail')}>
          <input id="newEmail" name="newEmail" type="email" autoComplete="email" spellcheck={false} maxLength={320} value={values.newEmail} required {...describedBy('newEmail', { error: error('newEmail') })} />
        </Field>
        <Field id="emailPassword" label={t('profile.email.password')} error={error('emailPassword')}>
          <PasswordInput ctx={ctx} id="emailPassword" name="emailPassword" autoComplete="current-password" required {...describedBy('emailPassword', { error: error('emailPassword') })} />
        </Field>
        <button type="submit" class="app-button app-button--secondary">
          {t('profile.email.submit')}
        </button>
      </PostForm>
    </div>
  );
}
