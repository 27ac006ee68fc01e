import type { Generated, Insertable, Selectable } from 'kysely';

/** « S'abonner à mon agenda »: an agent's private calendar address (see calendar-feed.service.ts). */
export interface CalendarFeedTable {
  id: Generated<number>;
  /** sha256 (hex) of the secret in the address: the secret itself is never stored. */
  token_hash: string;
  agent_id: number;
  created_at: string;
  /** The agent, or the manager who created it for them. */
  created_by: number;
  revoked_at: string | null;
}

/** Tables of the agenda module. */
export interface AgendaTables {
  calendar_feeds: CalendarFeedTable;
}

export type CalendarFeed = Selectable<CalendarFeedTable>;
export type NewCalendarFeed = Insertable<CalendarFeedTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends AgendaTables {}
}
