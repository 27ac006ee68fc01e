import type { Db } from '../../db/types';
import type { NewPartner, Partner } from './referral.tables';

export function findPartners(db: Db, options: { activeOnly: boolean }): Promise<Partner[]> {
  let query = db.selectFrom('partners').selectAll().orderBy('name');
  if (options.activeOnly) query = query.where('active', '=', 1);
  return query.execute();
}

export function findPartner(db: Db, id: number): Promise<Partner | undefined> {
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPartner(db: Db, partner: NewPartner): Promise<Partner> {
  return db.insertInto('partners').values(partner).returningAll().executeTakeFirstOrThrow();
}

export async function updatePartner(db: Db, id: number, change: Partial<Omit<NewPartner, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('partners').set(change).where('id', '=', id).execute();
}
