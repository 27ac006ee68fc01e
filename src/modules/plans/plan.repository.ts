import type { Db } from '../../db/types';
import type { NewPlan, NewPlanAction, NewPlanNote, Plan, PlanAction, PlanNote } from './plan.tables';

/** The client's plan only when it is published: a draft is invisible to its client. */
export async function findPublishedPlanOfClient(db: Db, clientId: number): Promise<Plan | undefined> {
  return db.selectFrom('plans').selectAll().where('client_id', '=', clientId).where('status', '=', 'publie').executeTakeFirst();
}

/** Every action of a plan, in domain then agent-chosen order (domains are sorted by the caller). */
export async function findActionsOfPlan(db: Db, planId: number): Promise<PlanAction[]> {
  return db.selectFrom('plan_actions').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('id').execute();
}

/**
 * One action, only when it belongs to this client's published plan: someone else's id, an
 * unknown id and an action of a draft plan all give undefined.
 */
export async function findClientAction(db: Db, clientId: number, actionId: number): Promise<PlanAction | undefined> {
  return db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .selectAll('plan_actions')
    .where('plan_actions.id', '=', actionId)
    .where('plans.client_id', '=', clientId)
    .where('plans.status', '=', 'publie')
    .executeTakeFirst();
}

export interface ActionStatusChange {
  status: PlanAction['status'];
  completedOn: string | null;
  at: string;
}

/**
 * Moves an action to a new status only if nobody changed it since `expectedVersion` was read:
 * the WHERE on the version makes parallel or stale requests give exactly one change.
 * Returns whether this request made the change.
 */
export async function updateActionStatusIfVersion(db: Db, actionId: number, expectedVersion: number, change: ActionStatusChange): Promise<boolean> {
  const result = await db
    .updateTable('plan_actions')
    .set((eb) => ({
      status: change.status,
      completed_on: change.completedOn,
      updated_at: change.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', actionId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Notes the client may read on their file (not on an action), newest first. */
export async function findClientFileNotes(db: Db, clientId: number): Promise<PlanNote[]> {
  return db
    .selectFrom('plan_notes')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('action_id', 'is', null)
    .where('visibility', '=', 'client')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Notes the client may read on one action, newest first. */
export async function findClientActionNotes(db: Db, clientId: number, actionId: number): Promise<PlanNote[]> {
  return db
    .selectFrom('plan_notes')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('action_id', '=', actionId)
    .where('visibility', '=', 'client')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One note, only when it is on this client's file and meant for the client. */
export async function findClientNote(db: Db, clientId: number, noteId: number): Promise<PlanNote | undefined> {
  return db
    .selectFrom('plan_notes')
    .selectAll()
    .where('id', '=', noteId)
    .where('client_id', '=', clientId)
    .where('visibility', '=', 'client')
    .executeTakeFirst();
}

export async function insertPlan(db: Db, plan: NewPlan): Promise<Plan> {
  return db.insertInto('plans').values(plan).returningAll().executeTakeFirstOrThrow();
}

export async function insertAction(db: Db, action: NewPlanAction): Promise<PlanAction> {
  return db.insertInto('plan_actions').values(action).returningAll().executeTakeFirstOrThrow();
}

export async function insertNote(db: Db, note: NewPlanNote): Promise<PlanNote> {
  return db.insertInto('plan_notes').values(note).returningAll().executeTakeFirstOrThrow();
}
