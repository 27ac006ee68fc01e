import { DateTime } from 'luxon';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import { findClosureDays } from '../../platform/business-time/closure-day.repository';
import { QUEBEC_ZONE, quebecDate } from '../../platform/business-time/quebec-time';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { agentAppointmentsBetween } from '../appointments/agent-calendar.service';
import type { AppointmentKind, AppointmentMode } from '../appointments/appointment.tables';
import { type Absence, absencesBetween } from '../availability/availability.service';
import type { AgendaRefusalCode } from './agenda.errors';
import { hasOwnAgenda, mayOpenAgendaOf, reachesClientsOf } from './agenda.policy';
import { findAgent } from './agenda.repository';

export type AgendaView = 'jour' | 'semaine';

/**
 * What staff read of an appointment's state. A planned appointment that has ended is not
 * « Planifié » any more: its outcome is due (« Résultat à inscrire »).
 */
export type AgendaStatus = 'planifie' | 'resultat_a_inscrire' | 'termine' | 'absent' | 'annule';

export interface AgendaEntry {
  appointmentId: number;
  clientName: string;
  /** Whether the viewer reaches the appointment's page (a reassigned client's is another agent's). */
  isLinked: boolean;
  kind: AppointmentKind;
  mode: AppointmentMode;
  status: AgendaStatus;
  startsAt: string;
  endsAt: string;
}

export interface AgendaDay {
  /** Québec date, 'YYYY-MM-DD'. */
  date: string;
  isToday: boolean;
  /** The public holiday's name (French: the calendar's), when the day is one. */
  holiday?: string;
  /** The manager's closure day, in both languages. */
  closure?: { labelFr: string; labelEn: string };
  absences: Absence[];
  entries: AgendaEntry[];
}

export interface Agenda {
  agentId: number;
  /** The agent's name when the viewer is someone else (a manager); none on « Mon agenda ». */
  agentName?: string;
  isOwn: boolean;
  view: AgendaView;
  date: string;
  today: string;
  /** Monday to Friday, and Saturday or Sunday only when an appointment falls on it; or the one day. */
  days: AgendaDay[];
  previous: string;
  next: string;
}

export interface AgendaDeps {
  clock: Clock;
  hours: { businessDayStartHour: number; businessDayEndHour: number };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Far enough for any agenda; beyond it a date is a typing error (and the holiday rules are unknown). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** A real calendar date 'YYYY-MM-DD' (not 2026-02-30) within the years an agenda can show. */
export function isAgendaDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export type AgendaQuery = { ok: true; view: AgendaView; date: string } | { ok: false; code: AgendaRefusalCode };

/** `?vue=jour|semaine&date=YYYY-MM-DD`, each optional (this week, today); anything else is refused. */
export function readAgendaQuery(query: { vue?: unknown; date?: unknown }, clock: Clock): AgendaQuery {
  const view = query.vue ?? 'semaine';
  if (view !== 'jour' && view !== 'semaine') return { ok: false, code: 'VIEW_INVALID' };
  const date = query.date ?? quebecDate(clock());
  if (typeof date !== 'string' || !isAgendaDate(date)) return { ok: false, code: 'DATE_INVALID' };
  return { ok: true, view, date };
}

/** Dates as 'YYYY-MM-DD', stepped in UTC, where a day is always 24 hours (no DST there). */
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
}

/** The instant a Québec day begins (23 or 25 hours before the next one on DST Sundays). */
function quebecMidnight(iso: string): string {
  return DateTime.fromISO(iso, { zone: QUEBEC_ZONE }).startOf('day').toUTC().toISO() as string;
}

/** The Monday of the date's week. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekday(date));
}

/** The dates the view covers, and the dates its previous and next links open. */
export function agendaRange(view: AgendaView, date: string): { first: string; last: string; previous: string; next: string } {
  if (view === 'jour') return { first: date, last: date, previous: addDays(date, -1), next: addDays(date, 1) };
  const monday = mondayOf(date);
  return { first: monday, last: addDays(monday, 6), previous: addDays(monday, -7), next: addDays(monday, 7) };
}

/** The agent whose agenda this is, as the actor may see it: their own, or (a manager) any agent's. */
async function agendaOwner(db: Db, actor: Actor, agentId: number | undefined): Promise<{ agentId: number; agentName?: string; isOwn: boolean }> {
  if (agentId === undefined || agentId === actor.id) {
    if (!hasOwnAgenda(actor)) throw new NotFoundError('AGENDA.NOT_FOUND');
    return { agentId: actor.id, isOwn: true };
  }
  if (!mayOpenAgendaOf(actor, agentId)) throw new NotFoundError('AGENDA.NOT_FOUND');
  // Managers hold no appointments: only an agent has an agenda.
  const agent = await findAgent(db, agentId);
  if (!agent) throw new NotFoundError('AGENDA.NOT_FOUND');
  return { agentId, agentName: agent.display_name, isOwn: false };
}

/**
 * « Mon agenda » (or a manager's view of an agent's): the appointments the agent holds, day by
 * day, with the holidays, the manager's closure days and the agent's absences. A client who was
 * reassigned keeps their past with this agent, but a cancelled appointment of theirs leaves it.
 */
export async function agendaOf(
  db: Db,
  actor: Actor,
  input: { agentId?: number; query: { vue?: unknown; date?: unknown } },
  deps: AgendaDeps,
): Promise<{ ok: true; agenda: Agenda } | { ok: false; code: AgendaRefusalCode }> {
  // Whose agenda first: another agent's is a 404 whatever the rest of the address says.
  const owner = await agendaOwner(db, actor, input.agentId);
  const query = readAgendaQuery(input.query, deps.clock);
  if (!query.ok) return query;
  const range = agendaRange(query.view, query.date);
  const now = deps.clock();
  const nowIso = now.toISOString();
  const [appointments, absences, closureDays, calendar] = await Promise.all([
    agentAppointmentsBetween(db, owner.agentId, quebecMidnight(range.first), quebecMidnight(addDays(range.last, 1))),
    absencesBetween(db, owner.agentId, range.first, range.last),
    findClosureDays(db),
    loadBusinessCalendar(db, deps.hours),
  ]);
  const closures = new Map(closureDays.map((day) => [day.date, day]));
  const today = quebecDate(now);

  const entriesByDate = new Map<string, AgendaEntry[]>();
  for (const { appointment, clientName, clientAgentId } of appointments) {
    if (appointment.status === 'annule' && clientAgentId !== owner.agentId) continue;
    const date = quebecDate(new Date(appointment.starts_at));
    const status: AgendaStatus = appointment.status === 'planifie' && appointment.ends_at <= nowIso ? 'resultat_a_inscrire' : appointment.status;
    const entry: AgendaEntry = {
      appointmentId: appointment.id,
      clientName,
      isLinked: reachesClientsOf(actor, clientAgentId),
      kind: appointment.kind,
      mode: appointment.mode,
      status,
      startsAt: appointment.starts_at,
      endsAt: appointment.ends_at,
    };
    entriesByDate.set(date, [...(entriesByDate.get(date) ?? []), entry]);
  }

  const days: AgendaDay[] = [];
  for (let date = range.first; date <= range.last; date = addDays(date, 1)) {
    const entries = entriesByDate.get(date) ?? [];
    if (query.view === 'semaine' && weekday(date) >= 6 && entries.length === 0) continue;
    const closure = closures.get(date);
    days.push({
      date,
      isToday: date === today,
      holiday: calendar.holidayName(date),
      closure: closure ? { labelFr: closure.label_fr, labelEn: closure.label_en } : undefined,
      absences: absences.filter((absence) => absence.startsOn <= date && date <= absence.endsOn),
      entries,
    });
  }
  return { ok: true, agenda: { ...owner, view: query.view, date: query.date, today, days, previous: range.previous, next: range.next } };
}
