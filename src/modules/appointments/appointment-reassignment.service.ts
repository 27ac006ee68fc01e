import { DateTime } from 'luxon';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import { QUEBEC_ZONE } from '../../platform/business-time/quebec-time';
import { agentVideoRoom } from '../accounts/account.service';
import { absencesBetween } from '../availability/availability.service';
import { withdrawReminder } from './appointment-reminder.service';
import { cancelForNewAgentIfVersion, findAgentPlannedTimes, findAppointmentsByIds, findFuturePlannedOfClients, moveToAgentIfVersion } from './appointment-reassignment.repository';
import { insertReproposalTask } from './appointment.repository';
import type { AppointmentDeps } from './appointment.service';
import type { Appointment } from './appointment.tables';

/** The reason recorded on an appointment the service cancels because the client's agent changed (migration 0021). */
export const AGENT_CHANGED_REASON = 'changement_agent';

/** Why an appointment cannot follow the client to the new agent. */
export type NotMovedWhy = 'AGENT_BUSY' | 'AGENT_ABSENT' | 'NO_VIDEO_ROOM';

/** What happens to one future appointment when its client changes agent. */
export type AppointmentFate = { action: 'move' } | { action: 'cancel'; why: NotMovedWhy };

export interface PlannedFate {
  appointment: Appointment;
  fate: AppointmentFate;
}

const quebecDate = (iso: string): string => DateTime.fromISO(iso, { zone: QUEBEC_ZONE }).toISODate() as string;

/**
 * What would happen to each planned future appointment of these clients if they moved to this
 * agent: it moves when the agent is free then (no planned appointment of theirs overlaps it, not
 * absent that day, and, for a video call, they have a video room to hold it), otherwise it is
 * cancelled and re-proposed by the new agent. Earlier moves count against later ones. Read under
 * the schedule lock of everyone involved when the answer is acted on.
 *
 * A telephone appointment keeps its number: it is the number the agent calls the client on (the
 * proposal form fills in the client's). An in-person one keeps its address, the office's.
 */
export async function planFutureAppointments(db: Db, input: { clientIds: number[]; agentId: number }, deps: Pick<AppointmentDeps, 'clock'>): Promise<PlannedFate[]> {
  const now = deps.clock().toISOString();
  const appointments = await findFuturePlannedOfClients(db, input.clientIds, now);
  if (appointments.length === 0) return [];
  const first = appointments[0].starts_at;
  const last = appointments.map((a) => a.ends_at).sort()[appointments.length - 1];
  // The agent's own appointments over the whole span, read once: a caseload of 500 clients is one query, not one per appointment.
  const [videoRoom, absences, agentTimes] = await Promise.all([
    agentVideoRoom(db, input.agentId),
    absencesBetween(db, input.agentId, quebecDate(first), quebecDate(appointments[appointments.length - 1].starts_at)),
    findAgentPlannedTimes(db, input.agentId, first, last),
  ]);
  const taken = agentTimes.map((a) => ({ startsAt: a.starts_at, endsAt: a.ends_at }));
  const plan: PlannedFate[] = [];
  for (const appointment of appointments) {
    const day = quebecDate(appointment.starts_at);
    const overlaps = (a: { startsAt: string; endsAt: string }) => a.startsAt < appointment.ends_at && a.endsAt > appointment.starts_at;
    let why: NotMovedWhy | undefined;
    if (appointment.mode === 'visioconference' && !videoRoom) why = 'NO_VIDEO_ROOM';
    else if (absences.some((a) => a.startsOn <= day && day <= a.endsOn)) why = 'AGENT_ABSENT';
    else if (taken.some(overlaps)) why = 'AGENT_BUSY';
    if (why) plan.push({ appointment, fate: { action: 'cancel', why } });
    else {
      plan.push({ appointment, fate: { action: 'move' } });
      taken.push({ startsAt: appointment.starts_at, endsAt: appointment.ends_at });
    }
  }
  return plan;
}

/** A stable digest of a plan: the manager confirms what they saw, or sees the new plan. */
export function planFingerprint(plan: PlannedFate[]): string {
  return plan.map(({ appointment, fate }) => `${appointment.id}.${appointment.version}.${fate.action === 'move' ? 'm' : 'c'}`).join('-');
}

export interface AppliedFate {
  /** The appointment as it is now (moved: the new agent's; cancelled: status annule). */
  appointment: Appointment;
  fate: AppointmentFate;
}

/**
 * Carries out a plan inside the caller's transaction (under the schedule locks): each appointment
 * moves to the new agent or is cancelled with the « changement d'agent » reason and becomes a
 * re-proposal task of the new agent, due like a client's cancellation. A pending reminder of the
 * old details is withdrawn; each change is audited. An appointment that changed meanwhile (the
 * client cancelled it) is left as it is and left out of the answer.
 */
export async function applyFutureAppointmentPlan(trx: Db, actor: Actor, input: { plan: PlannedFate[]; agentId: number }, deps: AppointmentDeps): Promise<AppliedFate[]> {
  if (input.plan.length === 0) return [];
  const now = deps.clock();
  const at = now.toISOString();
  const videoRoom = await agentVideoRoom(trx, input.agentId);
  const calendar = await loadBusinessCalendar(trx, deps);
  const done: Array<{ id: number; fate: AppointmentFate }> = [];
  for (const { appointment, fate } of input.plan) {
    const where = { id: appointment.id, version: appointment.version, now: at };
    const audit = { at, actorId: actor.id, subjectType: 'appointment', subjectId: appointment.id, clientId: appointment.client_id, ip: actor.ip ?? null };
    if (fate.action === 'move') {
      const videoLink = appointment.mode === 'visioconference' ? videoRoom : appointment.video_link;
      if (!(await moveToAgentIfVersion(trx, where, { agentId: input.agentId, videoLink }))) continue;
      await recordAudit(trx, {
        ...audit,
        action: 'appointment.moved_on_reassignment',
        details: { from: appointment.agent_id, to: input.agentId, startsAt: appointment.starts_at, mode: appointment.mode, version: appointment.version + 1, sequence: appointment.sequence + 1 },
      });
    } else {
      if (!(await cancelForNewAgentIfVersion(trx, where, { agentId: input.agentId, cancelledBy: actor.id, reasonCode: AGENT_CHANGED_REASON }))) continue;
      await insertReproposalTask(trx, {
        agent_id: input.agentId,
        client_id: appointment.client_id,
        appointment_id: appointment.id,
        due_at: calendar.addBusinessDays(now, deps.reproposalBusinessDays).toISOString(),
        created_at: at,
      });
      await recordAudit(trx, {
        ...audit,
        action: 'appointment.cancelled_on_reassignment',
        details: {
          before: { status: 'planifie', version: appointment.version },
          after: { status: 'annule', version: appointment.version + 1 },
          reason: AGENT_CHANGED_REASON,
          why: fate.why,
          from: appointment.agent_id,
          to: input.agentId,
        },
      });
    }
    await withdrawReminder(trx, appointment); // a reminder queued with the former agent's details must not leave
    done.push({ id: appointment.id, fate });
  }
  const after = new Map(
    (
      await findAppointmentsByIds(
        trx,
        done.map((d) => d.id),
      )
    ).map((a) => [a.id, a]),
  );
  return done.map(({ id, fate }) => ({ appointment: after.get(id) as Appointment, fate }));
}
