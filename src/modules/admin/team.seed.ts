import { DEMO_TEAM } from '../../db/seed/demo-accounts';
import type { Db } from '../../db/types';
import { insertTeam } from './team.repository';

/** The demo's teams: Marie's and Luc's, and a second one with nobody in it yet (the list is a list). */
export async function seedTeams(db: Db): Promise<void> {
  await insertTeam(db, { code: DEMO_TEAM, name_fr: 'Montréal Centre', name_en: 'Montréal Centre', region: 'Montréal' });
  await insertTeam(db, { code: 'capitale-nationale', name_fr: 'Québec – Capitale-Nationale', name_en: 'Québec City – Capitale-Nationale', region: 'Capitale-Nationale' });
}
