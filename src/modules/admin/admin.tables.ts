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

/** Tables of the manager's module. */
export interface AdminTables {
  recovery_codes: RecoveryCodeTable;
  staff_invitations: StaffInvitationTable;
}

export type StaffInvitation = Selectable<StaffInvitationTable>;
