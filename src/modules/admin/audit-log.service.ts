import { DateTime } from 'luxon';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { auditActionLabel } from '../../platform/audit/audit-labels';
import { recordAudit } from '../../platform/audit/audit.repository';
import { QUEBEC_ZONE } from '../../platform/business-time/business-calendar';
import type { Clock } from '../../platform/clock';
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

/**
 * The matching lines as CSV (the export itself is audited: who took a copy of the log, and of what).
 * Each action's code for tools, and beside it the sentence people read, in the manager's language.
 */
export async function exportAudit(db: Db, actor: Actor, search: AuditSearch, clock: Clock, t: Translate): Promise<string> {
  assertManager(actor);
  const { rows } = await searchAuditLog(db, auditFilters(search), { limit: AUDIT_EXPORT_MAX, offset: 0 });
  await recordAudit(db, { at: clock().toISOString(), actorId: actor.id, action: 'audit.exported', ip: actor.ip ?? null, details: { search: { ...search }, lines: rows.length } });
  const header = ['id', 'at', 'actor_id', 'actor', 'action', 'action_label', 'client_id', 'client', 'subject_type', 'subject_id', 'ip', 'details'];
  const lines = rows.map((row) =>
    [row.id, row.at, row.actor_id, row.actor_email, row.action, auditActionLabel(t, row.action), row.client_id, row.client_name, row.subject_type, row.subject_id, row.ip, row.details].map(csvCell).join(','),
  );
  return `${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}
