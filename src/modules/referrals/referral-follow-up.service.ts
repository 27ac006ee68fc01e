import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import { type Actor, clientScopeOf } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { BusinessCalendar } from '../../platform/business-time/business-calendar';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { displayNames } from '../accounts/directory.service';
import { mayRefer } from './referral.policy';
import { findReferralsToFollow, updateReferralIf } from './referral.repository';
import { getReferral } from './referral.service';

/** Business days a partner has to accept or refuse before the referral shows in the agent's queue. */
export const ANSWER_BUSINESS_DAYS = 5;
/** Business days to read a partner's result. */
export const RESULT_READ_BUSINESS_DAYS = 2;

/** A referral that needs its agent: no answer from the partner yet, or a result to read. */
export interface ReferralWork {
  referralId: number;
  kind: 'answer' | 'result';
  clientId: number;
  clientName: string;
  dueAt: string;
}

/**
 * The referrals the actor follows that need them (« Ma file de travail »): sent 5 business days
 * ago or more without the partner's answer, and results not yet read. A finished referral changes
 * no more until it is read, so its `updated_at` is when the result came.
 */
export async function referralWork(db: Db, actor: Actor, calendar: BusinessCalendar, at: Date): Promise<ReferralWork[]> {
  if (!mayRefer(actor)) return [];
  const now = at.getTime();
  const work: Array<Omit<ReferralWork, 'clientName'>> = [];
  for (const referral of await findReferralsToFollow(db, clientScopeOf(actor))) {
    if (referral.status === 'envoyee' && referral.sent_at) {
      const dueAt = calendar.addBusinessDays(new Date(referral.sent_at), ANSWER_BUSINESS_DAYS);
      if (dueAt.getTime() <= now) work.push({ referralId: referral.id, kind: 'answer', clientId: referral.client_id, dueAt: dueAt.toISOString() });
    } else if (referral.status === 'terminee') {
      const dueAt = calendar.addBusinessDays(new Date(referral.updated_at), RESULT_READ_BUSINESS_DAYS);
      work.push({ referralId: referral.id, kind: 'result', clientId: referral.client_id, dueAt: dueAt.toISOString() });
    }
  }
  const names = await displayNames(
    db,
    work.map((item) => item.clientId),
  );
  return work.map((item) => ({ ...item, clientName: names.get(item.clientId) ?? '' }));
}

export type MarkReadResult = { ok: true } | { ok: false; code: 'STATE_CHANGED' };

/** The agent has read the partner's result: it leaves the queue. Reading it twice changes nothing. */
export async function markResultRead(db: Db, actor: Actor, input: { referralId: number }, deps: { clock: Clock }): Promise<MarkReadResult> {
  if (!mayRefer(actor)) throw new NotFoundError('REFERRAL.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const { referral } = await getReferral(trx, actor, input.referralId);
    if (referral.status === 'terminee' && referral.result_read_at) return { ok: true };
    const at = deps.clock().toISOString();
    const read = await updateReferralIf(trx, referral.id, { from: ['terminee'], version: referral.version }, { result_read_at: at });
    if (!read) return { ok: false, code: 'STATE_CHANGED' };
    await recordAudit(trx, { at, actorId: actor.id, ip: actor.ip, clientId: referral.client_id, action: 'referral.result_read', subjectType: 'referral', subjectId: referral.id });
    return { ok: true };
  });
}
