import { DateTime } from 'luxon';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import { quebecDate } from '../../platform/business-time/quebec-time';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { AbsenceCode, HoursCode } from './availability.errors';
import { availabilityAgentOf, mayManageTeamSettings } from './availability.policy';
import {
  deleteAbsence,
  findAbsencesBetween,
  findAbsencesFrom,
  findAgent,
  findAgentTeam,
  findClientsChooseMoment,
  findTeamSettings,
  findWeeklyHours,
  insertAbsence,
  replaceWeeklyHours,
  saveTeamSetting,
} from './availability.repository';
import type { AbsenceKind, AgentAbsence } from './availability.tables';
import { type AgentSchedule, type DayHours, hoursOn } from './free-slots.service';

/** An absence as other modules see it (the agenda, the free-slot search). */
export interface Absence {
  id: number;
  kind: AbsenceKind;
  label: string | null;
  /** Québec dates 'YYYY-MM-DD', both included. */
  startsOn: string;
  endsOn: string;
}

/** The agent's absences that touch [fromDate, toDate] (Québec dates 'YYYY-MM-DD', both included). */
export async function absencesBetween(db: Db, agentId: number, fromDate: string, toDate: string): Promise<Absence[]> {
  const rows = await findAbsencesBetween(db, agentId, fromDate, toDate);
  return rows.map((r) => ({ id: r.id, kind: r.kind, label: r.label, startsOn: r.starts_on, endsOn: r.ends_on }));
}

/**
 * What the slot search and a proposal check a moment against, for one agent between two Québec
 * dates: the business calendar, the service's hours, the agent's week and absences.
 */
export async function agentSchedule(db: Db, agentId: number, fromDate: string, toDate: string, hours: { businessDayStartHour: number; businessDayEndHour: number }): Promise<AgentSchedule> {
  // One after the other: inside a transaction they share one connection.
  const calendar = await loadBusinessCalendar(db, hours);
  const week = await findWeeklyHours(db, agentId);
  const absences = await absencesBetween(db, agentId, fromDate, toDate);
  return {
    calendar,
    businessHours: { startHour: hours.businessDayStartHour, endHour: hours.businessDayEndHour },
    weeklyHours: week.map((d) => ({ weekday: d.weekday, startMinute: d.start_minute, endMinute: d.end_minute })),
    absences,
  };
}

// ---- « Mes disponibilités » ------------------------------------------------------------------

/** The weekdays the page offers: the service is closed on weekends, whatever an agent sets. */
export const WORKDAYS = [1, 2, 3, 4, 5] as const;
export const LABEL_MAX = 100;
/** The longest absence, in days: a longer leave is a matter for the manager, not this page. */
export const ABSENCE_MAX_DAYS = 366;
const ABSENCE_KINDS: readonly AbsenceKind[] = ['vacances', 'formation', 'autre'];

export interface AvailabilityDeps {
  clock: Clock;
  businessDayStartHour: number;
  businessDayEndHour: number;
}

export interface AvailabilityPage {
  agent: { id: number; name: string };
  /** Monday to Friday: the hours, or null for a day off. */
  week: Array<{ weekday: number; hours: { startMinute: number; endMinute: number } | null }>;
  /** True while the agent keeps the service's business hours (no week of their own). */
  isBusinessHours: boolean;
  /** Absences that have not ended, earliest first. */
  absences: Absence[];
}

/** The agent the actor may manage, with their name; another's (or no agent) is not found. */
async function agentInReach(db: Db, actor: Actor, agentId?: number): Promise<{ id: number; name: string }> {
  const id = availabilityAgentOf(actor, agentId);
  const agent = id === null ? undefined : await findAgent(db, id);
  if (!agent) throw new NotFoundError('AVAILABILITY.NOT_FOUND');
  return { id: agent.id, name: agent.display_name };
}

/** « Mes disponibilités » of an agent (their own; a manager's choice of agent). */
export async function availabilityPage(db: Db, actor: Actor, agentId: number | undefined, deps: AvailabilityDeps): Promise<AvailabilityPage> {
  const agent = await agentInReach(db, actor, agentId);
  const rows = await findWeeklyHours(db, agent.id);
  const schedule = {
    businessHours: { startHour: deps.businessDayStartHour, endHour: deps.businessDayEndHour },
    weeklyHours: rows.map((r) => ({ weekday: r.weekday, startMinute: r.start_minute, endMinute: r.end_minute })),
  };
  const week = WORKDAYS.map((weekday) => ({ weekday, hours: hoursOn(schedule, mondayPlus(weekday)) }));
  const absences = (await findAbsencesFrom(db, agent.id, quebecDate(deps.clock()))).map(toAbsence);
  return { agent, week, isBusinessHours: rows.length === 0, absences };
}

/** A date whose ISO weekday is `weekday`, 1 to 5 (Monday 7 December 2026 on): any week will do for hoursOn. */
const mondayPlus = (weekday: number) => `2026-12-${String(6 + weekday).padStart(2, '0')}`;

const toAbsence = (r: AgentAbsence): Absence => ({ id: r.id, kind: r.kind, label: r.label, startsOn: r.starts_on, endsOn: r.ends_on });

/** One weekday as the form sends it: working or not, and 'HH:MM' times. */
export interface DayInput {
  weekday: number;
  isWorking: boolean;
  start: string;
  end: string;
}

export type HoursResult = { ok: true } | { ok: false; code: HoursCode; weekdays: number[] };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (time: string): number | null => {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/**
 * Saves the agent's week (Monday to Friday; a day not worked is off). A week equal to the
 * business hours is stored as none, so that it follows the service's hours if they change.
 */
export async function saveWeeklyHours(db: Db, actor: Actor, input: { agentId?: number; days: DayInput[] }, deps: AvailabilityDeps): Promise<HoursResult> {
  const agent = await agentInReach(db, actor, input.agentId);
  const week: DayHours[] = [];
  const faults = new Map<HoursCode, number[]>();
  const fault = (code: HoursCode, weekday: number) => faults.set(code, [...(faults.get(code) ?? []), weekday]);
  for (const weekday of WORKDAYS) {
    const day = input.days.find((d) => d.weekday === weekday);
    if (!day?.isWorking) continue;
    const start = minutesOf(day.start);
    const end = minutesOf(day.end);
    if (start === null || end === null) fault('HOURS_INVALID', weekday);
    else if (start >= end) fault('HOURS_ORDER', weekday);
    else if (end - start < 30) fault('HOURS_TOO_SHORT', weekday);
    else week.push({ weekday, startMinute: start, endMinute: end });
  }
  const [first] = faults;
  if (first) return { ok: false, code: first[0], weekdays: first[1] };
  const isBusiness = week.length === WORKDAYS.length && week.every((d) => d.startMinute === deps.businessDayStartHour * 60 && d.endMinute === deps.businessDayEndHour * 60);
  return inTransaction(db, async (trx) => {
    const before = (await findWeeklyHours(trx, agent.id)).map((r) => ({ weekday: r.weekday, startMinute: r.start_minute, endMinute: r.end_minute }));
    const after = isBusiness ? [] : week;
    await replaceWeeklyHours(
      trx,
      agent.id,
      after.map((d) => ({ weekday: d.weekday, start_minute: d.startMinute, end_minute: d.endMinute })),
    );
    await recordAudit(trx, {
      at: deps.clock().toISOString(),
      actorId: actor.id,
      action: 'availability.hours_changed',
      subjectType: 'account',
      subjectId: agent.id,
      ip: actor.ip ?? null,
      details: { before: { week: before }, after: { week: after } },
    });
    return { ok: true };
  });
}

export interface AbsenceInput {
  kind: string;
  label: string;
  startsOn: string;
  endsOn: string;
}

export type AbsenceResult = { ok: true; absence: Absence } | { ok: false; code: 'INVALID'; codes: AbsenceCode[] };

const isIsoDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date, { zone: 'utc' }).isValid;

/** Adds an absence (« Vacances », « Formation », « Autre » with its label), whole days, not in the past. */
export async function addAbsence(db: Db, actor: Actor, input: AbsenceInput & { agentId?: number }, deps: AvailabilityDeps): Promise<AbsenceResult> {
  const agent = await agentInReach(db, actor, input.agentId);
  const codes: AbsenceCode[] = [];
  const kind = ABSENCE_KINDS.find((k) => k === input.kind);
  const label = input.label.trim();
  if (!kind) codes.push('KIND_INVALID');
  if (kind === 'autre' && !label) codes.push('LABEL_REQUIRED');
  if (label.length > LABEL_MAX) codes.push('LABEL_TOO_LONG');
  const startValid = isIsoDate(input.startsOn);
  const endValid = isIsoDate(input.endsOn);
  if (!startValid) codes.push('START_INVALID');
  if (!endValid) codes.push('END_INVALID');
  if (startValid && endValid) {
    const today = quebecDate(deps.clock());
    const days = (Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000 + 1;
    if (input.endsOn < input.startsOn) codes.push('END_BEFORE_START');
    else if (input.endsOn < today) codes.push('ABSENCE_PAST');
    else if (days > ABSENCE_MAX_DAYS) codes.push('ABSENCE_TOO_LONG');
  }
  if (codes.length > 0 || !kind) return { ok: false, code: 'INVALID', codes };
  return inTransaction(db, async (trx) => {
    const at = deps.clock().toISOString();
    const row = await insertAbsence(trx, { agent_id: agent.id, kind, label: label || null, starts_on: input.startsOn, ends_on: input.endsOn, created_at: at, created_by: actor.id });
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      action: 'availability.absence_added',
      subjectType: 'account',
      subjectId: agent.id,
      ip: actor.ip ?? null,
      details: { kind, startsOn: row.starts_on, endsOn: row.ends_on },
    });
    return { ok: true, absence: toAbsence(row) };
  });
}

/** Removes one of the agent's absences; another agent's (or an unknown one) is not found. */
export async function removeAbsence(db: Db, actor: Actor, input: { agentId?: number; absenceId: number }, deps: AvailabilityDeps): Promise<void> {
  const agent = await agentInReach(db, actor, input.agentId);
  await inTransaction(db, async (trx) => {
    const removed = await deleteAbsence(trx, agent.id, input.absenceId);
    if (!removed) throw new NotFoundError('AVAILABILITY.NOT_FOUND');
    await recordAudit(trx, {
      at: deps.clock().toISOString(),
      actorId: actor.id,
      action: 'availability.absence_removed',
      subjectType: 'account',
      subjectId: agent.id,
      ip: actor.ip ?? null,
      details: { kind: removed.kind, startsOn: removed.starts_on, endsOn: removed.ends_on },
    });
  });
}

// ---- « Choisir un nouveau moment »: the per-team setting -------------------------------------

/** Each team, and whether its clients choose their new moment after a cancellation (off by default). */
export async function teamMomentChoices(db: Db, actor: Actor): Promise<Array<{ team: string; name: { fr: string; en: string }; isOn: boolean }>> {
  if (!mayManageTeamSettings(actor)) throw new NotFoundError('AVAILABILITY.NOT_FOUND');
  return (await findTeamSettings(db)).map((s) => ({ team: s.team, name: { fr: s.name_fr ?? s.team, en: s.name_en ?? s.team }, isOn: s.clients_choose_moment === 1 }));
}

/** Turns the choice on for exactly the teams named (and off for the others); each change audited. */
export async function saveTeamMomentChoices(db: Db, actor: Actor, teamsOn: readonly string[], deps: { clock: Clock }): Promise<void> {
  if (!mayManageTeamSettings(actor)) throw new NotFoundError('AVAILABILITY.NOT_FOUND');
  await inTransaction(db, async (trx) => {
    const at = deps.clock().toISOString();
    for (const { team, clients_choose_moment: before } of await findTeamSettings(trx)) {
      const after = teamsOn.includes(team) ? 1 : 0;
      if (after === before) continue;
      await saveTeamSetting(trx, { team, clients_choose_moment: after, updated_at: at, updated_by: actor.id });
      await recordAudit(trx, {
        at,
        actorId: actor.id,
        action: 'availability.moment_choice_changed',
        subjectType: 'team',
        subjectId: team,
        ip: actor.ip ?? null,
        details: { before: { isOn: before === 1 }, after: { isOn: after === 1 } },
      });
    }
  });
}

/** Whether the clients of this agent's team may choose their new moment themselves. */
export async function clientsChooseMomentWith(db: Db, agentId: number): Promise<boolean> {
  return findClientsChooseMoment(db, await findAgentTeam(db, agentId));
}
