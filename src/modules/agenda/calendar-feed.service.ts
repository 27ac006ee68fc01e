import { createHash, randomBytes } from 'node:crypto';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { agentAppointmentsBetween } from '../appointments/agent-calendar.service';
import { agendaFeedIcs } from './agenda-feed.ics';
import { mayOpenAgendaOf, mayRevokeFeedOf, maySubscribeTo } from './agenda.policy';
import { findLiveFeedByHash, findLiveFeedOf, insertCalendarFeed, revokeLiveFeedsOf } from './calendar-feed.repository';

/** The prefix makes a leaked address recognizable by secret scanners and in logs. */
const TOKEN_PREFIX = 'aqcal_';
/** 'aqcal_' and 32 random bytes in base64url. */
const TOKEN_SHAPE = /^aqcal_[A-Za-z0-9_-]{43}$/;
const DAY_MS = 86_400_000;
/** What the feed carries: the recent past (outcomes to record) and the year ahead. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 365;

function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The subscription address of a secret (what the agent pastes into their calendar). */
export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/agenda/${token}.ics`;
}

/** Whether the agent has a live subscription, and since when (the agenda page says so). */
export async function feedStatus(db: Db, actor: Actor, agentId: number): Promise<{ liveSince?: string }> {
  if (!mayOpenAgendaOf(actor, agentId)) throw new NotFoundError('AGENDA.NOT_FOUND');
  const feed = await findLiveFeedOf(db, agentId);
  return feed ? { liveSince: feed.created_at } : {};
}

/**
 * « S'abonner à mon agenda »: a new secret address (256 random bits) of which only the hash is
 * kept; the secret is in this answer only, shown once. A new one replaces the last (one live
 * address per agent, so « Révoquer » ends every copy the agent has handed out).
 */
export async function subscribeToAgenda(db: Db, actor: Actor, clock: Clock): Promise<{ token: string }> {
  if (!maySubscribeTo(actor, actor.id)) throw new NotFoundError('AGENDA.NOT_FOUND');
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const at = clock().toISOString();
  await inTransaction(db, async (trx) => {
    const replaced = await revokeLiveFeedsOf(trx, actor.id, at);
    for (const id of replaced)
      await recordAudit(trx, { at, actorId: actor.id, action: 'agenda.feed_revoked', subjectType: 'calendar_feed', subjectId: id, ip: actor.ip ?? null, details: { agentId: actor.id, replaced: true } });
    const feed = await insertCalendarFeed(trx, { token_hash: hashFeedToken(token), agent_id: actor.id, created_at: at, created_by: actor.id, revoked_at: null });
    await recordAudit(trx, { at, actorId: actor.id, action: 'agenda.feed_created', subjectType: 'calendar_feed', subjectId: feed.id, ip: actor.ip ?? null, details: { agentId: actor.id } });
  });
  return { token };
}

/** « Révoquer »: the agent's address answers 404 from now on. False when none was live. */
export async function revokeAgendaFeed(db: Db, actor: Actor, agentId: number, clock: Clock): Promise<boolean> {
  if (!mayRevokeFeedOf(actor, agentId)) throw new NotFoundError('AGENDA.NOT_FOUND');
  const at = clock().toISOString();
  return inTransaction(db, async (trx) => {
    const revoked = await revokeLiveFeedsOf(trx, agentId, at);
    for (const id of revoked) await recordAudit(trx, { at, actorId: actor.id, action: 'agenda.feed_revoked', subjectType: 'calendar_feed', subjectId: id, ip: actor.ip ?? null, details: { agentId, replaced: false } });
    return revoked.length > 0;
  });
}

/**
 * The calendar behind a secret address, read without a session: the agent's appointments from
 * 30 days back to a year ahead, cancelled ones included (STATUS:CANCELLED removes them from the
 * agent's calendar). Undefined for a malformed, unknown or revoked secret, or a deactivated agent.
 */
export async function agendaFeed(db: Db, token: string, deps: { clock: Clock; publicUrl: string }): Promise<string | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const feed = await findLiveFeedByHash(db, hashFeedToken(token));
  if (!feed) return undefined;
  const now = deps.clock();
  const from = new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS).toISOString();
  const to = new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS).toISOString();
  const entries = await agentAppointmentsBetween(db, feed.agent_id, from, to);
  return agendaFeedIcs({ entries, locale: feed.locale, publicUrl: deps.publicUrl, now });
}
