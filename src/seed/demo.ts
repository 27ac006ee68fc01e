import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { inTransaction } from '../db/transaction';
import type { Clock } from '../platform/clock';
import { countAccounts } from '../modules/accounts/account.repository';
import { seedAppointments } from '../modules/appointments/appointment.seed';
import { seedPlans } from '../modules/plans/plan.seed';
import { seedRequests } from '../modules/requests/request.seed';
import { seedPartners } from '../modules/referrals/referral.seed';
import { seedTeams } from '../modules/admin/team.seed';
import { DEMO_TEAM, type DemoAccounts } from '../db/seed/demo-accounts';
import { createAccount } from './factories';

/**
 * The demo data of the README's « Demo accounts », deterministic (times are relative to the clock), built in
 * one transaction with the same factories as the tests.
 */
export async function seedDemo(db: Kysely<Database>, clock: Clock): Promise<DemoAccounts> {
  return inTransaction(db, async (trx) => {
    const at = clock().toISOString();
    await seedTeams(trx);
    const staff = { at, locale: 'fr' as const };
    const marie = await createAccount(trx, {
      ...staff,
      email: 'marie.tremblay@example.com',
      role: 'agent',
      display_name: 'Marie Tremblay',
      phone: '514 864-9191, poste 1234',
      team: DEMO_TEAM,
      // The languages « Réassigner » matches against the clients' (Luc is the one who speaks Spanish, as Sam does).
      languages: 'fr,en',
      grammatical_gender: 'feminine',
      video_room: 'https://rencontre.example.org/aq/marie-tremblay',
    });
    const luc = await createAccount(trx, {
      ...staff,
      email: 'luc.gagnon@example.com',
      role: 'agent',
      display_name: 'Luc Gagnon',
      phone: '418 643-1435, poste 2345',
      team: DEMO_TEAM,
      languages: 'fr,es',
      grammatical_gender: 'masculine',
      video_room: 'https://rencontre.example.org/aq/luc-gagnon',
    });
    const admin = await createAccount(trx, { ...staff, email: 'admin@example.com', role: 'admin', display_name: 'Gestionnaire Accompagnement' });
    const john = await createAccount(trx, { ...staff, email: 'john.doe@example.com', display_name: 'John Doe', agent_id: marie.id, phone: '514 555-0101', time_zone: 'America/Toronto' });
    const jane = await createAccount(trx, { ...staff, email: 'jane.roe@example.com', display_name: 'Jane Roe', agent_id: marie.id, time_zone: 'Europe/Paris' });
    const sam = await createAccount(trx, { ...staff, email: 'sam.nouveau@example.com', display_name: 'Sam Nouveau', team: DEMO_TEAM, phone: '438 555-0177' });
    const ana = await createAccount(trx, { ...staff, email: 'ana.silva@example.com', display_name: 'Ana Silva', agent_id: marie.id, team: DEMO_TEAM, phone: '514 555-0123', locale: 'fr' });
    const amina = await createAccount(trx, { ...staff, email: 'amina.diallo@example.com', display_name: 'Amina Diallo', agent_id: luc.id });
    const carlos = await createAccount(trx, { ...staff, email: 'carlos.perez@example.com', display_name: 'Carlos Pérez', agent_id: luc.id });
    const accounts: DemoAccounts = { john, jane, sam, ana, marie, luc, admin, amina, carlos };
    await seedAppointments(trx, accounts, clock);
    await seedPlans(trx, accounts, clock);
    await seedRequests(trx, accounts, clock);
    await seedPartners(trx, clock);
    return accounts;
  });
}

/** Seeds only an empty database, so a restart never duplicates or overwrites anything. */
export async function seedDemoIfEmpty(db: Kysely<Database>, clock: Clock): Promise<boolean> {
  if ((await countAccounts(db)) > 0) return false;
  await seedDemo(db, clock);
  return true;
}
