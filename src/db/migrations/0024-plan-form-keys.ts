import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
// « Ajouter une note » and « Ajouter une action » carry the key of the form that was shown, as a
// message does (0002, 0015): the same form sent twice (a double click, a retry after a timeout,
// two tabs) writes one row. The key is null for rows written before, and by callers that send no
// form; a unique index allows any number of nulls on both SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['plan_notes', 'plan_actions']) {
    await db.schema.alterTable(table).addColumn('dedupe_key', 'text').execute();
    await db.schema.createIndex(`${table}_dedupe_key_idx`).unique().on(table).column('dedupe_key').execute();
  }
}
