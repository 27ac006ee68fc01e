import type { Db } from '../../db/types';
import type { NewPartner, Partner, ReferralStatus } from './referral.tables';

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

/** Referrals counted by partner and status (the manager's « Tableau de bord »), by the database. */
export async function countReferralsByPartner(db: Db): Promise<Array<{ partnerId: number; status: ReferralStatus; count: number }>> {
  const rows = await db
    .selectFrom('referrals')
    .select((eb) => ['partner_id', 'status', eb.fn.countAll<number | string>().as('count')])
    .groupBy(['partner_id', 'status'])
    .execute();
  return rows.map((row) => ({ partnerId: row.partner_id, status: row.status, count: Number(row.count) }));
}
