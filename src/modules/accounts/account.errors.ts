import type { Refusal, RefusalTable } from '../../platform/errors';
import type { MessageKey } from '../../platform/i18n/catalog';
import type { PasswordProblem } from './password-policy';
import type { ThrottleScope } from './sign-in-throttle.service';

/** Why a new password is refused (the password rules, password-policy.ts). */
export type PasswordCode = PasswordProblem;

const password = (code: PasswordCode, field: string): Refusal => ({ status: 400, field, messageKey: `password.${code}` });

/** The password rules' refusals at a form's password field (`password`, or the profile's `newPassword`). */
export function passwordErrorsAt(field: string): RefusalTable<PasswordCode> {
  return {
    PASSWORD_REQUIRED: password('PASSWORD_REQUIRED', field),
    PASSWORD_TOO_SHORT: password('PASSWORD_TOO_SHORT', field),
    PASSWORD_TOO_LONG: password('PASSWORD_TOO_LONG', field),
    PASSWORD_COMMON: password('PASSWORD_COMMON', field),
    PASSWORD_IS_EMAIL: password('PASSWORD_IS_EMAIL', field),
  };
}

/** The password rules' refusals as the sign-up, reset and invitation forms show them (field `password`). */
export const PASSWORD_ERRORS: RefusalTable<PasswordCode> = passwordErrorsAt('password');

/** Why a sign-in (the page's, or a device's for an API token) is refused. */
export type SignInCode = 'INVALID_CREDENTIALS' | 'THROTTLED' | 'STAFF_NO_TOKEN' | 'EMAIL_NOT_CONFIRMED';

/** Why the second factor's step (the code at sign-in, or the first code that enrols) is refused. */
export type SecondFactorCode = 'CHALLENGE_EXPIRED' | 'CODE_WRONG' | 'CODE_THROTTLED' | 'CODE_REQUIRED' | 'CODE_INVALID' | 'ALREADY_ENROLLED';

/** What is wrong with « Mes informations » (several at once: `{ ok: false, code: 'INVALID', codes }`). */
export type InformationCode = 'NAME_REQUIRED' | 'NAME_TOO_LONG' | 'PHONE_INVALID' | 'TIME_ZONE_INVALID' | 'GENDER_INVALID';

/** Why a change of password or e-mail address, or a link sent by mail, is refused. */
export type AccountChangeCode = 'CURRENT_WRONG' | 'EMAIL_PASSWORD_WRONG' | 'EMAIL_SAME' | 'EMAIL_TAKEN' | 'LINK_INVALID';

/** Every refusal of the accounts module: a closed union. */
export type AccountRefusalCode = 'INVALID' | SignInCode | SecondFactorCode | InformationCode | AccountChangeCode | PasswordCode;

/**
 * How the pages and the API show each refusal: its status, the form field it belongs to (none:
 * the whole form, or the page the person is sent to, 303), its message.
 */
export const ACCOUNT_ERRORS: RefusalTable<AccountRefusalCode> = {
  INVALID: { status: 400, messageKey: 'error.badRequest.body' },
  // Sign-in (« Connexion », and a device's POST /api/v1/tokens)
  INVALID_CREDENTIALS: { status: 401, field: 'credentials', messageKey: 'login.invalid' },
  THROTTLED: { status: 429, field: 'credentials', messageKey: 'login.throttled' },
  STAFF_NO_TOKEN: { status: 403, messageKey: 'api.problem.staff.detail' },
  EMAIL_NOT_CONFIRMED: { status: 403, messageKey: 'api.problem.emailNotConfirmed.detail' },
  // The second factor
  CHALLENGE_EXPIRED: { status: 303, messageKey: 'login.sessionExpired' },
  CODE_WRONG: { status: 401, field: 'code', messageKey: 'mfa.code.invalid' },
  CODE_THROTTLED: { status: 429, field: 'code', messageKey: 'login.throttled' },
  CODE_REQUIRED: { status: 400, field: 'code', messageKey: 'mfa.enrol.CODE_REQUIRED' },
  CODE_INVALID: { status: 400, field: 'code', messageKey: 'mfa.enrol.CODE_INVALID' },
  ALREADY_ENROLLED: { status: 303, messageKey: 'mfa.enrolled' },
  // « Mon profil »
  NAME_REQUIRED: { status: 400, field: 'name', messageKey: 'profile.error.NAME_REQUIRED' },
  NAME_TOO_LONG: { status: 400, field: 'name', messageKey: 'profile.error.NAME_TOO_LONG' },
  PHONE_INVALID: { status: 400, field: 'phone', messageKey: 'profile.error.PHONE_INVALID' },
  TIME_ZONE_INVALID: { status: 400, field: 'timeZone', messageKey: 'profile.error.TIME_ZONE_INVALID' },
  GENDER_INVALID: { status: 400, field: 'gender', messageKey: 'profile.error.GENDER_INVALID' },
  CURRENT_WRONG: { status: 400, field: 'currentPassword', messageKey: 'profile.error.CURRENT_WRONG' },
  EMAIL_PASSWORD_WRONG: { status: 400, field: 'emailPassword', messageKey: 'profile.error.CURRENT_WRONG' },
  EMAIL_SAME: { status: 400, field: 'newEmail', messageKey: 'profile.error.EMAIL_SAME' },
  EMAIL_TAKEN: { status: 400, messageKey: 'profile.error.EMAIL_TAKEN' },
  // A link sent by mail (confirm the address, reset the password, confirm a new address)
  LINK_INVALID: { status: 400, messageKey: 'link.invalid.body' },
  ...PASSWORD_ERRORS,
};

/** The profile's « Changer le mot de passe » shows the password rules at its `newPassword` field. */
export const NEW_PASSWORD_ERRORS: RefusalTable<PasswordCode> = passwordErrorsAt('newPassword');

/** A throttled sign-in says whose attempts were too many: this account's from here, this account's, or this address's. */
export const THROTTLED_MESSAGE = { pair: 'login.throttled', account: 'login.throttled.account', address: 'login.throttled.address', device: 'login.throttled.device' } as const satisfies Record<ThrottleScope, MessageKey>;
