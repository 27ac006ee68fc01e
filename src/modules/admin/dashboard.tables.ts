import type { Generated } from 'kysely';

/**
 * The manager's figures kept as the rows change (migration 0028, ADR 0015): per UTC hour
 * ('YYYY-MM-DDTHH', so Québec's weeks, which start at a whole UTC hour, are sums of them) and agent
 * (0: nobody), moved by triggers in the transaction of each change.
 */
export interface DashboardCountTable {
  hour: string;
  agent_id: number;
  /** Requests submitted that carry their promised moment (`due_at`), by their agent (`taken_by`). */
  requests: number;
  /** Of those, first appointment proposed by the promised moment, or after it. */
  first_on_time: number;
  first_late: number;
  /** Re-proposal tasks opened, and done by their due time or after it. */
  reproposals: number;
  reproposals_on_time: number;
  reproposals_late: number;
  /** Appointments recorded « Absent », by when they were to start. */
  no_shows: number;
  /** Plans published, by when. */
  plans_published: number;
}

/**
 * Per client, kept by triggers as rows change (migration 0028): attended needs assessments, plans
 * and published plans; a client with an assessment and no plan, or a plan still in the making, is
 * owed a plan (the open work « Plan à publier »).
 */
export interface ClientPlanCountTable {
  client_id: number;
  assessments: number;
  plans: number;
  published: number;
  /** 1 when owed a plan (generated from the three above). */
  owed: Generated<number>;
}

export interface DashboardTables {
  dashboard_counts: DashboardCountTable;
  client_plan_counts: ClientPlanCountTable;
}

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends DashboardTables {}
}
