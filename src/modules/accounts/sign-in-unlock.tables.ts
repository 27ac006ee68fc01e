import type { Generated, Selectable } from 'kysely';

/** A single-use link that lets the owner's browser past an account-wide sign-in throttle. Only the sha256 of the token is stored. */
export interface SignInUnlockTable {
  id: Generated<number>;
  account_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
  /** Set once, when the link is used. */
  used_at: string | null;
}

export interface SignInUnlockTables {
  sign_in_unlocks: SignInUnlockTable;
}

export type SignInUnlock = Selectable<SignInUnlockTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends SignInUnlockTables {}
}
