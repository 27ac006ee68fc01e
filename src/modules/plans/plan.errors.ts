import type { RefusalTable } from '../../platform/errors';

/** Why an action's fields are refused (several at once: `{ ok: false, code: 'INVALID', codes }`). */
export type ActionFieldCode = 'DOMAIN_INVALID' | 'TITLE_REQUIRED' | 'TITLE_TOO_LONG' | 'DESCRIPTION_TOO_LONG' | 'DUE_INVALID' | 'DUE_IN_PAST' | 'USEFUL_INFO_TOO_LONG' | 'CATALOGUE_INVALID' | 'NONE_CHOSEN';

/** Why a note is refused (several at once, like an action's fields). */
export type NoteFieldCode = 'BODY_REQUIRED' | 'BODY_TOO_LONG' | 'VISIBILITY_INVALID' | 'ACTION_INVALID';

/** Refusals of a plan change as a whole. */
export type PlanChangeCode = 'NO_ATTENDED_ASSESSMENT' | 'PLAN_EXISTS' | 'NO_PLAN' | 'EMPTY_PLAN' | 'ALREADY_PUBLISHED' | 'CHANGED' | 'AT_EDGE';

/** Every refusal of the plans module: a closed union. */
export type PlanRefusalCode = 'INVALID' | ActionFieldCode | NoteFieldCode | PlanChangeCode | 'REMOVE_CHANGED' | 'NOTE_CHANGED' | 'VERSION_CONFLICT';

/** How the pages and the API show each refusal: status, the form field it belongs to, message. */
export const PLAN_ERRORS: RefusalTable<PlanRefusalCode> = {
  INVALID: { status: 400, messageKey: 'error.badRequest.body' },
  DOMAIN_INVALID: { status: 400, field: 'domain', messageKey: 'planStaff.error.DOMAIN_INVALID' },
  TITLE_REQUIRED: { status: 400, field: 'title', messageKey: 'planStaff.error.TITLE_REQUIRED' },
  TITLE_TOO_LONG: { status: 400, field: 'title', messageKey: 'planStaff.error.TITLE_TOO_LONG' },
  DESCRIPTION_TOO_LONG: { status: 400, field: 'description', messageKey: 'planStaff.error.DESCRIPTION_TOO_LONG' },
  DUE_INVALID: { status: 400, field: 'dueOn', messageKey: 'planStaff.error.DUE_INVALID' },
  DUE_IN_PAST: { status: 400, field: 'dueOn', messageKey: 'planStaff.error.DUE_IN_PAST' },
  USEFUL_INFO_TOO_LONG: { status: 400, field: 'usefulInfo', messageKey: 'planStaff.error.USEFUL_INFO_TOO_LONG' },
  CATALOGUE_INVALID: { status: 400, field: 'catalogue', messageKey: 'planStaff.error.CATALOGUE_INVALID' },
  NONE_CHOSEN: { status: 400, field: 'choix', messageKey: 'planStaff.error.NONE_CHOSEN' },
  BODY_REQUIRED: { status: 400, field: 'body', messageKey: 'planStaff.error.BODY_REQUIRED' },
  BODY_TOO_LONG: { status: 400, field: 'body', messageKey: 'planStaff.error.BODY_TOO_LONG' },
  VISIBILITY_INVALID: { status: 400, field: 'visibility', messageKey: 'planStaff.error.VISIBILITY_INVALID' },
  ACTION_INVALID: { status: 400, field: 'actionId', messageKey: 'planStaff.error.ACTION_INVALID' },
  NO_ATTENDED_ASSESSMENT: { status: 409, messageKey: 'planStaff.error.NO_ATTENDED_ASSESSMENT' },
  PLAN_EXISTS: { status: 409, messageKey: 'planStaff.error.PLAN_EXISTS' },
  NO_PLAN: { status: 409, messageKey: 'planStaff.error.NO_PLAN' },
  EMPTY_PLAN: { status: 409, messageKey: 'planStaff.error.EMPTY_PLAN' },
  ALREADY_PUBLISHED: { status: 409, messageKey: 'planStaff.error.ALREADY_PUBLISHED' },
  CHANGED: { status: 409, messageKey: 'planStaff.error.CHANGED' },
  AT_EDGE: { status: 409, messageKey: 'planStaff.error.AT_EDGE' },
  REMOVE_CHANGED: { status: 409, messageKey: 'planStaff.error.REMOVE_CHANGED' },
  NOTE_CHANGED: { status: 409, messageKey: 'planStaff.error.NOTE_CHANGED' },
  // The client's « J'ai terminé » on a stale page (the API answers its If-Match with 412 first).
  VERSION_CONFLICT: { status: 409, messageKey: 'plan.action.conflict' },
};
