import type { Db } from '../../db/types';
import type { CancellationReason } from '../appointments/appointment.tables';
import type { CatalogueEntry } from '../plans/plan.tables';

// The lists agents and clients choose from. Entries are retired (active = 0), never deleted: the
// appointments and plan actions that used one keep pointing at it, and so keep its label.

export async function findReasons(db: Db): Promise<CancellationReason[]> {
  return db.selectFrom('cancellation_reasons').selectAll().orderBy('active', 'desc').orderBy('sort_order').orderBy('code').execute();
}

export async function findReasonByCode(db: Db, code: string): Promise<CancellationReason | undefined> {
  return db.selectFrom('cancellation_reasons').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertReason(db: Db, reason: CancellationReason): Promise<void> {
  await db.insertInto('cancellation_reasons').values(reason).execute();
}

export async function updateReason(db: Db, code: string, fields: Partial<Omit<CancellationReason, 'code'>>): Promise<boolean> {
  const result = await db.updateTable('cancellation_reasons').set(fields).where('code', '=', code).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findCatalogue(db: Db): Promise<CatalogueEntry[]> {
  return db.selectFrom('action_catalogue').selectAll().orderBy('domain').orderBy('active', 'desc').orderBy('sort_order').orderBy('id').execute();
}

export async function findCatalogueEntryById(db: Db, id: number): Promise<CatalogueEntry | undefined> {
  return db.selectFrom('action_catalogue').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCatalogueEntry(db: Db, entry: Omit<CatalogueEntry, 'id'>): Promise<CatalogueEntry> {
  return db.insertInto('action_catalogue').values(entry).returningAll().executeTakeFirstOrThrow();
}

export async function updateCatalogueEntry(db: Db, id: number, fields: Partial<Omit<CatalogueEntry, 'id'>>): Promise<boolean> {
  const result = await db.updateTable('action_catalogue').set(fields).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
