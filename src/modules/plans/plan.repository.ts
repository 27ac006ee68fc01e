import { clientInScope } from '../../db/scope';
import type { Db } from '../../db/types';
import type { PlanAccess } from './plan.policy';
import type { NewPlan, NewPlanAction, NewPlanNote, Plan, PlanAction, PlanNote } from './plan.tables';

/** A client's plan within reach: a draft only for those who see drafts. */
export async function findPlanOfClient(db: Db, access: PlanAccess, clientId: number): Promise<Plan | undefined> {
  let query = db.selectFrom('plans').selectAll().where('client_id', '=', clientId).where(clientInScope('plans.client_id', access.scope));
  if (!access.seesDrafts) query = query.where('status', '=', 'publie');
  return query.executeTakeFirst();
}

/** Every action of a plan, in domain then agent-chosen order (domains are sorted by the caller). */
export async function findActionsOfPlan(db: Db, planId: number): Promise<PlanAction[]> {
  return db.selectFrom('plan_actions').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('id').execute();
}

/**
 * One action within reach: an action of a plan out of scope, an unknown id and (for a client) an
 * action of a draft plan all give undefined.
 */
export async function findAction(db: Db, access: PlanAccess, actionId: number): Promise<(PlanAction & { client_id: number }) | undefined> {
  let query = db
    .selectFrom('plan_actions')
    .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
    .selectAll('plan_actions')
    .select('plans.client_id')
    .where('plan_actions.id', '=', actionId)
    .where(clientInScope('plans.client_id', access.scope));
  if (!access.seesDrafts) query = query.where('plans.status', '=', 'publie');
  return query.executeTakeFirst();
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

/** Notes on a client's file (not on an action) within reach, newest first. */
export async function findFileNotes(db: Db, access: PlanAccess, clientId: number): Promise<PlanNote[]> {
  let query = db.selectFrom('plan_notes').selectAll().where('client_id', '=', clientId).where(clientInScope('plan_notes.client_id', access.scope)).where('action_id', 'is', null);
  if (!access.seesInternalNotes) query = query.where('visibility', '=', 'client');
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Notes on one action within reach, newest first. */
export async function findActionNotes(db: Db, access: PlanAccess, actionId: number): Promise<PlanNote[]> {
  let query = db.selectFrom('plan_notes').selectAll().where('action_id', '=', actionId).where(clientInScope('plan_notes.client_id', access.scope));
  if (!access.seesInternalNotes) query = query.where('visibility', '=', 'client');
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** One note within reach: out of scope, unknown, or internal for a client all give undefined. */
export async function findNote(db: Db, access: PlanAccess, noteId: number): Promise<PlanNote | undefined> {
  let query = db.selectFrom('plan_notes').selectAll().where('id', '=', noteId).where(clientInScope('plan_notes.client_id', access.scope));
  if (!access.seesInternalNotes) query = query.where('visibility', '=', 'client');
  return query.executeTakeFirst();
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

/**
 * Inserts the action unless one with the same form key exists; returns the stored one either way.
 * On PostgreSQL a concurrent twin waits on the unique index until the first commits, then finds it.
 */
export async function insertActionOnce(db: Db, action: NewPlanAction & { dedupe_key: string }): Promise<{ action: PlanAction; created: boolean }> {
  const inserted = await db
    .insertInto('plan_actions')
    .values(action)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { action: inserted, created: true };
  return { action: await db.selectFrom('plan_actions').selectAll().where('dedupe_key', '=', action.dedupe_key).executeTakeFirstOrThrow(), created: false };
}

/** Inserts the note unless one with the same form key exists; returns the stored one either way. */
export async function insertNoteOnce(db: Db, note: NewPlanNote & { dedupe_key: string }): Promise<{ note: PlanNote; created: boolean }> {
  const inserted = await db
    .insertInto('plan_notes')
    .values(note)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { note: inserted, created: true };
  return { note: await db.selectFrom('plan_notes').selectAll().where('dedupe_key', '=', note.dedupe_key).executeTakeFirstOrThrow(), created: false };
}
