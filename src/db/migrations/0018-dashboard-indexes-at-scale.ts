import { type Kysely, sql } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
// The manager's « Tableau de bord » at 100,000 clients, second pass (docs/performance.md), from
// scripts/explain-queries.ts on both databases:
// - past appointments awaiting their outcome are counted per agent (20,000 when outcomes fall
//   behind): with the client in the index, the count reads the index alone (76 → 17 ms, SQLite);
// - attended assessments carry what the queue shows of them, so PostgreSQL reads the index alone
//   before setting published plans aside, instead of 100,000 rows of the table (155 ms); plans
//   not published yet are few, and held apart (« is there no plan, or one in the making » reads
//   indexes only: 62 → 28 ms on SQLite);
// - the late first proposals and the requests without a recorded promise are few: partial
//   indexes hold just those, instead of every request of the quarter being read.
// Partial conditions are repeated literally by the queries, so that both databases use them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('appointments_planned_end_idx').execute();
  await sql`create index appointments_planned_end_idx on appointments (ends_at, client_id) where status = 'planifie'`.execute(db);
  await db.schema.dropIndex('appointments_assessment_held_idx').execute();
  await sql`create index appointments_assessment_held_idx on appointments (client_id, ends_at, id, outcome_recorded_at) where kind = 'evaluation' and status = 'termine'`.execute(db);
  await sql`create index plans_unpublished_idx on plans (client_id) where status <> 'publie'`.execute(db);
  await sql`create index intake_requests_late_idx on intake_requests (due_at) where first_proposed_at is null or first_proposed_at > due_at`.execute(db);
  await sql`create index intake_requests_unpromised_idx on intake_requests (submitted_at) where due_at is null`.execute(db);
}
