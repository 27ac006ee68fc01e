import type { Kysely } from 'kysely';
import { bumpPageVersionsOn, checkIn, withId } from './schema-helpers';

const REFERRAL_STATUSES = ['attente_consentement', 'consentement_refuse', 'envoyee', 'acceptee', 'refusee', 'terminee', 'retiree'];

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // « Organismes partenaires »: kept by the manager in « Données de référence ». Lists (regions,
  // domains, languages) are stored as JSON arrays of codes: read whole, never queried inside.
  await withId(db, db.schema.createTable('partners'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('domains', 'text', (c) => c.notNull())
    .addColumn('services_fr', 'text', (c) => c.notNull())
    .addColumn('services_en', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // « Orienter vers un organisme »: what is shared (`fields`, a JSON array of field codes), why
  // (`purpose`), with whose consent and how; the partner's link is stored as a hash only.
  await withId(db, db.schema.createTable('referrals'))
    .addColumn('client_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('partner_id', 'integer', (c) => c.notNull().references('partners.id'))
    .addColumn('action_id', 'integer', (c) => c.references('plan_actions.id').onDelete('set null'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('partner_note', 'text', (c) => c.notNull().defaultTo(''))
    // What was disclosed, value by value, written once when it is sent (after consent): the
    // partner's page shows this and nothing else, and the client's export lists it.
    .addColumn('disclosed', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', REFERRAL_STATUSES)))
    .addColumn('consent_at', 'text')
    .addColumn('consent_how', 'text', (c) => c.check(checkIn('consent_how', ['portail', 'verbal'])))
    .addColumn('consent_note', 'text')
    .addColumn('consent_recorded_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('withdrawn_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('result', 'text', (c) => c.check(checkIn('result', ['service_rendu', 'service_non_rendu'])))
    .addColumn('result_on', 'text')
    .addColumn('result_note', 'text')
    .addColumn('result_read_at', 'text')
    .addColumn('link_hash', 'text')
    .addColumn('link_expires_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referrals_client_idx').on('referrals').columns(['client_id', 'created_at']).execute();
  await db.schema.createIndex('referrals_agent_idx').on('referrals').columns(['agent_id', 'status']).execute();
  await db.schema.createIndex('referrals_link_idx').on('referrals').column('link_hash').unique().execute();

  // A referral shows on the client's pages and their agent's; a partner on every page that lists partners.
  const sources: Array<{ table: string; touches: (row: string) => string }> = [
    { table: 'referrals', touches: (r) => `account_id in (${r}.client_id, ${r}.agent_id)` },
    { table: 'partners', touches: () => 'account_id = 0' },
  ];
  for (const { table, touches } of sources) await bumpPageVersionsOn(db, table, touches);
}
