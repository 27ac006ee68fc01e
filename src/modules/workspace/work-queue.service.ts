import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { Clock } from '../../platform/clock';
import { REPLY_BUSINESS_DAYS, repliesToRead } from '../messages/conversation.service';
import type { BusinessCalendar } from '../../platform/business-time/business-calendar';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import { appointmentsAwaitingOutcome, assessmentsAwaitingPlan, awaitingOutcomeCounts, openReproposals } from '../appointments/appointment.service';
import { firstProposalDueAt, openRequestsFor } from '../requests/request.service';
import { type SourcedWork, sourcedWork } from './work-sources';
import { hasWorkspace } from './workspace.policy';

/**
 * The four kinds of work an agent owes a client. Each item is derived from the data at read time,
 * so it closes by itself when the work is done: proposing an appointment answers the request and
 * the cancellation, recording the outcome closes the past appointment, publishing the plan closes
 * the assessment, reading (or answering) a client's reply closes « Réponse à lire ».
 */
export type WorkKind = 'request' | 'reproposal' | 'outcome' | 'plan' | 'reply';
/** `sourced`: work another module adds (work-sources.ts), in its own words. */
type QueueKind = WorkKind | 'sourced';

export interface WorkItem {
  kind: QueueKind;
  clientId: number;
  clientName: string;
  dueAt: string;
  isOverdue: boolean;
  /** Business hours left (capped at two business days' worth), for « dû dans 3 h ouvrables ». */
  businessHoursLeft: number;
  /** The request to take (« Prendre en charge ») when nobody has it yet. */
  takeRequestId?: number;
  /** The appointment the item is about (the cancelled one, the past one, the assessment). */
  appointmentId?: number | null;
  /** The conversation whose client replies are unread (« Réponse à lire »). */
  threadId?: number;
  /** A re-proposal: « Vos disponibilités » as the client gave them with the cancellation. */
  availability?: string | null;
  /** Work from another module: its words and its link. */
  sourced?: SourcedWork;
}

export interface WorkQueueDeps {
  clock: Clock;
  firstAppointmentBusinessHours: number;
  businessDayStartHour: number;
  businessDayEndHour: number;
}

/** Business days an agent has to publish the plan after the needs assessment. */
export const PLAN_BUSINESS_DAYS = 5;
/** Business days to record the outcome of an appointment once it has ended. */
export const OUTCOME_BUSINESS_DAYS = 1;

/** Names in French order, one collator for every comparison (a manager's queue holds 20,000 items at scale). */
const byName = new Intl.Collator('fr');

/** Each kind's deadline in business time: the queue and the manager's counts keep the same rules. */
function workDeadlines(calendar: BusinessCalendar, deps: WorkQueueDeps) {
  return {
    request: (submittedAt: string) => firstProposalDueAt(calendar, submittedAt, deps.firstAppointmentBusinessHours),
    outcome: (endsAt: string) => calendar.addBusinessDays(new Date(endsAt), OUTCOME_BUSINESS_DAYS).toISOString(),
    plan: (heldAt: string) => calendar.addBusinessDays(new Date(heldAt), PLAN_BUSINESS_DAYS).toISOString(),
    // A client's reply is read within REPLY_BUSINESS_DAYS of the oldest unread one, by whoever is their agent now.
    reply: (since: string) => calendar.addBusinessDays(new Date(since), REPLY_BUSINESS_DAYS).toISOString(),
  };
}

type PendingItem = Omit<WorkItem, 'isOverdue' | 'businessHoursLeft'>;

/** Requests, re-proposals, plans to publish and replies to read: the kinds that stay few at any scale. */
async function fewerKinds(db: Db, actor: Actor, due: ReturnType<typeof workDeadlines>): Promise<PendingItem[]> {
  const [requests, reproposals, assessments, replies] = await Promise.all([openRequestsFor(db, actor), openReproposals(db, actor), assessmentsAwaitingPlan(db, actor), repliesToRead(db, actor)]);
  return [
    ...requests.map((r) => ({ kind: 'request' as const, clientId: r.clientId, clientName: r.clientName, dueAt: due.request(r.submittedAt), takeRequestId: r.agentId === null ? r.id : undefined })),
    ...reproposals.map((r) => ({ kind: 'reproposal' as const, clientId: r.clientId, clientName: r.clientName, dueAt: r.dueAt, appointmentId: r.appointmentId, availability: r.availability })),
    // One plan item per client, from their latest attended assessment.
    ...[...new Map(assessments.map((a) => [a.clientId, a])).values()].map((a) => ({ kind: 'plan' as const, clientId: a.clientId, clientName: a.clientName, dueAt: due.plan(a.heldAt), appointmentId: a.appointmentId })),
    ...replies.map((r) => ({ kind: 'reply' as const, clientId: r.clientId, clientName: r.clientName, dueAt: due.reply(r.since), threadId: r.threadId })),
  ];
}

/** « Ma file de travail »: what is due for the actor's clients and team, overdue first, then soonest. */
export async function workQueue(db: Db, actor: Actor, deps: WorkQueueDeps): Promise<WorkItem[]> {
  if (!hasWorkspace(actor)) return [];
  const now = deps.clock();
  const calendar = await loadBusinessCalendar(db, deps);
  const due = workDeadlines(calendar, deps);
  const [fewer, outcomes, sourced] = await Promise.all([fewerKinds(db, actor, due), appointmentsAwaitingOutcome(db, actor, deps.clock), sourcedWork(db, actor, { calendar, now })]);
  const pending: PendingItem[] = [
    ...fewer,
    ...outcomes.map((o) => ({ kind: 'outcome' as const, clientId: o.clientId, clientName: o.clientName, dueAt: due.outcome(o.endsAt), appointmentId: o.appointmentId })),
    ...sourced.map((work) => ({ kind: 'sourced' as const, clientId: work.clientId, clientName: work.clientName, dueAt: work.dueAt, sourced: work })),
  ];
  const items = pending.map((fields): WorkItem => {
    const dueAt = new Date(fields.dueAt);
    return { ...fields, isOverdue: dueAt.getTime() < now.getTime(), businessHoursLeft: calendar.businessHoursBetween(now, dueAt, 2 * (deps.businessDayEndHour - deps.businessDayStartHour)) };
  });
  return items.sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0) || byName.compare(a.clientName, b.clientName));
}

export interface OpenWorkTally {
  /** Items of the kinds that stay few, by client (to be shared out to the client's agent). */
  items: Array<{ clientId: number; isOverdue: boolean }>;
  /** Past appointments awaiting their outcome, already counted per the client's agent. */
  outcomes: Map<number, { items: number; overdue: number }>;
}

/**
 * What the queues of everyone in the actor's reach hold, counted rather than listed, without the
 * team's requests nobody has taken: the manager's « Tableau de bord ». Past appointments awaiting
 * their outcome (20,000 when outcomes fall behind at national scale) are counted by the database
 * per agent and end time, each end time's deadline worked out once; the same rules as the queue.
 */
export async function openWorkTally(db: Db, actor: Actor, deps: WorkQueueDeps): Promise<OpenWorkTally> {
  const now = deps.clock().getTime();
  const due = workDeadlines(await loadBusinessCalendar(db, deps), deps);
  const [fewer, outcomeCounts] = await Promise.all([fewerKinds(db, actor, due), awaitingOutcomeCounts(db, actor, deps.clock)]);
  const items = fewer.filter((item) => item.takeRequestId === undefined).map((item) => ({ clientId: item.clientId, isOverdue: Date.parse(item.dueAt) < now }));
  const overdueByEnd = new Map<string, boolean>();
  const outcomes = new Map<number, { items: number; overdue: number }>();
  for (const { agentId, endsAt, count } of outcomeCounts) {
    let overdue = overdueByEnd.get(endsAt);
    if (overdue === undefined) overdueByEnd.set(endsAt, (overdue = Date.parse(due.outcome(endsAt)) < now));
    const tally = outcomes.get(agentId) ?? { items: 0, overdue: 0 };
    tally.items += count;
    if (overdue) tally.overdue += count;
    outcomes.set(agentId, tally);
  }
  return { items, outcomes };
}
