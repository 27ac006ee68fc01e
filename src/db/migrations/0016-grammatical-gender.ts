import type { Kysely } from 'kysely';
import { checkIn } from './schema-helpers';

// Frozen once landed: a change to the schema is a new migration.
// How French agrees words about the person (« connectée » for an agente): 'feminine', 'masculine',
// or null when not given (the wording then avoids agreeing). Accounts already move their pages'
// versions on update (0013), so no trigger is needed here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('grammatical_gender', 'text', (c) => c.check(checkIn('grammatical_gender', ['feminine', 'masculine'])))
    .execute();
}
