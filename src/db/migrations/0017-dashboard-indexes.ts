import { type Kysely, sql } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
// The manager's « Tableau de bord » counts a period in the database (docs/performance.md: a quarter within
// 200 ms at 100,000 clients): requests by submission with their promise and first proposal read
// from the index alone, appointments recorded « Absent », plans by publication. And the open work
// of everyone it sums up: past appointments still planned (awaiting their outcome) and attended
// needs assessments, and the agents among the accounts. Partial indexes, used only by queries that name the same literal status, so
// that no client's page is drawn to them (a plain status index once made « Rendez-vous » scan).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('intake_requests_promise_idx').on('intake_requests').columns(['submitted_at', 'due_at', 'first_proposed_at']).execute();
  await sql`create index appointments_absent_idx on appointments (starts_at) where status = 'absent'`.execute(db);
  await db.schema.createIndex('plans_published_idx').on('plans').column('published_at').execute();
  await sql`create index appointments_planned_end_idx on appointments (ends_at) where status = 'planifie'`.execute(db);
  await sql`create index accounts_agents_idx on accounts (display_name) where role = 'agent'`.execute(db);
  await sql`create index appointments_assessment_held_idx on appointments (client_id) where kind = 'evaluation' and status = 'termine'`.execute(db);
}
