import type { Config } from '../../config';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { firstProposalDueFor } from '../requests/request-draft.service';
import { reproposalDueFor } from './appointment.service';

/**
 * The moments by which an appointment is promised to the client at the latest: a first one (their
 * request is still unanswered) and a new one (after they cancelled). Either, both or neither.
 */
export interface ProposalPromises {
  /** The request waits for its first appointment: proposed at the latest then (ISO UTC). */
  firstProposalDueAt?: string;
  /** A cancelled appointment waits for a new proposal: proposed at the latest then (ISO UTC). */
  reproposalDueAt?: string;
}

export interface ProposalPromiseDeps {
  firstAppointmentBusinessHours: number;
  businessDayStartHour: number;
  businessDayEndHour: number;
}

/** The settings the promises are computed with, read once from the configuration by each edge. */
export function proposalPromiseDeps(config: Pick<Config, 'FIRST_APPOINTMENT_BUSINESS_HOURS' | 'BUSINESS_DAY_START_HOUR' | 'BUSINESS_DAY_END_HOUR'>): ProposalPromiseDeps {
  return {
    firstAppointmentBusinessHours: config.FIRST_APPOINTMENT_BUSINESS_HOURS,
    businessDayStartHour: config.BUSINESS_DAY_START_HOUR,
    businessDayEndHour: config.BUSINESS_DAY_END_HOUR,
  };
}

/** The signed-in client's promised proposals; nothing for anyone else. */
export async function proposalPromises(db: Db, actor: Actor, deps: ProposalPromiseDeps): Promise<ProposalPromises> {
  const [firstProposalDueAt, reproposalDueAt] = await Promise.all([firstProposalDueFor(db, actor, deps), reproposalDueFor(db, actor)]);
  return {
    ...(firstProposalDueAt ? { firstProposalDueAt } : {}),
    ...(reproposalDueAt ? { reproposalDueAt } : {}),
  };
}
