import type { Db } from '../../db/types';
import type { ClosureDay, NewClosureDay } from './closure-day.tables';

// Closure days are retired (active = 0), never deleted: the manager's list keeps them.

/** Closure days in force, by date: what the business calendar skips. */
export async function findClosureDays(db: Db): Promise<ClosureDay[]> {
  return db.selectFrom('closure_days').selectAll().where('active', '=', 1).orderBy('date').execute();
}

/** Closure days, in force first, then by date. */
export async function findAllClosureDays(db: Db): Promise<ClosureDay[]> {
  return db.selectFrom('closure_days').selectAll().orderBy('active', 'desc').orderBy('date').execute();
}

export async function findClosureDay(db: Db, date: string): Promise<ClosureDay | undefined> {
  return db.selectFrom('closure_days').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function insertClosureDays(db: Db, days: NewClosureDay[]): Promise<void> {
  if (days.length === 0) return;
  await db
    .insertInto('closure_days')
    .values(days)
    .onConflict((oc) => oc.column('date').doNothing())
    .execute();
}

/** Adds a closure day, or brings a retired one back with the new labels. */
export async function upsertClosureDay(db: Db, day: { date: string; label_fr: string; label_en: string }): Promise<void> {
  await db
    .insertInto('closure_days')
    .values({ ...day, active: 1 })
    .onConflict((oc) => oc.column('date').doUpdateSet({ label_fr: day.label_fr, label_en: day.label_en, active: 1 }))
    .execute();
}

export async function updateClosureDay(db: Db, date: string, fields: Partial<Omit<ClosureDay, 'date'>>): Promise<boolean> {
  const result = await db.updateTable('closure_days').set(fields).where('date', '=', date).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
