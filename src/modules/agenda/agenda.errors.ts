import type { RefusalTable } from '../../platform/errors';

/** Why the agenda's address is refused (`?vue=jour|semaine&date=YYYY-MM-DD`). */
export type AgendaRefusalCode = 'DATE_INVALID' | 'VIEW_INVALID';

/** How the pages show each refusal: a 400 page that says what to write. */
export const AGENDA_ERRORS: RefusalTable<AgendaRefusalCode> = {
  DATE_INVALID: { status: 400, messageKey: 'agenda.error.DATE_INVALID' },
  VIEW_INVALID: { status: 400, messageKey: 'agenda.error.VIEW_INVALID' },
};
