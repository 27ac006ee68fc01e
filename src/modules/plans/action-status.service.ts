import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.repository';
import { NotFoundError } from '../../platform/errors';
import { findClientAction, updateActionStatusIfVersion } from './plan.repository';
import type { PlanAction } from './plan.tables';
import { quebecDate } from '../../platform/business-time/quebec-time';

export interface ToggleInput {
  clientId: number;
  actionId: number;
  /** The version the person saw when they pressed « J'ai terminé ». */
  expectedVersion: number;
  now: Date;
  ip?: string;
}

export type ToggleResult = { ok: true; action: PlanAction } | { ok: false; reason: 'conflict'; action: PlanAction };

/**
 * « J'ai terminé »: flips the action between `a_faire` and `completee`. Completing sets
 * « Date de fin » to today's Québec date; un-completing clears it. The change is applied only
 * when the action is still at the version the person saw, so a stale tab or a parallel request
 * gets `conflict` with the current state instead of overwriting. Each change is audited in the
 * same transaction.
 */
export async function toggleAction(db: Kysely<Database>, input: ToggleInput): Promise<ToggleResult> {
  return db.transaction().execute(async (trx) => {
    const before = await findClientAction(trx, input.clientId, input.actionId);
    if (!before) throw new NotFoundError('PLAN.ACTION_NOT_FOUND');
    if (before.version !== input.expectedVersion) return { ok: false, reason: 'conflict', action: before };

    const at = input.now.toISOString();
    const status: PlanAction['status'] = before.status === 'completee' ? 'a_faire' : 'completee';
    const completedOn = status === 'completee' ? quebecDate(input.now) : null;
    const changed = await updateActionStatusIfVersion(trx, before.id, before.version, { status, completedOn, at });
    if (!changed) {
      const current = (await findClientAction(trx, input.clientId, input.actionId)) ?? before;
      return { ok: false, reason: 'conflict', action: current };
    }
    const after: PlanAction = { ...before, status, completed_on: completedOn, updated_at: at, version: before.version + 1 };
    await recordAudit(trx, {
      at,
      actorId: input.clientId,
      action: 'plan.action.status_changed',
      subjectType: 'plan_action',
      subjectId: before.id,
      ip: input.ip ?? null,
      details: {
        before: { status: before.status, completedOn: before.completed_on, version: before.version },
        after: { status, completedOn, version: after.version },
      },
    });
    return { ok: true, action: after };
  });
}
