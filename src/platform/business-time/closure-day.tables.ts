import type { Generated, Insertable, Selectable } from 'kysely';

/** Days the manager closes the service; 'YYYY-MM-DD' in Québec time. */
export interface ClosureDayTable {
  date: string;
  label_fr: string;
  label_en: string;
  /** 0 once the manager retired it: it no longer closes the service. */
  active: Generated<number>;
}

/** Tables of the business calendar. */
export interface BusinessTimeTables {
  closure_days: ClosureDayTable;
}

export type ClosureDay = Selectable<ClosureDayTable>;
export type NewClosureDay = Insertable<ClosureDayTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends BusinessTimeTables {}
}
