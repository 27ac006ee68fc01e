import { DateTime } from 'luxon';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import { recordAudit } from '../audit/audit.repository';
import { type ClosedFile, countPersonalData, erasePersonalData, findAuditLinesOf, findClosedFilesBefore, type PersonalDataCounts, rewriteAuditLine } from './retention.repository';

export interface RetentionPlan {
  /** Files closed on or before this instant are due. */
  cutoff: string;
  files: { id: number; closedAt: string; counts: PersonalDataCounts }[];
}

/** The instant `years` years before `now`: files closed before it have been kept long enough. */
export function retentionCutoff(now: Date, years: number): string {
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus({ years }).toISO() as string;
}

/**
 * What the retention would do now, changing nothing: the due files (by account id: the listing
 * itself must not spread the personal data it is about to erase) and the rows it would touch.
 */
export async function planRetention(db: Db, input: { now: Date; years: number }): Promise<RetentionPlan> {
  const cutoff = retentionCutoff(input.now, input.years);
  const due = await findClosedFilesBefore(db, cutoff);
  const files = [];
  for (const file of due) files.push({ id: file.id, closedAt: file.closedAt, counts: await countPersonalData(db, file) });
  return { cutoff, files };
}

/**
 * Anonymizes every due file, each in its own transaction (a failure leaves the others done and
 * that one untouched; running again finishes the work: files already anonymized are skipped).
 * The account row stays, with its id, so the appointments, plan and statistics that refer to it
 * still hold together, but nothing in it, or around it, names the person any more.
 */
export async function applyRetention(db: Db, input: { now: Date; years: number }): Promise<RetentionPlan> {
  const cutoff = retentionCutoff(input.now, input.years);
  const at = input.now.toISOString();
  const files = [];
  for (const file of await findClosedFilesBefore(db, cutoff)) {
    const counts = await inTransaction(db, async (trx) => {
      const lines = await findAuditLinesOf(trx, file);
      for (const line of lines) await rewriteAuditLine(trx, line.id, scrubDetails(line.details, file));
      const erased = await erasePersonalData(trx, file, at);
      const done = { ...erased, auditLines: lines.length };
      await recordAudit(trx, { at, actorId: null, action: 'retention.anonymized', subjectType: 'account', subjectId: file.id, details: { closedAt: file.closedAt, cutoff, ...done } });
      return done;
    });
    files.push({ id: file.id, closedAt: file.closedAt, counts });
  }
  return { cutoff, files };
}

/** Keys whose values are personal by nature, whatever the action that wrote them. */
const PERSONAL_KEYS = /^(email|e_?mail|phone|phone_number|display_name|name|comment|cancel_comment|change_?note|subject(_fr|_en)?|address|video_link|body|password)$/i;
const REMOVED = '[anonymisé]';

/**
 * What an audit line about an anonymized person may keep: the facts (action, ids, statuses,
 * dates) without the personal values. Keys known to be personal go; any other text that
 * contains the person's e-mail is blanked.
 */
export function scrubDetails(details: string | null, file: Pick<ClosedFile, 'email'>): string | null {
  if (details === null) return null;
  const email = file.email.toLowerCase();
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return value.toLowerCase().includes(email) ? REMOVED : value;
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, PERSONAL_KEYS.test(key) && v !== null ? REMOVED : scrub(v)]));
    }
    return value;
  };
  try {
    return JSON.stringify(scrub(JSON.parse(details)));
  } catch {
    return details.toLowerCase().includes(email) ? REMOVED : details;
  }
}
