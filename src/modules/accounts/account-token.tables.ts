import type { Generated, Insertable, Selectable } from 'kysely';

export type AccountTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

/** A single-use link sent by e-mail. Only the sha256 of the token is stored. */
export interface AccountTokenTable {
  id: Generated<number>;
  account_id: number;
  purpose: AccountTokenPurpose;
  token_hash: string;
  /** The address to confirm, for `change_email`. */
  new_email: string | null;
  created_at: string;
  expires_at: string;
  /** Set once, when the link is used: a second use finds it spent. */
  used_at: string | null;
}

export interface AccountTokenTables {
  account_tokens: AccountTokenTable;
}

export type AccountToken = Selectable<AccountTokenTable>;
export type NewAccountToken = Insertable<AccountTokenTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends AccountTokenTables {}
}
