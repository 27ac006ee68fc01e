import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locale';
import { REGIONS } from '../requests/request-draft.schema';
import type { ReferenceFieldCode } from './admin.errors';
import { assertManager } from './admin.policy';
import type { Team } from './admin.tables';
import { findTeamByCode, findTeams, insertTeam, updateTeam } from './team.repository';

export type { Team };

/** Québec's administrative regions: a team serves one (the request form's list). */
export const TEAM_REGIONS = REGIONS;
export const TEAM_NAME_MAX = 120;

/** A team's name in the reader's language; a code no team has (older data) reads as itself. */
export function teamName(teams: readonly Team[], code: string | null, locale: Locale): string | null {
  if (code === null) return null;
  const team = teams.find((candidate) => candidate.code === code);
  if (!team) return code;
  return locale === 'en' ? team.name_en : team.name_fr;
}

/** Every team (retired ones last): for the forms' lists and for showing names. No one's data: any staff page may read it. */
export function allTeams(db: Db): Promise<Team[]> {
  return findTeams(db);
}

/** « Données de référence » › « Équipes ». */
export function listTeams(db: Db, actor: Actor): Promise<Team[]> {
  assertManager(actor);
  return findTeams(db);
}

export async function getTeam(db: Db, actor: Actor, code: string): Promise<Team> {
  assertManager(actor);
  const team = await findTeamByCode(db, code);
  if (!team) throw new NotFoundError('TEAM.NOT_FOUND');
  return team;
}

/**
 * Whether a code chosen in a form is a team one may join now: an active team, or the team the
 * person already has (a retired team is kept by whoever is still in it, never given anew).
 */
export async function isTeamChoosable(db: Db, code: string, current: string | null): Promise<boolean> {
  const team = await findTeamByCode(db, code);
  return team !== undefined && (team.active === 1 || team.code === current);
}

export interface TeamInput {
  labelFr: string;
  labelEn: string;
  region: string;
}

export type TeamSaveResult<T = undefined> = { ok: true; value: T } | { ok: false; code: 'INVALID'; codes: ReferenceFieldCode[] };

function checkTeam(input: TeamInput): TeamSaveResult<{ name_fr: string; name_en: string; region: string }> {
  const errors: ReferenceFieldCode[] = [];
  const name_fr = input.labelFr.trim().replace(/\s+/g, ' ');
  const name_en = input.labelEn.trim().replace(/\s+/g, ' ');
  if (!name_fr) errors.push('LABEL_FR_REQUIRED');
  else if (name_fr.length > TEAM_NAME_MAX) errors.push('LABEL_FR_TOO_LONG');
  if (!name_en) errors.push('LABEL_EN_REQUIRED');
  else if (name_en.length > TEAM_NAME_MAX) errors.push('LABEL_EN_TOO_LONG');
  const region = input.region.trim();
  if (!region) errors.push('REGION_REQUIRED');
  else if (!(TEAM_REGIONS as readonly string[]).includes(region)) errors.push('REGION_INVALID');
  if (errors.length) return { ok: false, code: 'INVALID', codes: errors };
  return { ok: true, value: { name_fr, name_en, region } };
}

/** A stable code from the French name (« Montréal Centre » → `montreal-centre`), unique among the teams. */
function codeFrom(nameFr: string, taken: Set<string>): string {
  const base =
    nameFr
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'equipe';
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' }) === 0;

/** « Ajouter une équipe »: its names and region; its code is made once from the French name and never changes. */
export async function addTeam(db: Db, actor: Actor, input: TeamInput, clock: Clock): Promise<TeamSaveResult<string>> {
  assertManager(actor);
  const checked = checkTeam(input);
  if (!checked.ok) return checked;
  const { name_fr, name_en, region } = checked.value;
  return inTransaction(db, async (trx) => {
    const teams = await findTeams(trx);
    if (teams.some((team) => sameName(team.name_fr, name_fr))) return { ok: false, code: 'INVALID', codes: ['LABEL_FR_DUPLICATE'] };
    // « nouvelle » is the address of the form that adds a team: never a team's code.
    const code = codeFrom(name_fr, new Set(['nouvelle', ...teams.map((team) => team.code)]));
    await insertTeam(trx, { code, name_fr, name_en, region });
    await recordAudit(trx, {
      at: clock().toISOString(),
      actorId: actor.id,
      action: 'reference.team.added',
      subjectType: 'team',
      subjectId: code,
      ip: actor.ip ?? null,
      details: { labelFr: name_fr, labelEn: name_en, region },
    });
    return { ok: true, value: code };
  });
}

/** Renames a team or moves it to another region: its agents and requests follow (they name it by its code). */
export async function editTeam(db: Db, actor: Actor, code: string, input: TeamInput, clock: Clock): Promise<TeamSaveResult> {
  const before = await getTeam(db, actor, code);
  const checked = checkTeam(input);
  if (!checked.ok) return checked;
  const { name_fr, name_en, region } = checked.value;
  return inTransaction(db, async (trx) => {
    const teams = await findTeams(trx);
    if (teams.some((team) => team.code !== code && sameName(team.name_fr, name_fr))) return { ok: false, code: 'INVALID', codes: ['LABEL_FR_DUPLICATE'] };
    await updateTeam(trx, code, { name_fr, name_en, region });
    await recordAudit(trx, {
      at: clock().toISOString(),
      actorId: actor.id,
      action: 'reference.team.edited',
      subjectType: 'team',
      subjectId: code,
      ip: actor.ip ?? null,
      details: { before: { labelFr: before.name_fr, labelEn: before.name_en, region: before.region }, after: { labelFr: name_fr, labelEn: name_en, region } },
    });
    return { ok: true, value: undefined };
  });
}

/** Retires (or brings back) a team: it is no longer offered to new members; those in it keep it. */
export async function setTeamActive(db: Db, actor: Actor, code: string, active: boolean, clock: Clock): Promise<void> {
  await getTeam(db, actor, code);
  await inTransaction(db, async (trx) => {
    await updateTeam(trx, code, { active: active ? 1 : 0 });
    await recordAudit(trx, {
      at: clock().toISOString(),
      actorId: actor.id,
      action: active ? 'reference.team.restored' : 'reference.team.retired',
      subjectType: 'team',
      subjectId: code,
      ip: actor.ip ?? null,
      details: {},
    });
  });
}
