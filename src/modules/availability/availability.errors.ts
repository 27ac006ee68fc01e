import type { RefusalTable } from '../../platform/errors';

/** Why « Mes disponibilités » refuses the weekly hours (one code per day at fault, with the day). */
export type HoursCode = 'HOURS_INVALID' | 'HOURS_ORDER' | 'HOURS_TOO_SHORT';

/** Why an absence is refused (several at once). */
export type AbsenceCode = 'KIND_INVALID' | 'LABEL_REQUIRED' | 'LABEL_TOO_LONG' | 'START_INVALID' | 'END_INVALID' | 'END_BEFORE_START' | 'ABSENCE_PAST' | 'ABSENCE_TOO_LONG';

/** Every refusal of the availability module: a closed union. */
export type AvailabilityRefusalCode = 'INVALID' | HoursCode | AbsenceCode;

/** How the pages show each refusal: its status, the form field it belongs to and its message. */
export const AVAILABILITY_ERRORS: RefusalTable<AvailabilityRefusalCode> = {
  INVALID: { status: 400, messageKey: 'error.badRequest.body' },
  HOURS_INVALID: { status: 400, messageKey: 'availability.error.HOURS_INVALID' },
  HOURS_ORDER: { status: 400, messageKey: 'availability.error.HOURS_ORDER' },
  HOURS_TOO_SHORT: { status: 400, messageKey: 'availability.error.HOURS_TOO_SHORT' },
  KIND_INVALID: { status: 400, field: 'kind', messageKey: 'availability.error.KIND_INVALID' },
  LABEL_REQUIRED: { status: 400, field: 'label', messageKey: 'availability.error.LABEL_REQUIRED' },
  LABEL_TOO_LONG: { status: 400, field: 'label', messageKey: 'availability.error.LABEL_TOO_LONG' },
  START_INVALID: { status: 400, field: 'startsOn', messageKey: 'availability.error.START_INVALID' },
  END_INVALID: { status: 400, field: 'endsOn', messageKey: 'availability.error.END_INVALID' },
  END_BEFORE_START: { status: 400, field: 'endsOn', messageKey: 'availability.error.END_BEFORE_START' },
  ABSENCE_PAST: { status: 400, field: 'endsOn', messageKey: 'availability.error.ABSENCE_PAST' },
  ABSENCE_TOO_LONG: { status: 400, field: 'endsOn', messageKey: 'availability.error.ABSENCE_TOO_LONG' },
};
