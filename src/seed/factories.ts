import type { Account, NewAccount } from '../db/database';
import type { Db } from '../db/types';
import { insertAccount } from '../modules/accounts/account.repository';
import { hashPassword } from '../modules/accounts/password';

export const DEMO_PASSWORD = 'Demo-Accompagnement-2026';

// argon2id is slow on purpose; the demo password is hashed once per process, not per account.
let demoHash: Promise<string> | undefined;
function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

let sequence = 0;

/**
 * Creates an account. The seed and the tests build their data with these same factories.
 * Without a password, the account gets the demo password.
 */
export async function createAccount(db: Db, fields: Partial<Omit<NewAccount, 'password_hash'>> & { password?: string; at?: string } = {}): Promise<Account> {
  sequence += 1;
  const { password, at, ...rest } = fields;
  const now = at ?? new Date().toISOString();
  return insertAccount(db, {
    email: `person${sequence}-${Date.now()}@example.test`,
    role: 'client',
    display_name: `Person ${sequence}`,
    phone: null,
    locale: 'fr',
    time_zone: 'America/Toronto',
    agent_id: null,
    created_at: now,
    password_changed_at: now,
    ...rest,
    password_hash: password ? await hashPassword(password) : await demoPasswordHash(),
  });
}
