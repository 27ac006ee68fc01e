import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table interfaces only. Timestamps are ISO-8601 UTC strings (`2026-11-26T23:22:00.000Z`) and
 * booleans are 0/1 integers, so that one set of migrations and queries behaves the same on
 * SQLite and PostgreSQL.
 */
export interface AccountTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  role: 'client' | 'agent' | 'admin';
  display_name: string;
  phone: string | null;
  locale: 'fr' | 'en';
  time_zone: string;
  /** The agent who follows this client; null for agents, admins and clients not yet assigned. */
  agent_id: number | null;
  created_at: string;
  password_changed_at: string;
  /** When a client's file was closed (retention of Loi 25 counts from here); null while open. */
  closed_at: string | null;
  /** The agents' team (agents) or the team a request was sent to (clients); null when none. */
  team: string | null;
  /** Bumped by each scheduling transaction involving this person: the lock that serializes them. */
  schedule_version: Generated<number>;
  /** 1 while a self-created account has not confirmed its e-mail address; 0 otherwise. */
  email_verification_pending: Generated<number>;
  /** 1 when e-mails announce new messages (the default), 0 when the person turned them off. */
  email_notifications: Generated<number>;
  /** When a manager deactivated this staff account: its sessions no longer resolve. Null while active. */
  deactivated_at: Generated<string | null>;
  /** Languages a staff member speaks, comma-separated codes ('fr,en'); null when not given. */
  languages: Generated<string | null>;
  /** The staff member's TOTP secret (base32) once enrolled, and when; null when not enrolled. */
  totp_secret: Generated<string | null>;
  totp_enrolled_at: Generated<string | null>;
  /** The secret of an enrolment in progress, until a first code confirms it. */
  totp_pending_secret: Generated<string | null>;
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totp_last_step: Generated<number | null>;
  /** How French agrees words about the person (« connectée »); null when not given. */
  grammatical_gender: Generated<GrammaticalGender | null>;
  /** An agent's own video meeting room (https:// link); null when none. */
  video_room: Generated<string | null>;
}

export type GrammaticalGender = 'feminine' | 'masculine';

export interface SessionTable {
  /** sha256 of the token in the cookie: a leaked table does not leak usable sessions. */
  id: string;
  account_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginFailureTable {
  id: Generated<number>;
  /** `account:<email>` or `ip:<address>`. */
  throttle_key: string;
  failed_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  /** JSON text: before/after values and other facts, never secrets. */
  details: string | null;
  /** The client whose file the line belongs to, for the file's timeline; null when none. */
  client_id: number | null;
}

/** The version of what an account's pages show (account 0: what all pages share); moved by triggers. */
export interface PageVersionTable {
  account_id: number;
  version: number;
}

export interface PlatformTables {
  page_versions: PageVersionTable;
  accounts: AccountTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
}

/**
 * The whole database: the platform's tables here, and each module's added by its own
 * `*.tables.ts` (`declare module` merges them into this interface), so that this file, below
 * every module, imports none of them.
 */
export interface Database extends PlatformTables {}

export type Account = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type Session = Selectable<SessionTable>;
export type Role = AccountTable['role'];
