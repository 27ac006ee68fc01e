import { DateTime } from 'luxon';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { auditActionLabel } from '../../platform/audit/audit-labels';
import { recordAudit } from '../../platform/audit/audit.repository';
import { QUEBEC_ZONE } from '../../platform/business-time/business-calendar';
import type { Clock } from '../../platform/clock';
import type { Locale } from '../../platform/i18n/locale';
import type { Translate } from '../../platform/i18n/translate';
import { assertManager } from './admin.policy';
import { type AuditFilters, searchAuditLog } from './audit-log.repository';

export const AUDIT_PAGE_SIZE = 50;
/** Lines in one CSV export at most (narrow the search for more). */
export const AUDIT_EXPORT_MAX = 20_000;

export interface AuditSearch {
  person: string;
  client: string;
  action: string;
  /** 'YYYY-MM-DD', Québec dates, both included. */
  from: string;
  to: string;
}

export type AuditLine = Awaited<ReturnType<typeof searchAuditLog>>['rows'][number];

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: QUEBEC_ZONE }).isValid;

/** The form's words as filters; a date or a file number that cannot be read is ignored (and said so by the page). */
export function auditFilters(search: AuditSearch): AuditFilters {
  const client = /^(?:aq-?)?0*(\d{1,10})$/i.exec(search.client.trim());
  return {
    person: search.person.trim() || undefined,
    clientId: client ? Number(client[1]) : undefined,
    action: search.action.trim() || undefined,
    from: isDate(search.from) ? DateTime.fromISO(search.from, { zone: QUEBEC_ZONE }).toUTC().toISO()! : undefined,
    to: isDate(search.to) ? DateTime.fromISO(search.to, { zone: QUEBEC_ZONE }).plus({ days: 1 }).toUTC().toISO()! : undefined,
  };
}

/** « Journal d'audit »: one page of the matching lines, newest first. Reading it changes nothing. */
export async function searchAudit(db: Db, actor: Actor, search: AuditSearch, page: number) {
  assertManager(actor);
  const current = Math.max(1, page);
  const { rows, total } = await searchAuditLog(db, auditFilters(search), { limit: AUDIT_PAGE_SIZE, offset: (current - 1) * AUDIT_PAGE_SIZE });
  return { rows, total, page: current, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/**
 * One CSV cell: quoted, quotes doubled, and a cell a spreadsheet would run as a formula
 * (=, +, -, @, or a tab/carriage return first) prefixed with an apostrophe (OWASP "CSV injection").
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The export's columns, in order: each header is the catalogue's `admin.audit.csv.<column>`. */
const CSV_COLUMNS = ['id', 'at', 'actorId', 'actor', 'action', 'actionLabel', 'clientId', 'client', 'subjectType', 'subjectId', 'ip', 'details'] as const;

/**
 * The separator a spreadsheet opened in that language expects: Excel (and LibreOffice) in French
 * read « ; » between cells, the comma being the decimal mark; in English, the comma.
 */
export const csvSeparator = (locale: Locale) => (locale === 'fr' ? ';' : ',');

/** An instant as Québec's wall-clock time, `2026-11-25 10:00:00`: what spreadsheets read as a date and time in either language. */
const quebecTime = (at: string | Date) => DateTime.fromJSDate(new Date(at)).setZone(QUEBEC_ZONE).toFormat('yyyy-LL-dd HH:mm:ss');

/**
 * The matching lines as CSV (the export itself is audited: who took a copy of the log, and of what),
 * for the manager's spreadsheet: headers in their language, times in Québec's time (the header says
 * so), « ; » between cells in French and « , » in English (csvSeparator). Each action's code for
 * tools, and beside it the sentence people read.
 */
export async function exportAudit(db: Db, actor: Actor, search: AuditSearch, clock: Clock, t: Translate, locale: Locale): Promise<string> {
  assertManager(actor);
  const { rows } = await searchAuditLog(db, auditFilters(search), { limit: AUDIT_EXPORT_MAX, offset: 0 });
  await recordAudit(db, { at: clock().toISOString(), actorId: actor.id, action: 'audit.exported', ip: actor.ip ?? null, details: { search: { ...search }, lines: rows.length } });
  const separator = csvSeparator(locale);
  const header = CSV_COLUMNS.map((column) => t(`admin.audit.csv.${column}`));
  const lines = rows.map((row) =>
    [row.id, quebecTime(row.at), row.actor_id, row.actor_email, row.action, auditActionLabel(t, row.action), row.client_id, row.client_name, row.subject_type, row.subject_id, row.ip, row.details]
      .map(csvCell)
      .join(separator),
  );
  return `${[header.map(csvCell).join(separator), ...lines].join('\r\n')}\r\n`;
}
