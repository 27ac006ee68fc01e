import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { quebecDate } from '../../platform/business-time/quebec-time';
import { NotFoundError } from '../../platform/errors';
import { getClient } from '../accounts/directory.service';
import { agentSchedule } from '../availability/availability.service';
import { type FreeSlot, nearestFreeSlots, type StatedAvailability, searchFreeSlots } from '../availability/free-slots.service';
import { fromRequest, statedAvailability } from '../availability/stated-availability';
import { readAnswers } from '../requests/request-draft.schema';
import { requestOfClient } from '../requests/request.service';
import { agentOfProposal, mayManageSchedule } from './appointment.policy';
import type { AppointmentDeps } from './appointment.service';
import type { AppointmentKind } from './appointment.tables';
import { findLatestCancelAvailability, findPlannedOf, hasAttendedAssessment } from './appointment-slots.repository';

export type { FreeSlot };

/** How far ahead the slots are looked for, and how many « Proposer un rendez-vous » shows. */
export const SLOT_SEARCH_BUSINESS_DAYS = 10;
export const SHOWN_SLOTS = 8;
/** A refused moment offers this many free slots near it. */
export const NEAREST_SLOTS = 3;

/** What the client said that the agent needs to know when proposing (from the request and the last cancellation). */
export interface ClientNeeds {
  days: string[];
  periods: string[];
  /** « Vos disponibilités » of their latest cancellation, as typed. */
  cancellationAvailability: string | null;
  languages: string[];
  otherLanguages: string;
  interpreter: boolean;
  interpreterLanguage: string;
  accessibility: string;
}

export interface ProposalContext {
  slots: FreeSlot[];
  needs: ClientNeeds;
  /** « Évaluation des besoins » until the client attended one. */
  suggestedKind: AppointmentKind;
}

interface SlotSearch {
  agentId: number;
  clientId: number;
  from: Date;
  durationMinutes: number;
  businessDays: number;
  clientAvailability: StatedAvailability | null;
  /** The appointment being changed: its own time is not busy. */
  exceptId?: number;
}

/** Loads what the search needs (the agent's week, absences, both persons' appointments) and runs it. */
async function runSearch(db: Db, search: SlotSearch, deps: AppointmentDeps, limit?: number): Promise<FreeSlot[]> {
  const fromDate = quebecDate(search.from);
  // Absences are few: a generous window of dates costs nothing, and covers any run of closures.
  const toDate = new Date(Date.parse(`${fromDate}T12:00:00Z`) + (search.businessDays * 3 + 14) * 86_400_000).toISOString().slice(0, 10);
  const schedule = await agentSchedule(db, search.agentId, fromDate, toDate, deps);
  const until = schedule.calendar.addBusinessDays(search.from, search.businessDays + 1).toISOString();
  const busy = await findPlannedOf(db, { agentId: search.agentId, clientId: search.clientId, from: search.from.toISOString(), to: until, exceptId: search.exceptId });
  return searchFreeSlots(
    {
      ...schedule,
      from: search.from,
      durationMinutes: search.durationMinutes,
      businessDays: search.businessDays,
      busy: busy.map((b) => ({ startsAt: b.starts_at, endsAt: b.ends_at })),
      clientAvailability: search.clientAvailability,
    },
    limit,
  );
}

/** The client's stated availability and needs (request answers, latest cancellation). */
async function needsOf(db: Db, clientId: number): Promise<{ needs: ClientNeeds; availability: StatedAvailability | null }> {
  const request = await requestOfClient(db, clientId);
  const answers = readAnswers(request?.answers);
  const first = answers.firstAppointment;
  const cancellationAvailability = await findLatestCancelAvailability(db, clientId);
  const needs: ClientNeeds = {
    days: first?.days ?? [],
    periods: first?.periods ?? [],
    cancellationAvailability,
    languages: answers.identification?.languages ?? [],
    otherLanguages: answers.identification?.otherLanguages ?? '',
    interpreter: first?.interpreter ?? false,
    interpreterLanguage: first?.interpreterLanguage ?? '',
    accessibility: first?.accessibility ?? '',
  };
  return { needs, availability: statedAvailability(fromRequest(first?.days, first?.periods), cancellationAvailability) };
}

/** The client in the actor's reach and the agent who would meet them; anything else is not found. */
async function partiesOf(db: Db, actor: Actor, clientId: number): Promise<{ clientId: number; agentId: number }> {
  if (!mayManageSchedule(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const client = await getClient(db, actor, clientId);
  const agentId = agentOfProposal(actor, client.agent_id);
  if (agentId === null) throw new NotFoundError('CLIENT.NOT_FOUND');
  return { clientId: client.id, agentId };
}

/**
 * What « Proposer un rendez-vous » shows beside the form: the next free slots for that duration
 * (those in the client's stated availability first), the client's needs, and the type to suggest.
 */
export async function proposalContext(db: Db, actor: Actor, input: { clientId: number; durationMinutes: number; exceptId?: number }, deps: AppointmentDeps): Promise<ProposalContext> {
  if (!mayManageSchedule(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const client = await getClient(db, actor, input.clientId);
  const agentId = agentOfProposal(actor, client.agent_id);
  // A manager looking at a client nobody follows yet: no agent, so no agent's free slots.
  if (agentId === null) return { slots: [], needs: (await needsOf(db, client.id)).needs, suggestedKind: (await hasAttendedAssessment(db, client.id)) ? 'suivi' : 'evaluation' };
  const parties = { clientId: client.id, agentId };
  const { needs, availability } = await needsOf(db, parties.clientId);
  const search = { ...parties, from: deps.clock(), durationMinutes: input.durationMinutes, businessDays: SLOT_SEARCH_BUSINESS_DAYS, clientAvailability: availability, exceptId: input.exceptId };
  const slots = await runSearch(db, search, deps, SHOWN_SLOTS);
  const suggestedKind: AppointmentKind = (await hasAttendedAssessment(db, parties.clientId)) ? 'suivi' : 'evaluation';
  return { slots, needs, suggestedKind };
}

/**
 * The agent's free slots for a client, over the coming business days (their stated availability
 * first): what « Choisir un nouveau moment » offers the client after a cancellation.
 */
export async function freeSlotsFor(db: Db, parties: { agentId: number; clientId: number }, input: { durationMinutes: number; limit: number }, deps: AppointmentDeps): Promise<FreeSlot[]> {
  const { availability } = await needsOf(db, parties.clientId);
  return runSearch(db, { ...parties, from: deps.clock(), durationMinutes: input.durationMinutes, businessDays: SLOT_SEARCH_BUSINESS_DAYS, clientAvailability: availability }, deps, input.limit);
}

/**
 * The free slots nearest to a refused moment (before or after it, never past), in time order:
 * what the refusal offers instead.
 */
export async function freeSlotsNear(db: Db, actor: Actor, input: { clientId: number; durationMinutes: number; moment: Date; exceptId?: number }, deps: AppointmentDeps): Promise<FreeSlot[]> {
  const parties = await partiesOf(db, actor, input.clientId);
  const now = deps.clock();
  // From a week before the moment (or now): the nearest may lie on either side.
  const from = new Date(Math.max(now.getTime(), input.moment.getTime() - 7 * 86_400_000));
  const slots = await runSearch(db, { ...parties, from, durationMinutes: input.durationMinutes, businessDays: SLOT_SEARCH_BUSINESS_DAYS + 5, clientAvailability: null, exceptId: input.exceptId }, deps);
  return nearestFreeSlots(slots, input.moment, NEAREST_SLOTS);
}
