import type { Selectable } from 'kysely';

/** A staff sign-in between the password and the second factor: no session exists yet (sha256 of the cookie's token). */
export interface SignInChallengeTable {
  id: string;
  account_id: number;
  created_at: string;
  expires_at: string;
}

export interface SecondFactorTables {
  sign_in_challenges: SignInChallengeTable;
}

export type SignInChallenge = Selectable<SignInChallengeTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends SecondFactorTables {}
}
