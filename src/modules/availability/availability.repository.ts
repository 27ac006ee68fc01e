import type { Db } from '../../db/types';
import type { AgentAbsence, AgentWeeklyHours, NewAgentAbsence } from './availability.tables';

/** The agent's weekly hours, Monday first; empty when the agent kept the business hours. */
export async function findWeeklyHours(db: Db, agentId: number): Promise<AgentWeeklyHours[]> {
  return db.selectFrom('agent_weekly_hours').selectAll().where('agent_id', '=', agentId).orderBy('weekday').execute();
}

/** Replaces the agent's whole week at once (days off are absent rows). */
export async function replaceWeeklyHours(db: Db, agentId: number, days: ReadonlyArray<Omit<AgentWeeklyHours, 'agent_id'>>): Promise<void> {
  await db.deleteFrom('agent_weekly_hours').where('agent_id', '=', agentId).execute();
  if (days.length > 0)
    await db
      .insertInto('agent_weekly_hours')
      .values(days.map((d) => ({ ...d, agent_id: agentId })))
      .execute();
}

/** Absences that touch [fromDate, toDate] (Québec dates, both included), earliest first. */
export async function findAbsencesBetween(db: Db, agentId: number, fromDate: string, toDate: string): Promise<AgentAbsence[]> {
  return db.selectFrom('agent_absences').selectAll().where('agent_id', '=', agentId).where('ends_on', '>=', fromDate).where('starts_on', '<=', toDate).orderBy('starts_on').orderBy('id').execute();
}

/** Absences that have not ended by `fromDate`, earliest first (what the page lists). */
export async function findAbsencesFrom(db: Db, agentId: number, fromDate: string): Promise<AgentAbsence[]> {
  return db.selectFrom('agent_absences').selectAll().where('agent_id', '=', agentId).where('ends_on', '>=', fromDate).orderBy('starts_on').orderBy('id').execute();
}

export async function insertAbsence(db: Db, absence: NewAgentAbsence): Promise<AgentAbsence> {
  return db.insertInto('agent_absences').values(absence).returningAll().executeTakeFirstOrThrow();
}

/** Removes one absence of that agent; false when there was none (already removed, or another's). */
export async function deleteAbsence(db: Db, agentId: number, absenceId: number): Promise<AgentAbsence | undefined> {
  const row = await db.selectFrom('agent_absences').selectAll().where('id', '=', absenceId).where('agent_id', '=', agentId).executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('agent_absences').where('id', '=', absenceId).where('agent_id', '=', agentId).execute();
  return row;
}

/** The agent with that id (an active or past agent account), or undefined for anyone else. */
export async function findAgent(db: Db, agentId: number): Promise<{ id: number; display_name: string } | undefined> {
  return db.selectFrom('accounts').select(['id', 'display_name']).where('id', '=', agentId).where('role', '=', 'agent').executeTakeFirst();
}

/**
 * The teams of the agents (active or not), in order, with their names (the manager's reference
 * data; null for a code no team has) and whether their clients choose their new moment.
 */
export async function findTeamSettings(db: Db): Promise<Array<{ team: string; name_fr: string | null; name_en: string | null; clients_choose_moment: number }>> {
  const teams = await db
    .selectFrom('accounts')
    .leftJoin('teams', 'teams.code', 'accounts.team')
    .select(['accounts.team', 'teams.name_fr', 'teams.name_en'])
    .distinct()
    .where('accounts.role', '=', 'agent')
    .where('accounts.team', 'is not', null)
    .orderBy('accounts.team')
    .execute();
  const settings = await db.selectFrom('team_scheduling_settings').select(['team', 'clients_choose_moment']).execute();
  return teams.map(({ team, name_fr, name_en }) => ({ team: team as string, name_fr, name_en, clients_choose_moment: settings.find((s) => s.team === team)?.clients_choose_moment ?? 0 }));
}

/** Whether the clients of this team may choose their new moment (no row: no). */
export async function findClientsChooseMoment(db: Db, team: string | null): Promise<boolean> {
  if (team === null) return false;
  const row = await db.selectFrom('team_scheduling_settings').select('clients_choose_moment').where('team', '=', team).executeTakeFirst();
  return row?.clients_choose_moment === 1;
}

export async function saveTeamSetting(db: Db, setting: { team: string; clients_choose_moment: number; updated_at: string; updated_by: number }): Promise<void> {
  await db
    .insertInto('team_scheduling_settings')
    .values(setting)
    .onConflict((oc) => oc.column('team').doUpdateSet({ clients_choose_moment: setting.clients_choose_moment, updated_at: setting.updated_at, updated_by: setting.updated_by }))
    .execute();
}

/** The team of an agent (null when none). */
export async function findAgentTeam(db: Db, agentId: number): Promise<string | null> {
  const row = await db.selectFrom('accounts').select('team').where('id', '=', agentId).executeTakeFirst();
  return row?.team ?? null;
}
