import type { Generated, Insertable, Selectable } from 'kysely';

/** Bearer tokens of the JSON API, one per signed-in device (see api-token.service.ts). */
export interface ApiTokenTable {
  id: Generated<number>;
  /** sha256 (hex) of the token the device holds: the token itself is never stored. */
  token_hash: string;
  account_id: number;
  /** What the person sees under « Appareils connectés » (the device's name, or its User-Agent). */
  label: string;
  created_at: string;
  expires_at: string;
  /** Refreshed at most once an hour, so that reading does not mean a write per request. */
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokenTables {
  api_tokens: ApiTokenTable;
}

export type ApiToken = Selectable<ApiTokenTable>;
export type NewApiToken = Insertable<ApiTokenTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends ApiTokenTables {}
}
