import type { Db } from '../../db/types';
import type { Team } from './admin.tables';

/** Every team, the active ones first, by French name. */
export async function findTeams(db: Db): Promise<Team[]> {
  return db.selectFrom('teams').selectAll().orderBy('active', 'desc').orderBy('name_fr').orderBy('code').execute();
}

export async function findTeamByCode(db: Db, code: string): Promise<Team | undefined> {
  return db.selectFrom('teams').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertTeam(db: Db, team: Omit<Team, 'active'>): Promise<void> {
  await db.insertInto('teams').values(team).execute();
}

export async function updateTeam(db: Db, code: string, fields: Partial<Omit<Team, 'code'>>): Promise<void> {
  await db.updateTable('teams').set(fields).where('code', '=', code).execute();
}
