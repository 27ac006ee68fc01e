/** Tables of the individualized action plan (PAI). */
export interface PlanTables {}
