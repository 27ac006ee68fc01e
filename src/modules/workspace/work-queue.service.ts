import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { Clock } from '../../platform/clock';
import { REPLY_BUSINESS_DAYS, repliesToRead } from '../messages/conversation.service';
import { appointmentsAwaitingOutcome, assessmentsAwaitingPlan, loadBusinessCalendar, openReproposals } from '../appointments/appointment.service';
import { firstProposalDueAt, openRequestsFor } from '../requests/request.service';

/**
 * The four kinds of work an agent owes a client. Each item is derived from the data at read time,
 * so it closes by itself when the work is done: proposing an appointment answers the request and
 * the cancellation, recording the outcome closes the past appointment, publishing the plan closes
 * the assessment, reading (or answering) a client's reply closes « Réponse à lire ».
 */
export type WorkKind = 'request' | 'reproposal' | 'outcome' | 'plan' | 'reply';

export interface WorkItem {
  kind: WorkKind;
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

/** « Ma file de travail »: what is due for the actor's clients and team, overdue first, then soonest. */
export async function workQueue(db: Db, actor: Actor, deps: WorkQueueDeps): Promise<WorkItem[]> {
  if (actor.role === 'client') return [];
  const now = deps.clock();
  const calendar = await loadBusinessCalendar(db, deps);
  const [requests, reproposals, outcomes, assessments, replies] = await Promise.all([
    openRequestsFor(db, actor),
    openReproposals(db, actor),
    appointmentsAwaitingOutcome(db, actor, deps.clock),
    assessmentsAwaitingPlan(db, actor),
    repliesToRead(db, actor),
  ]);

  const item = (fields: Omit<WorkItem, 'isOverdue' | 'businessHoursLeft'>): WorkItem => {
    const due = new Date(fields.dueAt);
    return { ...fields, isOverdue: due.getTime() < now.getTime(), businessHoursLeft: calendar.businessHoursBetween(now, due, 2 * (deps.businessDayEndHour - deps.businessDayStartHour)) };
  };
  const items: WorkItem[] = [
    ...requests.map((r) =>
      item({
        kind: 'request',
        clientId: r.clientId,
        clientName: r.clientName,
        dueAt: firstProposalDueAt(calendar, r.submittedAt, deps.firstAppointmentBusinessHours),
        takeRequestId: r.agentId === null ? r.id : undefined,
      }),
    ),
    ...reproposals.map((r) => item({ kind: 'reproposal', clientId: r.clientId, clientName: r.clientName, dueAt: r.dueAt, appointmentId: r.appointmentId, availability: r.availability })),
    ...outcomes.map((o) =>
      item({ kind: 'outcome', clientId: o.clientId, clientName: o.clientName, dueAt: calendar.addBusinessDays(new Date(o.endsAt), OUTCOME_BUSINESS_DAYS).toISOString(), appointmentId: o.appointmentId }),
    ),
    // One plan item per client, from their latest attended assessment.
    ...[...new Map(assessments.map((a) => [a.clientId, a])).values()].map((a) =>
      item({ kind: 'plan', clientId: a.clientId, clientName: a.clientName, dueAt: calendar.addBusinessDays(new Date(a.heldAt), PLAN_BUSINESS_DAYS).toISOString(), appointmentId: a.appointmentId }),
    ),
    // A client's reply is read within REPLY_BUSINESS_DAYS of the oldest unread one, by whoever is their agent now.
    ...replies.map((r) => item({ kind: 'reply', clientId: r.clientId, clientName: r.clientName, dueAt: calendar.addBusinessDays(new Date(r.since), REPLY_BUSINESS_DAYS).toISOString(), threadId: r.threadId })),
  ];
  return items.sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || a.dueAt.localeCompare(b.dueAt) || a.clientName.localeCompare(b.clientName));
}
