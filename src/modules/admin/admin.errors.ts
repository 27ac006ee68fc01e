import type { Refusal, RefusalTable } from '../../platform/errors';
import { PASSWORD_ERRORS, type PasswordCode } from '../accounts/account.errors';

/**
 * What is wrong with a field of a reference-data form (a cancellation reason, a catalogue action, a
 * closure day): several at once as `{ ok: false, code: 'INVALID', codes }`.
 */
export type ReferenceFieldCode =
  | 'LABEL_FR_REQUIRED'
  | 'LABEL_FR_TOO_LONG'
  | 'LABEL_FR_DUPLICATE'
  | 'LABEL_EN_REQUIRED'
  | 'LABEL_EN_TOO_LONG'
  | 'SORT_ORDER_REQUIRED'
  | 'SORT_ORDER_INVALID'
  | 'DOMAIN_REQUIRED'
  | 'TITLE_FR_REQUIRED'
  | 'TITLE_FR_TOO_LONG'
  | 'TITLE_EN_REQUIRED'
  | 'TITLE_EN_TOO_LONG'
  | 'DESCRIPTION_FR_TOO_LONG'
  | 'DESCRIPTION_EN_TOO_LONG'
  | 'DURATION_DAYS_REQUIRED'
  | 'DURATION_DAYS_INVALID'
  | 'DATE_REQUIRED'
  | 'DATE_INVALID'
  | 'DATE_DUPLICATE'
  | 'REGION_REQUIRED'
  | 'REGION_INVALID';

/** What is wrong with a field of « Ajouter un membre du personnel » or of a staff member's page (several at once). */
export type StaffFieldCode =
  | 'EMAIL_REQUIRED'
  | 'EMAIL_TOO_LONG'
  | 'EMAIL_INVALID'
  | 'EMAIL_TAKEN'
  | 'NAME_REQUIRED'
  | 'NAME_TOO_LONG'
  | 'ROLE_REQUIRED'
  | 'ROLE_INVALID'
  | 'TEAM_REQUIRED'
  | 'TEAM_UNKNOWN'
  | 'LANGUAGES_REQUIRED'
  | 'LANGUAGES_INVALID'
  | 'GENDER_INVALID'
  | 'VIDEO_ROOM_INVALID';

/** Why « Réassigner » is refused (several at once). */
export type ReassignFieldCode = 'CLIENTS_REQUIRED' | 'AGENT_REQUIRED' | 'AGENT_NOT_ACCEPTED' | 'NOTE_TOO_LONG';

/** Why a confirmed « Réassigner » is not carried out: the appointments changed since the preview. */
export type ReassignChangeCode = 'PLAN_CHANGED';

/** Why giving an unassigned request to an agent is refused (the manager is back on the list, with the message there). */
export type AssignRequestCode = 'ASSIGNEE_REQUIRED' | 'ASSIGNEE_NOT_ACCEPTED' | 'ALREADY_ASSIGNED';

/** Why sending an unassigned request to another team is refused. */
export type RequestTeamCode = 'TEAM_UNKNOWN' | 'ALREADY_ASSIGNED';

/** Why a staff member's deactivation or the invitation link is refused. */
export type StaffChangeCode = 'SELF' | 'LINK_INVALID' | PasswordCode;

/** Every refusal of the admin module: a closed union. */
export type AdminRefusalCode = 'INVALID' | ReferenceFieldCode | StaffFieldCode | ReassignFieldCode | ReassignChangeCode | AssignRequestCode | StaffChangeCode;

// A field's message reads « {field} : … » with the label of the field the page shows.
const required = (field: string): Refusal => ({ status: 400, field, messageKey: 'admin.error.REQUIRED' });
const tooLong = (field: string): Refusal => ({ status: 400, field, messageKey: 'admin.error.TOO_LONG' });
const invalid = (field: string): Refusal => ({ status: 400, field, messageKey: 'admin.error.INVALID' });
const duplicate = (field: string): Refusal => ({ status: 400, field, messageKey: 'admin.error.DUPLICATE' });

/** How the pages show each refusal: its status, the form field it belongs to (none: the whole form), its message. */
export const ADMIN_ERRORS: RefusalTable<AdminRefusalCode> = {
  INVALID: { status: 400, messageKey: 'error.badRequest.body' },
  // Reference data
  LABEL_FR_REQUIRED: required('labelFr'),
  LABEL_FR_TOO_LONG: tooLong('labelFr'),
  LABEL_FR_DUPLICATE: duplicate('labelFr'),
  LABEL_EN_REQUIRED: required('labelEn'),
  LABEL_EN_TOO_LONG: tooLong('labelEn'),
  SORT_ORDER_REQUIRED: required('sortOrder'),
  SORT_ORDER_INVALID: invalid('sortOrder'),
  DOMAIN_REQUIRED: required('domain'),
  TITLE_FR_REQUIRED: required('titleFr'),
  TITLE_FR_TOO_LONG: tooLong('titleFr'),
  TITLE_EN_REQUIRED: required('titleEn'),
  TITLE_EN_TOO_LONG: tooLong('titleEn'),
  DESCRIPTION_FR_TOO_LONG: tooLong('descriptionFr'),
  DESCRIPTION_EN_TOO_LONG: tooLong('descriptionEn'),
  DURATION_DAYS_REQUIRED: required('durationDays'),
  DURATION_DAYS_INVALID: invalid('durationDays'),
  DATE_REQUIRED: required('date'),
  DATE_INVALID: invalid('date'),
  DATE_DUPLICATE: duplicate('date'),
  REGION_REQUIRED: required('region'),
  REGION_INVALID: invalid('region'),
  // Staff
  EMAIL_REQUIRED: required('email'),
  EMAIL_TOO_LONG: tooLong('email'),
  EMAIL_INVALID: invalid('email'),
  EMAIL_TAKEN: { status: 400, field: 'email', messageKey: 'staff.error.emailTaken' },
  NAME_REQUIRED: required('name'),
  NAME_TOO_LONG: tooLong('name'),
  ROLE_REQUIRED: required('role'),
  ROLE_INVALID: invalid('role'),
  TEAM_REQUIRED: required('team'),
  // A team that is not in the list (a code typed by hand, or retired since the page was shown).
  TEAM_UNKNOWN: { status: 400, field: 'team', messageKey: 'staff.error.teamUnknown' },
  LANGUAGES_REQUIRED: required('languages'),
  LANGUAGES_INVALID: invalid('languages'),
  GENDER_INVALID: invalid('gender'),
  VIDEO_ROOM_INVALID: { status: 400, field: 'videoRoom', messageKey: 'staff.error.videoRoom' },
  SELF: { status: 303, messageKey: 'staff.self' },
  LINK_INVALID: { status: 400, messageKey: 'invitation.invalid.title' },
  ...PASSWORD_ERRORS,
  // « Réassigner »
  CLIENTS_REQUIRED: { status: 400, field: 'clients', messageKey: 'admin.reassign.CLIENTS_REQUIRED' },
  AGENT_REQUIRED: { status: 400, field: 'agent', messageKey: 'admin.reassign.AGENT_REQUIRED' },
  AGENT_NOT_ACCEPTED: { status: 400, field: 'agent', messageKey: 'admin.assign.notAccepted' },
  NOTE_TOO_LONG: { status: 400, field: 'note', messageKey: 'admin.reassign.NOTE_TOO_LONG' },
  PLAN_CHANGED: { status: 409, messageKey: 'admin.reassign.PLAN_CHANGED' },
  ASSIGNEE_REQUIRED: { status: 303, messageKey: 'admin.assign.agentRequired' },
  // Not a flag in the address: the list is shown again, refused, with the message (a tool posting it sees a 409).
  ASSIGNEE_NOT_ACCEPTED: { status: 409, messageKey: 'admin.assign.notAccepted' },
  ALREADY_ASSIGNED: { status: 303, messageKey: 'admin.assign.alreadyAssigned' },
};
