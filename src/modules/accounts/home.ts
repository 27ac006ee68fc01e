import type { Account } from '../../db/database';

/** Where each role lands after signing in. */
export function homeFor(account: Pick<Account, 'role'>): string {
  return account.role === 'client' ? '/accompagnement-quebec' : '/espace';
}
