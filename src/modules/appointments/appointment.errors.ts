import type { RefusalTable } from '../../platform/errors';

/** Why a planned appointment can no longer be cancelled by its client (read before the form is offered). */
export type CancelRefusal = 'ALREADY_CANCELLED' | 'ATTENDED' | 'PAST';

/** Why the client's cancellation is refused. */
export type CancelRefusalCode = 'COMMENT_TOO_LONG' | 'AVAILABILITY_TOO_LONG' | 'REASON_INVALID' | 'CHANGED' | CancelRefusal;

/** Why a proposed or changed slot is refused (several at once: `{ ok: false, code: 'INVALID', codes }`). */
export type SlotCode = 'DATE_INVALID' | 'IN_PAST' | 'CLOSED_DAY' | 'OUTSIDE_HOURS' | 'OUTSIDE_AGENT_HOURS' | 'AGENT_ABSENT' | 'AGENT_BUSY' | 'CLIENT_BUSY' | 'PHONE_REQUIRED' | 'LINK_REQUIRED' | 'ADDRESS_REQUIRED';

/** Why staff's change to an appointment (reschedule, cancel, outcome) is refused as a whole. */
export type ScheduleChangeCode = 'SCHEDULE_CHANGED' | 'NOT_PLANNED' | 'NOT_STARTED' | 'STAFF_REASON_INVALID';

/** Why a correction of « Présent » / « Absent » is refused; CONFIRMATION_REQUIRED: « Absent » not confirmed yet. */
export type OutcomeChangeCode = 'OUTCOME_NOT_RECORDED' | 'CORRECTION_NOT_ALLOWED' | 'CORRECTION_CLOSED' | 'OUTCOME_UNCHANGED';

/** Why a client's pick of their new moment is refused. */
export type MomentChoiceCode = 'SLOT_TAKEN' | 'CHOICE_CLOSED';

/** Every refusal of the appointments module: a closed union. */
export type AppointmentRefusalCode = 'INVALID' | CancelRefusalCode | SlotCode | ScheduleChangeCode | OutcomeChangeCode | 'CONFIRMATION_REQUIRED' | MomentChoiceCode;

/**
 * How the pages and the API show each refusal: its status, the form field it belongs to (none:
 * the whole form) and its message.
 */
export const APPOINTMENT_ERRORS: RefusalTable<AppointmentRefusalCode> = {
  INVALID: { status: 400, messageKey: 'error.badRequest.body' },
  // The client's « Annuler le rendez-vous »
  COMMENT_TOO_LONG: { status: 400, field: 'comment', messageKey: 'appointments.cancel.error.commentTooLong' },
  AVAILABILITY_TOO_LONG: { status: 400, field: 'availability', messageKey: 'appointments.cancel.error.availabilityTooLong' },
  REASON_INVALID: { status: 400, field: 'reason', messageKey: 'appointments.cancel.error.reasonInvalid' },
  ALREADY_CANCELLED: { status: 409, messageKey: 'appointments.cancel.error.alreadyCancelled' },
  ATTENDED: { status: 409, messageKey: 'appointments.cancel.error.attended' },
  PAST: { status: 409, messageKey: 'appointments.cancel.error.past' },
  CHANGED: { status: 409, messageKey: 'appointments.cancel.error.changed' },
  // Staff's « Proposer un rendez-vous » / « Modifier »: the slot form answers 409 (the slot is taken, past or closed)
  DATE_INVALID: { status: 409, field: 'date', messageKey: 'workspace.slot.DATE_INVALID' },
  IN_PAST: { status: 409, field: 'date', messageKey: 'workspace.slot.IN_PAST' },
  CLOSED_DAY: { status: 409, field: 'date', messageKey: 'workspace.slot.CLOSED_DAY' },
  OUTSIDE_HOURS: { status: 409, field: 'time', messageKey: 'workspace.slot.OUTSIDE_HOURS' },
  OUTSIDE_AGENT_HOURS: { status: 409, field: 'time', messageKey: 'workspace.slot.OUTSIDE_AGENT_HOURS' },
  AGENT_ABSENT: { status: 409, field: 'date', messageKey: 'workspace.slot.AGENT_ABSENT' },
  AGENT_BUSY: { status: 409, field: 'time', messageKey: 'workspace.slot.AGENT_BUSY' },
  CLIENT_BUSY: { status: 409, field: 'time', messageKey: 'workspace.slot.CLIENT_BUSY' },
  PHONE_REQUIRED: { status: 409, field: 'phoneNumber', messageKey: 'workspace.slot.PHONE_REQUIRED' },
  LINK_REQUIRED: { status: 409, field: 'videoLink', messageKey: 'workspace.slot.LINK_REQUIRED' },
  ADDRESS_REQUIRED: { status: 409, field: 'address', messageKey: 'workspace.slot.ADDRESS_REQUIRED' },
  // The client's « Choisir un nouveau moment »
  SLOT_TAKEN: { status: 409, messageKey: 'appointments.choice.SLOT_TAKEN' },
  CHOICE_CLOSED: { status: 409, messageKey: 'appointments.choice.CHOICE_CLOSED' },
  // Staff's changes, cancellation and « Présent » / « Absent »
  SCHEDULE_CHANGED: { status: 409, messageKey: 'workspace.appointment.error.changed' },
  NOT_PLANNED: { status: 409, messageKey: 'workspace.appointment.error.notPlanned' },
  NOT_STARTED: { status: 409, messageKey: 'workspace.appointment.error.notStarted' },
  STAFF_REASON_INVALID: { status: 400, field: 'reason', messageKey: 'workspace.cancel.error.reason' },
  // « Absent » and « Corriger le résultat »
  CONFIRMATION_REQUIRED: { status: 409, messageKey: 'workspace.outcome.error.confirm' },
  OUTCOME_NOT_RECORDED: { status: 409, messageKey: 'workspace.outcome.error.notRecorded' },
  CORRECTION_NOT_ALLOWED: { status: 409, messageKey: 'workspace.outcome.error.notAllowed' },
  CORRECTION_CLOSED: { status: 409, messageKey: 'workspace.outcome.error.closed' },
  OUTCOME_UNCHANGED: { status: 409, messageKey: 'workspace.outcome.error.unchanged' },
};
