import { DateTime } from 'luxon';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { QUEBEC_ZONE } from '../../platform/business-time/business-calendar';
import type { Clock } from '../../platform/clock';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import { openWorkTally, type WorkItem, type WorkQueueDeps, workQueue } from '../workspace/work-queue.service';
import { assertManager } from './admin.policy';
import { type UnassignedRequest, unassignedRequests } from './assignment.service';
import { firstProposalDueAt } from '../requests/request.service';
import {
  countUndoneReproposalsByWeek,
  countUnansweredByWeek,
  findActiveAgents,
  findAgentsOfClients,
  findLateFirstProposals,
  findLateReproposals,
  findRequestsSubmitted,
  sumKeptCountsByWeek,
} from './dashboard.repository';

/** Weeks a dashboard may span (half a year). */
export const MAX_WEEKS = 26;
/** Late items listed (the longest overdue first); the figures count them all. */
export const LATE_SHOWN = 100;

export interface Period {
  /** Monday of the first week, 'YYYY-MM-DD' in Québec. */
  start: string;
  weeks: number;
}

/** A promise kept or not: items whose deadline has passed or that were answered count. */
export interface DeadlineShare {
  onTime: number;
  late: number;
  /** Not yet answered and not yet due: neither kept nor broken. */
  pending: number;
  /** onTime / (onTime + late), or null when nothing was due. */
  share: number | null;
}

export interface LateItem {
  kind: 'first' | 'reproposal';
  clientId: number;
  clientName: string;
  since: string;
  dueAt: string;
  answeredAt: string | null;
}

export interface WeekFigures {
  start: string;
  requests: number;
  first: DeadlineShare;
  reproposals: DeadlineShare;
  noShows: number;
  plansPublished: number;
}

export interface Dashboard {
  period: Period;
  end: string;
  totals: WeekFigures;
  weeks: WeekFigures[];
  /** The longest overdue, at most LATE_SHOWN of `lateCount`. */
  late: LateItem[];
  lateCount: number;
  openWork: Array<{ agentId: number; agentName: string; items: number; overdue: number }>;
  /** The overdue items of that open work, oldest due first, at most LATE_SHOWN of `overdueNowCount` (the open work's overdue, summed). */
  overdueNow: Array<WorkItem & { agentId: number; agentName: string }>;
  overdueNowCount: number;
  unassigned: UnassignedRequest[];
}

/**
 * The overdue items behind the open work's « En retard » counts, each as its agent's queue holds it
 * (so that the page links where the work is done). Only the queues of agents with overdue work are
 * read, the most behind first, until LATE_SHOWN items are found: a bounded read at any scale.
 */
async function overdueOpenWork(db: Db, openWork: Dashboard['openWork'], deps: WorkQueueDeps): Promise<Dashboard['overdueNow']> {
  const found: Dashboard['overdueNow'] = [];
  for (const agent of [...openWork].filter((row) => row.overdue > 0).sort((a, b) => b.overdue - a.overdue)) {
    if (found.length >= LATE_SHOWN) break;
    const queue = await workQueue(db, { role: 'agent', id: agent.agentId }, deps);
    // As the open work counts: without the team's requests nobody has taken, nor other modules' work.
    for (const item of queue) if (item.isOverdue && item.takeRequestId === undefined && item.kind !== 'sourced') found.push({ ...item, agentId: agent.agentId, agentName: agent.agentName });
  }
  return found.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, LATE_SHOWN);
}

/** The Monday of the week holding `date` (or of this week), in Québec. */
export function mondayOf(date: string | undefined, clock: Clock): string {
  const parsed = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: QUEBEC_ZONE }) : undefined;
  const day = parsed?.isValid ? parsed : DateTime.fromJSDate(clock(), { zone: QUEBEC_ZONE });
  return day.startOf('week').toISODate()!;
}

const instant = (isoDate: string) => DateTime.fromISO(isoDate, { zone: QUEBEC_ZONE }).toUTC().toISO()!;
const plusWeeks = (isoDate: string, weeks: number) => DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ weeks }).toISODate()!;

function share(onTime: number, late: number, pending: number): DeadlineShare {
  return { onTime, late, pending, share: onTime + late === 0 ? null : onTime / (onTime + late) };
}

/**
 * « Tableau de bord » for whole weeks. A first appointment is on time when proposed within
 * `firstAppointmentBusinessHours` business hours of the request (holidays and closure days do not
 * count), the moment promised being recorded with the request (`due_at`); a re-proposal when done
 * by the task's due time (2 business days after the cancellation). What is settled (requests
 * answered, tasks done, « Absent », plans published) is read from the counts kept per hour and
 * agent as the rows changed (ADR 0015): a national quarter is 100,000 requests, summed as they
 * came. What is still open is weighed against the clock here, from the few rows it is: requests
 * not answered yet, tasks not done yet, and requests made before the promise was recorded.
 */
export async function dashboard(db: Db, actor: Actor, period: Period, deps: WorkQueueDeps): Promise<Dashboard> {
  assertManager(actor);
  const weeks = Math.min(Math.max(1, period.weeks), MAX_WEEKS);
  const now = deps.clock().toISOString();
  const calendar = await loadBusinessCalendar(db, deps);
  const late: LateItem[] = [];
  const figures: WeekFigures[] = [];
  const bounds = Array.from({ length: weeks + 1 }, (_, index) => instant(plusWeeks(period.start, index)));
  const [from, to] = [bounds[0]!, bounds[weeks]!];
  const [kept, unanswered, undone, latePromised, lateReproposals, olderRequests] = await Promise.all([
    sumKeptCountsByWeek(db, bounds),
    countUnansweredByWeek(db, bounds, now),
    countUndoneReproposalsByWeek(db, bounds, now),
    findLateFirstProposals(db, from, to, now, LATE_SHOWN),
    findLateReproposals(db, from, to, now, LATE_SHOWN),
    findRequestsSubmitted(db, from, to),
  ]);
  for (const request of latePromised) {
    late.push({ kind: 'first', clientId: request.client_id, clientName: request.client_name, since: request.submitted_at, dueAt: request.due_at as string, answeredAt: request.first_proposed_at });
  }
  for (const task of lateReproposals) {
    late.push({ kind: 'reproposal', clientId: task.client_id, clientName: task.client_name, since: task.created_at, dueAt: task.due_at, answeredAt: task.done_at });
  }
  const none = { open: 0, late: 0 };
  for (let index = 0; index < weeks; index++) {
    const start = plusWeeks(period.start, index);
    const inWeek = (at: string) => at >= bounds[index]! && at < bounds[index + 1]!;
    const counted = kept.find((row) => row.week === index);
    const stillOpen = unanswered.find((row) => row.week === index) ?? none;
    const first = { onTime: counted?.firstOnTime ?? 0, late: (counted?.firstLate ?? 0) + stillOpen.late, pending: stillOpen.open - stillOpen.late };
    const older = olderRequests.filter((request) => inWeek(request.submitted_at));
    for (const request of older) {
      const dueAt = firstProposalDueAt(calendar, request.submitted_at, deps.firstAppointmentBusinessHours);
      const answeredAt = request.first_proposed_at;
      if (answeredAt !== null ? answeredAt <= dueAt : now <= dueAt) {
        if (answeredAt === null) first.pending++;
        else first.onTime++;
      } else {
        first.late++;
        late.push({ kind: 'first', clientId: request.client_id, clientName: request.client_name, since: request.submitted_at, dueAt, answeredAt });
      }
    }
    const notDone = undone.find((row) => row.week === index) ?? none;
    const again = { onTime: counted?.reproposalsOnTime ?? 0, late: (counted?.reproposalsLate ?? 0) + notDone.late, pending: notDone.open - notDone.late };
    figures.push({
      start,
      requests: (counted?.requests ?? 0) + older.length,
      first: share(first.onTime, first.late, first.pending),
      reproposals: share(again.onTime, again.late, again.pending),
      noShows: counted?.noShows ?? 0,
      plansPublished: counted?.plansPublished ?? 0,
    });
  }
  const sum = (pick: (week: WeekFigures) => number) => figures.reduce((total, week) => total + pick(week), 0);
  const totals: WeekFigures = {
    start: period.start,
    requests: sum((w) => w.requests),
    first: share(
      sum((w) => w.first.onTime),
      sum((w) => w.first.late),
      sum((w) => w.first.pending),
    ),
    reproposals: share(
      sum((w) => w.reproposals.onTime),
      sum((w) => w.reproposals.late),
      sum((w) => w.reproposals.pending),
    ),
    noShows: sum((w) => w.noShows),
    plansPublished: sum((w) => w.plansPublished),
  };

  // Open work is of now, not of the period: each agent's queue as they see it, without the team's
  // unassigned requests, counted for everyone at once and shared out by the client's agent.
  const [agents, tally] = await Promise.all([findActiveAgents(db), openWorkTally(db, actor, deps)]);
  const agentOf = await findAgentsOfClients(db, [...new Set(tally.items.map((item) => item.clientId))]);
  const workOf = new Map(agents.map((agent) => [agent.id, { items: 0, overdue: 0 }]));
  for (const item of tally.items) {
    const work = workOf.get(agentOf.get(item.clientId) ?? 0);
    if (!work) continue;
    work.items += 1;
    if (item.isOverdue) work.overdue += 1;
  }
  for (const [agentId, outcomes] of tally.outcomes) {
    const work = workOf.get(agentId);
    if (!work) continue;
    work.items += outcomes.items;
    work.overdue += outcomes.overdue;
  }
  const openWork = agents.map((agent) => ({ agentId: agent.id, agentName: agent.display_name, ...workOf.get(agent.id)! }));
  const [unassigned, overdueNow] = await Promise.all([unassignedRequests(db, actor), overdueOpenWork(db, openWork, deps)]);
  return {
    period: { start: period.start, weeks },
    end: plusWeeks(period.start, weeks),
    totals,
    weeks: figures,
    late: late.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, LATE_SHOWN),
    lateCount: totals.first.late + totals.reproposals.late,
    openWork,
    overdueNow,
    overdueNowCount: openWork.reduce((total, row) => total + row.overdue, 0),
    unassigned,
  };
}
