import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { NotFoundError } from '../../platform/errors';
import { clientRecipient } from '../accounts/directory.service';
import { clientsChooseMomentWith } from '../availability/availability.service';
import { bookSlot } from './appointment-scheduling.service';
import { type FreeSlot, freeSlotsFor } from './appointment-slots.service';
import { appointmentScope, mayChooseOwnMoment } from './appointment.policy';
import { findAppointment, findOpenReproposals } from './appointment.repository';
import type { AppointmentDeps } from './appointment.service';
import type { Appointment } from './appointment.tables';

/** How many free slots « Choisir un nouveau moment » lists (the client's availability first). */
export const CHOICE_SLOTS = 24;

/**
 * When a client may choose their new moment after cancelling (issue: « Choisir un nouveau moment »):
 * their agent's team allows it (a manager's setting, off by default), they cancelled this
 * appointment themselves, and no new one was proposed since (the re-proposal task is open).
 * Returns the cancelled appointment and their agent, or null when the choice is not theirs.
 */
async function openChoice(db: Db, actor: Actor, cancelledId: number): Promise<{ cancelled: Appointment; agentId: number } | null> {
  if (!mayChooseOwnMoment(actor)) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  const scope = appointmentScope(actor);
  const cancelled = await findAppointment(db, scope, cancelledId);
  if (!cancelled) throw new NotFoundError('APPOINTMENT.NOT_FOUND');
  if (cancelled.status !== 'annule' || cancelled.cancelled_by !== cancelled.client_id) return null;
  const open = await findOpenReproposals(db, scope, cancelled.client_id);
  if (!open.some((task) => task.appointment_id === cancelled.id)) return null;
  const client = await clientRecipient(db, cancelled.client_id);
  const agentId = client.agent_id ?? cancelled.agent_id;
  return (await clientsChooseMomentWith(db, agentId)) ? { cancelled, agentId } : null;
}

/** Whether « Choisir un nouveau moment » is offered for this cancelled appointment. */
export async function isMomentChoiceOpen(db: Db, actor: Actor, cancelledId: number): Promise<boolean> {
  return (await openChoice(db, actor, cancelledId)) !== null;
}

const minutesOf = (a: Appointment) => Math.round((Date.parse(a.ends_at) - Date.parse(a.starts_at)) / 60_000);

/** The free slots the client may pick from, or null when the choice is not offered. */
export async function momentChoice(db: Db, actor: Actor, cancelledId: number, deps: AppointmentDeps): Promise<{ cancelled: Appointment; slots: FreeSlot[] } | null> {
  const choice = await openChoice(db, actor, cancelledId);
  if (!choice) return null;
  const slots = await freeSlotsFor(db, { agentId: choice.agentId, clientId: choice.cancelled.client_id }, { durationMinutes: minutesOf(choice.cancelled), limit: CHOICE_SLOTS }, deps);
  return { cancelled: choice.cancelled, slots };
}

export type ChooseResult = { ok: true; appointment: Appointment } | { ok: false; code: 'SLOT_TAKEN' | 'CHOICE_CLOSED' };

/**
 * The client picks one of the offered slots: booked at once, as the agent's proposal would be
 * (same type, mode and length as the cancelled one; message, e-mail with its .ics; the re-proposal
 * task closed), under the schedule lock: of two parallel picks of one slot, exactly one wins and
 * the other is told the slot was taken.
 */
export async function chooseMoment(db: Db, actor: Actor, input: { cancelledId: number; date: string; time: string }, deps: AppointmentDeps): Promise<ChooseResult> {
  return inTransaction(db, async (trx) => {
    const choice = await openChoice(trx, actor, input.cancelledId);
    if (!choice) return { ok: false, code: 'CHOICE_CLOSED' };
    const { cancelled, agentId } = choice;
    const client = await clientRecipient(trx, cancelled.client_id);
    const result = await bookSlot(
      trx,
      {
        actor,
        client,
        agentId,
        input: {
          kind: cancelled.kind,
          date: input.date,
          time: input.time,
          durationMinutes: minutesOf(cancelled),
          mode: cancelled.mode,
          phoneNumber: cancelled.phone_number ?? client.phone,
          videoLink: cancelled.video_link,
          address: cancelled.address,
        },
        audit: { action: 'appointment.chosen_by_client', cancelledId: cancelled.id },
      },
      deps,
    );
    return result.ok ? { ok: true, appointment: result.appointment } : { ok: false, code: 'SLOT_TAKEN' };
  });
}
