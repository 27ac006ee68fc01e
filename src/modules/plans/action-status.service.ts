import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import { NotFoundError } from '../../platform/errors';
import { mayMarkDone, planAccess } from './plan.policy';
import { findAction, updateActionStatusIfVersion } from './plan.repository';
import type { PlanAction } from './plan.tables';
import { quebecDate } from '../../platform/business-time/quebec-time';

export interface ToggleInput {
  actionId: number;
  /** The version the person saw when they pressed « J'ai terminé ». */
  expectedVersion: number;
  now: Date;
}

export type ToggleResult = { ok: true; action: PlanAction } | { ok: false; code: 'VERSION_CONFLICT'; action: PlanAction };

/**
 * « J'ai terminé »: flips the action between `a_faire` and `completee`. Completing sets
 * « Date de fin » to today's Québec date; un-completing clears it. The change is applied only
 * when the action is still at the version the person saw, so a stale tab or a parallel request
 * gets `conflict` with the current state instead of overwriting. Each change is audited in the
 * same transaction.
 */
export async function toggleAction(db: Db, actor: Actor, input: ToggleInput): Promise<ToggleResult> {
  if (!mayMarkDone(actor)) throw new NotFoundError('PLAN.ACTION_NOT_FOUND');
  const access = planAccess(actor);
  return inTransaction(db, async (trx) => {
    const found = await findAction(trx, access, input.actionId);
    if (!found) throw new NotFoundError('PLAN.ACTION_NOT_FOUND');
    const { client_id: clientId, ...before } = found;
    if (before.version !== input.expectedVersion) return { ok: false, code: 'VERSION_CONFLICT', action: before };

    const at = input.now.toISOString();
    const status: PlanAction['status'] = before.status === 'completee' ? 'a_faire' : 'completee';
    const completedOn = status === 'completee' ? quebecDate(input.now) : null;
    const changed = await updateActionStatusIfVersion(trx, before.id, before.version, { status, completedOn, at });
    if (!changed) {
      const current = await findAction(trx, access, input.actionId);
      const { client_id: _clientId, ...action } = current ?? { ...before, client_id: clientId };
      return { ok: false, code: 'VERSION_CONFLICT', action };
    }
    const after: PlanAction = { ...before, status, completed_on: completedOn, updated_at: at, version: before.version + 1 };
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'plan.action.status_changed',
      subjectType: 'plan_action',
      subjectId: before.id,
      clientId,
      ip: actor.ip ?? null,
      details: {
        before: { status: before.status, completedOn: before.completed_on, version: before.version },
        after: { status, completedOn, version: after.version },
      },
    });
    return { ok: true, action: after };
  });
}
