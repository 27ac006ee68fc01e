/** The API's request counters: one row per bucket, counting the hits of its current fixed window. */
export interface RateLimitCounterTable {
  bucket: string;
  /** The window's start, in milliseconds since the epoch. */
  window_start: number;
  hits: number;
}

export interface RateLimitTables {
  rate_limit_counters: RateLimitCounterTable;
}

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends RateLimitTables {}
}
