import type { Kysely } from 'kysely';
import { bumpPageVersionsOn } from './schema-helpers';

/** A code as the name the manager will read until they rename it: `montreal-centre` → « Montreal Centre ». */
const nameOf = (code: string) =>
  code
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ') || code;

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Teams become reference data the manager keeps (« Données de référence »): a name in each
  // language and a region. Agents and requests keep pointing at a team by its code (accounts.team,
  // intake_requests.team, team_scheduling_settings.team), so no query that scopes by team changes;
  // the services refuse a code that is not a team's. Teams are retired, never deleted: a request
  // sent to a team keeps its name.
  await db.schema
    .createTable('teams')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Every code in use becomes a team, named after its code (no region: the manager chooses it).
  const codes = new Set<string>();
  for (const [table, where] of [
    ['accounts', 'team'],
    ['intake_requests', 'team'],
    ['team_scheduling_settings', 'team'],
  ] as const) {
    const rows = await db.selectFrom(table).select(where).distinct().where(where, 'is not', null).execute();
    for (const row of rows) if (String(row[where]).trim()) codes.add(String(row[where]));
  }
  for (const code of [...codes].sort()) {
    await db
      .insertInto('teams')
      .values({ code, name_fr: nameOf(code), name_en: nameOf(code), region: null, active: 1 })
      .execute();
  }
  // Team names are shared reference data (account 0's pages), like the other lists (0013).
  await bumpPageVersionsOn(db, 'teams', () => 'account_id in (0)');
}
