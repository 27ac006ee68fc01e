import type { Db } from '../../db/types';
import type { CalendarFeed, NewCalendarFeed } from './calendar-feed.tables';

export async function insertCalendarFeed(db: Db, feed: NewCalendarFeed): Promise<CalendarFeed> {
  return db.insertInto('calendar_feeds').values(feed).returningAll().executeTakeFirstOrThrow();
}

/** The agent's live subscription (at most one: a new one revokes the last), or undefined. */
export async function findLiveFeedOf(db: Db, agentId: number): Promise<CalendarFeed | undefined> {
  return db.selectFrom('calendar_feeds').selectAll().where('agent_id', '=', agentId).where('revoked_at', 'is', null).orderBy('id', 'desc').executeTakeFirst();
}

/** Revokes the agent's live subscriptions; the ids revoked (none: there was none). */
export async function revokeLiveFeedsOf(db: Db, agentId: number, at: string): Promise<number[]> {
  const rows = await db.updateTable('calendar_feeds').set({ revoked_at: at }).where('agent_id', '=', agentId).where('revoked_at', 'is', null).returning('id').execute();
  return rows.map((row) => row.id);
}

/**
 * The live subscription of a secret's hash, with what the feed needs of its agent: an active
 * agent (a deactivated one's addresses answer nothing) and the language they read.
 */
export async function findLiveFeedByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('accounts', 'accounts.id', 'calendar_feeds.agent_id')
    .select(['calendar_feeds.id', 'calendar_feeds.agent_id', 'accounts.locale'])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('calendar_feeds.revoked_at', 'is', null)
    .where('accounts.role', '=', 'agent')
    .where('accounts.deactivated_at', 'is', null)
    .executeTakeFirst();
}
