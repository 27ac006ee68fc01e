import type { RefusalTable } from '../../platform/errors';

/** What is wrong with an answer of the request form (several at once: `{ ok: false, code: 'INVALID', codes }`). */
export type IntakeFieldCode =
  | 'LOCATION_INVALID'
  | 'ARRIVAL_DATE_REQUIRED'
  | 'ARRIVAL_DATE_MISSING_DAY'
  | 'ARRIVAL_DATE_MISSING_MONTH'
  | 'ARRIVAL_DATE_MISSING_YEAR'
  | 'ARRIVAL_DATE_MISSING_DAY_MONTH'
  | 'ARRIVAL_DATE_MISSING_DAY_YEAR'
  | 'ARRIVAL_DATE_MISSING_MONTH_YEAR'
  | 'ARRIVAL_DATE_YEAR_FORMAT'
  | 'ARRIVAL_DATE_INVALID'
  | 'ARRIVAL_DATE_OUT_OF_RANGE'
  | 'ARRIVAL_DATE_FUTURE'
  | 'ARRIVAL_DATE_PAST'
  | 'STATUS_INVALID'
  | 'FILE_NUMBER_INVALID'
  | 'ADULTS_INVALID'
  | 'CHILDREN_INVALID'
  | 'OTHER_LANGUAGES_TOO_LONG'
  | 'LANGUAGES_REQUIRED'
  | 'MODE_INVALID'
  | 'REGION_INVALID'
  | 'PHONE_REQUIRED'
  | 'PHONE_INVALID'
  | 'TIME_ZONE_INVALID'
  | 'DAYS_REQUIRED'
  | 'PERIODS_REQUIRED'
  | 'INTERPRETER_INVALID'
  | 'INTERPRETER_LANGUAGE_INVALID'
  | 'INTERPRETER_LANGUAGE_TOO_LONG'
  | 'ACCESSIBILITY_TOO_LONG';

/** Every refusal of the requests module: a closed union. */
export type RequestRefusalCode = 'INVALID' | 'ALREADY_ACTIVE' | 'INCOMPLETE' | 'ALREADY_TAKEN' | IntakeFieldCode;

/** How the pages show each refusal: its status (303: the page sends the person on, with the message there), the form field it belongs to (none: the whole form), its message. */
export const REQUEST_ERRORS: RefusalTable<RequestRefusalCode> = {
  INVALID: { status: 400, messageKey: 'error.badRequest.body' },
  ALREADY_ACTIVE: { status: 303, messageKey: 'intake.alreadyActive' },
  INCOMPLETE: { status: 400, messageKey: 'error.badRequest.body' },
  ALREADY_TAKEN: { status: 303, messageKey: 'workspace.queue.alreadyTaken' },
  LOCATION_INVALID: { status: 400, field: 'location', messageKey: 'intake.error.location' },
  // The date's three boxes: the summary links to the first box in error (GOV.UK's date input).
  ARRIVAL_DATE_REQUIRED: { status: 400, field: 'arrivalDate-day', messageKey: 'intake.error.arrivalDate.required' },
  ARRIVAL_DATE_MISSING_DAY: { status: 400, field: 'arrivalDate-day', messageKey: 'intake.error.arrivalDate.missingDay' },
  ARRIVAL_DATE_MISSING_MONTH: { status: 400, field: 'arrivalDate-month', messageKey: 'intake.error.arrivalDate.missingMonth' },
  ARRIVAL_DATE_MISSING_YEAR: { status: 400, field: 'arrivalDate-year', messageKey: 'intake.error.arrivalDate.missingYear' },
  ARRIVAL_DATE_MISSING_DAY_MONTH: { status: 400, field: 'arrivalDate-day', messageKey: 'intake.error.arrivalDate.missingDayMonth' },
  ARRIVAL_DATE_MISSING_DAY_YEAR: { status: 400, field: 'arrivalDate-day', messageKey: 'intake.error.arrivalDate.missingDayYear' },
  ARRIVAL_DATE_MISSING_MONTH_YEAR: { status: 400, field: 'arrivalDate-month', messageKey: 'intake.error.arrivalDate.missingMonthYear' },
  ARRIVAL_DATE_YEAR_FORMAT: { status: 400, field: 'arrivalDate-year', messageKey: 'intake.error.arrivalDate.yearFormat' },
  ARRIVAL_DATE_INVALID: { status: 400, field: 'arrivalDate-day', messageKey: 'intake.error.arrivalDate.invalid' },
  ARRIVAL_DATE_OUT_OF_RANGE: { status: 400, field: 'arrivalDate-year', messageKey: 'intake.error.arrivalDate.outOfRange' },
  ARRIVAL_DATE_FUTURE: { status: 400, field: 'arrivalDate-day', messageKey: 'intake.error.arrivalDate.future' },
  ARRIVAL_DATE_PAST: { status: 400, field: 'arrivalDate-day', messageKey: 'intake.error.arrivalDate.past' },
  STATUS_INVALID: { status: 400, field: 'status', messageKey: 'intake.error.status' },
  FILE_NUMBER_INVALID: { status: 400, field: 'fileNumber', messageKey: 'intake.error.fileNumber' },
  ADULTS_INVALID: { status: 400, field: 'adults', messageKey: 'intake.error.count' },
  CHILDREN_INVALID: { status: 400, field: 'children', messageKey: 'intake.error.count' },
  OTHER_LANGUAGES_TOO_LONG: { status: 400, field: 'otherLanguages', messageKey: 'intake.error.tooLong' },
  LANGUAGES_REQUIRED: { status: 400, field: 'languages', messageKey: 'intake.error.languages' },
  MODE_INVALID: { status: 400, field: 'mode', messageKey: 'intake.error.mode' },
  REGION_INVALID: { status: 400, field: 'region', messageKey: 'intake.error.region' },
  PHONE_REQUIRED: { status: 400, field: 'phone', messageKey: 'intake.error.phone.required' },
  PHONE_INVALID: { status: 400, field: 'phone', messageKey: 'intake.error.phone.invalid' },
  TIME_ZONE_INVALID: { status: 400, field: 'timeZone', messageKey: 'intake.error.timeZone' },
  DAYS_REQUIRED: { status: 400, field: 'days', messageKey: 'intake.error.days' },
  PERIODS_REQUIRED: { status: 400, field: 'periods', messageKey: 'intake.error.periods' },
  INTERPRETER_INVALID: { status: 400, field: 'interpreter', messageKey: 'intake.error.interpreter' },
  INTERPRETER_LANGUAGE_INVALID: { status: 400, field: 'interpreterLanguage', messageKey: 'intake.error.interpreterLanguage' },
  INTERPRETER_LANGUAGE_TOO_LONG: { status: 400, field: 'interpreterLanguage', messageKey: 'intake.error.tooLong' },
  ACCESSIBILITY_TOO_LONG: { status: 400, field: 'accessibility', messageKey: 'intake.error.tooLong' },
};
