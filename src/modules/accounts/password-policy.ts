import { readFileSync } from 'node:fs';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** The most common passwords (see common-passwords.md), lower-cased; read once, on first use. */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
  return common;
}

export type PasswordProblem = 'PASSWORD_REQUIRED' | 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_COMMON' | 'PASSWORD_IS_EMAIL';

/**
 * The password rules (NIST SP 800-63B / ASVS 2.1): 12 to 128 characters (counted as the person
 * sees them), any characters, not one of the most common passwords, not the e-mail address.
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length === 0) return 'PASSWORD_REQUIRED';
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'PASSWORD_TOO_SHORT';
  if (length > PASSWORD_MAX) return 'PASSWORD_TOO_LONG';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'PASSWORD_COMMON';
  if (email && lower === email.trim().toLowerCase()) return 'PASSWORD_IS_EMAIL';
  return null;
}
