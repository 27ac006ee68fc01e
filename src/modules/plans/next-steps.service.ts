import type { Config } from '../../config';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { nextPlannedAppointment } from '../appointments/appointment.service';
import type { Appointment } from '../appointments/appointment.tables';
import { type ProposalPromiseDeps, type ProposalPromises, proposalPromiseDeps, proposalPromises } from '../appointments/proposal-promises.service';
import { hasOwnPlanHome } from './plan.policy';

/**
 * What happens next for a client, as their « Accompagnement Québec » page tells it: the moment
 * by which their first appointment will be proposed (a request still unanswered), the moment by
 * which a new one will be proposed (after they cancelled), and their next appointment. Any, all
 * or none of them; the unread messages come with every page (the view context).
 */
export interface NextSteps extends ProposalPromises {
  /** The next planned appointment that has not ended. */
  nextAppointment?: Pick<Appointment, 'id' | 'kind' | 'mode' | 'starts_at' | 'ends_at'>;
}

export interface NextStepsDeps extends ProposalPromiseDeps {
  clock: Clock;
}

/** The settings the promises are computed with, read once from the configuration by each edge. */
export function nextStepsDeps(config: Pick<Config, 'FIRST_APPOINTMENT_BUSINESS_HOURS' | 'BUSINESS_DAY_START_HOUR' | 'BUSINESS_DAY_END_HOUR'>, clock: Clock): NextStepsDeps {
  return { clock, ...proposalPromiseDeps(config) };
}

/** The signed-in client's next steps; only a client has them. */
export async function nextSteps(db: Db, actor: Actor, deps: NextStepsDeps): Promise<NextSteps> {
  if (!hasOwnPlanHome(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const [promises, next] = await Promise.all([proposalPromises(db, actor, deps), nextPlannedAppointment(db, actor, deps.clock)]);
  return {
    ...promises,
    ...(next ? { nextAppointment: { id: next.id, kind: next.kind, mode: next.mode, starts_at: next.starts_at, ends_at: next.ends_at } } : {}),
  };
}
