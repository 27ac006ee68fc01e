import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { Clock } from '../../platform/clock';
import type { Locale } from '../../platform/i18n/locale';
import { REPLY_BUSINESS_DAYS, repliesToRead } from '../messages/conversation.service';
import type { BusinessCalendar } from '../../platform/business-time/business-calendar';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import { appointmentsAwaitingOutcome, assessmentsAwaitingPlan, awaitingOutcomeCounts, openReproposals } from '../appointments/appointment.service';
import { firstProposalDueAt, openRequestsFor } from '../requests/request.service';
import { type ClientNeeds, needsFromAnswers } from './client-needs';
import { findQueueClients } from './work-queue.repository';
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
export type QueueKind = WorkKind | 'sourced';
/** Every kind, in the order « Ma file de travail » counts them. */
export const QUEUE_KINDS: readonly QueueKind[] = ['request', 'reproposal', 'outcome', 'plan', 'reply', 'sourced'];

/** How long an item has been overdue, in business time: « en retard depuis 2 h ouvrables ». */
export type Lateness = { unit: 'lessThanHour' } | { unit: 'hours' | 'days'; count: number } | { unit: 'moreThanDays'; count: number };

export interface WorkItem {
  kind: QueueKind;
  clientId: number;
  clientName: string;
  dueAt: string;
  isOverdue: boolean;
  /** Business hours left (capped at two business days' worth), for « dû dans 3 h ouvrables ». */
  businessHoursLeft: number;
  /** Overdue items only: how long since the deadline, business hours and days only. */
  lateness?: Lateness;
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

/** Past this many business days late, « depuis plus de 10 jours ouvrables »: counting further changes nothing. */
const LATENESS_DAYS_SHOWN = 10;

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
  const dayHours = deps.businessDayEndHour - deps.businessDayStartHour;
  const items = pending.map((fields): WorkItem => {
    const dueAt = new Date(fields.dueAt);
    const isOverdue = dueAt.getTime() < now.getTime();
    const item: WorkItem = { ...fields, isOverdue, businessHoursLeft: calendar.businessHoursBetween(now, dueAt, 2 * dayHours) };
    if (isOverdue) item.lateness = latenessOf(calendar.businessHoursBetween(dueAt, now, LATENESS_DAYS_SHOWN * dayHours), dayHours);
    return item;
  });
  return items.sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0) || byName.compare(a.clientName, b.clientName));
}

/** Business hours late, told in hours within the first business day and in whole business days after. */
function latenessOf(hours: number, dayHours: number): Lateness {
  if (hours < 1) return { unit: 'lessThanHour' };
  if (hours < dayHours) return { unit: 'hours', count: Math.floor(hours) };
  if (hours >= LATENESS_DAYS_SHOWN * dayHours) return { unit: 'moreThanDays', count: LATENESS_DAYS_SHOWN };
  return { unit: 'days', count: Math.floor(hours / dayHours) };
}

/** « Mes dossiers » (clients assigned to the actor) or « Mon équipe » (also the team's requests nobody has taken). */
export type QueueScope = 'mine' | 'team';

/** What « Ma file de travail » is narrowed to; every field has a default, so any URL reads as a view. */
export interface QueueFilter {
  kind?: QueueKind;
  scope: QueueScope;
  overdueOnly: boolean;
}

export interface WorkQueueView {
  items: WorkItem[];
  /** Items per kind within the scope and « En retard » filters (before the kind filter): the counts at the top. */
  counts: Record<QueueKind, number>;
  /** What each shown client asked for in their request: languages, interpreter, accessibility. */
  needs: Map<number, ClientNeeds>;
}

/**
 * « Ma file de travail » filtered: by whose clients (an item is « mine » when its client is assigned
 * to the actor: the team's untaken requests are not), overdue only, then by kind; counted per kind
 * before the kind filter, so each count says what choosing that kind would show.
 */
export async function workQueueView(db: Db, actor: Actor, filter: QueueFilter, deps: WorkQueueDeps & { lang: Locale }): Promise<WorkQueueView> {
  const all = await workQueue(db, actor, deps);
  const clients = await findQueueClients(
    db,
    all.map((item) => item.clientId),
  );
  const agentOf = new Map(clients.map((row) => [row.id, row.agent_id]));
  const inView = all.filter((item) => (filter.scope === 'team' || agentOf.get(item.clientId) === actor.id) && (!filter.overdueOnly || item.isOverdue));
  const counts = Object.fromEntries(QUEUE_KINDS.map((kind) => [kind, 0])) as Record<QueueKind, number>;
  for (const item of inView) counts[item.kind] += 1;
  const items = filter.kind ? inView.filter((item) => item.kind === filter.kind) : inView;
  const shown = new Set(items.map((item) => item.clientId));
  const needs = new Map(clients.filter((row) => shown.has(row.id)).map((row) => [row.id, needsFromAnswers(row.answers, deps.lang)]));
  return { items, counts, needs };
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
