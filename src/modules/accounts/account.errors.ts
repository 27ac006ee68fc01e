import type { Refusal, RefusalTable } from '../../platform/errors';
import type { PasswordProblem } from './password-policy';

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
