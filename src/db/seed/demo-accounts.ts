import type { Account } from '../database';

// Apart from src/seed/demo.ts (which stands above the modules) so that each module's seed can name the accounts without importing the seed
// that calls it (which would make an import circle).
/** Marie's and Luc's team: Sam's unassigned request appears in both their queues. */
export const DEMO_TEAM = 'montreal-centre';

export interface DemoAccounts {
  john: Account;
  jane: Account;
  sam: Account;
  marie: Account;
  luc: Account;
  admin: Account;
  /** Marie's client whose needs assessment was held the previous business day, outcome not recorded, no plan. */
  ana: Account;
  /** Luc Gagnon's clients, never reachable by Marie or her clients. */
  amina: Account;
  carlos: Account;
}
