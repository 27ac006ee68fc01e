import type { Db } from '../../db/types';
import type { DomainCode } from './domains';
import type { CatalogueEntry, NewPlan, Plan, PlanAction } from './plan.tables';

/**
 * Writes of the agents' plan editing. Reads that decide who reaches what stay in
 * plan.repository.ts (findPlanOfClient, findAction…, with the actor's scope); these functions
 * take ids the service has already checked within that scope.
 */

/** Inserts the client's plan unless they already have one (plans.client_id is unique): undefined then. */
export async function insertPlanOnce(db: Db, plan: NewPlan): Promise<Plan | undefined> {
  return db
    .insertInto('plans')
    .values(plan)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Marks the plan as changed now. Every editing transaction starts with it: the UPDATE takes the
 * plan's row lock (PostgreSQL) or the write lock (SQLite) first, so two edits of one plan (two
 * moves, a publish and a removal) run one after the other, never side by side.
 */
export async function touchPlan(db: Db, planId: number, at: string): Promise<void> {
  await db.updateTable('plans').set({ updated_at: at }).where('id', '=', planId).execute();
}

/** Publishes a draft; false when it was not a draft any more (published meanwhile). */
export async function publishPlanIfDraft(db: Db, planId: number, by: number, at: string): Promise<boolean> {
  const result = await db.updateTable('plans').set({ status: 'publie', published_at: at, published_by: by, updated_at: at }).where('id', '=', planId).where('status', '=', 'brouillon').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countActionsOfPlan(db: Db, planId: number): Promise<number> {
  const row = await db
    .selectFrom('plan_actions')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The position after the last action of a domain in a plan (1 for an empty domain). */
export async function nextPositionInDomain(db: Db, planId: number, domain: DomainCode): Promise<number> {
  const row = await db
    .selectFrom('plan_actions')
    .select((eb) => eb.fn.max<number | null>('position').as('last'))
    .where('plan_id', '=', planId)
    .where('domain', '=', domain)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** The actions of one domain of a plan, in the order the client sees them. */
export async function findActionsInDomain(db: Db, planId: number, domain: DomainCode): Promise<PlanAction[]> {
  return db.selectFrom('plan_actions').selectAll().where('plan_id', '=', planId).where('domain', '=', domain).orderBy('position').orderBy('id').execute();
}

export async function setActionPosition(db: Db, actionId: number, position: number): Promise<void> {
  await db.updateTable('plan_actions').set({ position }).where('id', '=', actionId).execute();
}

/** What the agent changes of an action (the client's status and « Date de fin » stay theirs). */
export interface ActionContent {
  domain: DomainCode;
  title: string;
  description: string;
  useful_info: string;
  due_on: string | null;
  lang: 'fr' | 'en';
  position: number;
}

/** Changes an action only if nobody changed it since `expectedVersion` was read. */
export async function updateActionContentIfVersion(db: Db, actionId: number, expectedVersion: number, content: ActionContent, at: string): Promise<boolean> {
  const result = await db
    .updateTable('plan_actions')
    .set((eb) => ({ ...content, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', actionId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes an action at the version the agent confirmed; its notes (and their history) go with it. */
export async function deleteActionIfVersion(db: Db, actionId: number, expectedVersion: number): Promise<boolean> {
  await db
    .deleteFrom('plan_notes')
    .where('action_id', '=', actionId)
    .where((eb) => eb.exists(eb.selectFrom('plan_actions').select('id').where('id', '=', actionId).where('version', '=', expectedVersion)))
    .execute();
  const result = await db.deleteFrom('plan_actions').where('id', '=', actionId).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Active catalogue entries, by domain then the manager's order. */
export async function findActiveCatalogue(db: Db): Promise<CatalogueEntry[]> {
  return db.selectFrom('action_catalogue').selectAll().where('active', '=', 1).orderBy('domain').orderBy('sort_order').orderBy('id').execute();
}

export async function findCatalogueEntry(db: Db, id: number): Promise<CatalogueEntry | undefined> {
  return db.selectFrom('action_catalogue').selectAll().where('id', '=', id).executeTakeFirst();
}
