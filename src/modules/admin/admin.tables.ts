import type { Generated, Selectable } from 'kysely';

/** A single-use recovery code of a staff member's second factor (sha256 of the code). */
export interface RecoveryCodeTable {
  id: Generated<number>;
  account_id: number;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

/** An invitation to join the staff: the link's token is kept only as its sha256. */
export interface StaffInvitationTable {
  id: Generated<number>;
  account_id: number;
  token_hash: string;
  created_by: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/**
 * A team of agents (reference data): agents and requests name it by its code; its name is shown in
 * the reader's language. Retired (active = 0), never deleted.
 */
export interface TeamTable {
  code: string;
  name_fr: string;
  name_en: string;
  /** One of Québec's administrative regions, or null (a team made from a code before teams had one). */
  region: string | null;
  active: Generated<number>;
}

/** Tables of the manager's module. */
export interface AdminTables {
  recovery_codes: RecoveryCodeTable;
  staff_invitations: StaffInvitationTable;
  teams: TeamTable;
}

export type Team = Selectable<TeamTable>;

export type StaffInvitation = Selectable<StaffInvitationTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends AdminTables {}
}
