import type { DemoAccounts } from '../../db/seed/demo';
import type { Db } from '../../db/types';
import type { Clock } from '../../platform/clock';

/** This module's part of the demo data; filled by the issue that builds the module. */
export async function seedPlans(_db: Db, _accounts: DemoAccounts, _clock: Clock): Promise<void> {}
