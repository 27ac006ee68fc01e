import { type Kysely, sql } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
// « Mes clients » for a manager is every client, by name, 25 at a time: without an index in that
// order the database read all 100,000 client rows and sorted them for each page (155 ms on SQLite,
// EXPLAIN by scripts/explain-queries.ts). Partial on role = 'client', the literal the list's query
// names, so it serves the clients' list and nothing else; an agent's caseload keeps
// accounts_agent_name_idx (agent_id, display_name, id).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index accounts_clients_name_idx on accounts (display_name, id) where role = 'client'`.execute(db);
}
