import { DateTime } from 'luxon';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { AuditAction, AuditDetails } from '../../platform/audit/audit-actions';
import { recordAudit } from '../../platform/audit/audit.repository';
import { createBusinessCalendar } from '../../platform/business-time/business-calendar';
import { findAllClosureDays, findClosureDay, updateClosureDay, upsertClosureDay } from '../../platform/business-time/closure-day.repository';
import type { ClosureDay } from '../../platform/business-time/closure-day.tables';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { CancellationReason } from '../appointments/appointment.tables';
import { DOMAINS, type DomainCode } from '../plans/domains';
import type { CatalogueEntry } from '../plans/plan.tables';
import type { ReferenceFieldCode } from './admin.errors';
import { assertManager } from './admin.policy';
import { findCatalogue, findCatalogueEntryById, findReasonByCode, findReasons, insertCatalogueEntry, insertReason, updateCatalogueEntry, updateReason } from './reference-data.repository';

export type { CancellationReason, CatalogueEntry, ClosureDay };

export const LABEL_MAX = 200;
export const DESCRIPTION_MAX = 2000;

/** Refused: what is wrong with the form, several codes at once (admin.errors.ts gives each its field and message). */
export type SaveResult<T = undefined> = { ok: true; value: T } | { ok: false; code: 'INVALID'; codes: ReferenceFieldCode[] };

/** The labels and titles of the forms, each with its codes `<NAME>_REQUIRED` and `<NAME>_TOO_LONG`. */
type Labelled = 'LABEL_FR' | 'LABEL_EN' | 'TITLE_FR' | 'TITLE_EN';

function label(errors: ReferenceFieldCode[], name: Labelled, value: string, max = LABEL_MAX): string {
  const text = value.trim();
  if (!text) errors.push(`${name}_REQUIRED`);
  else if (text.length > max) errors.push(`${name}_TOO_LONG`);
  return text;
}

function integer(errors: ReferenceFieldCode[], name: 'SORT_ORDER' | 'DURATION_DAYS', value: string, min: number, max: number): number {
  const text = value.trim();
  if (!/^\d{1,6}$/.test(text) || Number(text) < min || Number(text) > max) {
    errors.push(text ? `${name}_INVALID` : `${name}_REQUIRED`);
    return min;
  }
  return Number(text);
}

const refused = (codes: ReferenceFieldCode[]) => ({ ok: false, code: 'INVALID', codes }) as const;

type ReferenceAction = Extract<AuditAction, `reference.${string}`>;

function audit<A extends ReferenceAction>(db: Db, actor: Actor, at: string, action: A, subjectType: string, subjectId: string | number, details: AuditDetails[A]) {
  return recordAudit<ReferenceAction>(db, { at, actorId: actor.id, action, subjectType, subjectId, ip: actor.ip ?? null, details });
}

// ---- Cancellation reasons ---------------------------------------------------------------------

export function listReasons(db: Db, actor: Actor): Promise<CancellationReason[]> {
  assertManager(actor);
  return findReasons(db);
}

export async function getReason(db: Db, actor: Actor, code: string): Promise<CancellationReason> {
  assertManager(actor);
  const reason = await findReasonByCode(db, code);
  if (!reason) throw new NotFoundError('REASON.NOT_FOUND');
  return reason;
}

export interface ReasonInput {
  labelFr: string;
  labelEn: string;
  sortOrder: string;
}

/** A code made from the French label (« Déménagement » → `demenagement`), unique. */
function codeFrom(labelFr: string, taken: Set<string>): string {
  const base =
    labelFr
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'raison';
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
  return code;
}

export async function addReason(db: Db, actor: Actor, input: ReasonInput, clock: Clock): Promise<SaveResult<string>> {
  assertManager(actor);
  const errors: ReferenceFieldCode[] = [];
  const labelFr = label(errors, 'LABEL_FR', input.labelFr);
  const labelEn = label(errors, 'LABEL_EN', input.labelEn);
  const sortOrder = integer(errors, 'SORT_ORDER', input.sortOrder, 0, 100_000);
  if (errors.length) return refused(errors);
  return inTransaction(db, async (trx) => {
    const existing = await findReasons(trx);
    if (existing.some((r) => r.label_fr.toLowerCase() === labelFr.toLowerCase())) return refused(['LABEL_FR_DUPLICATE']);
    const code = codeFrom(labelFr, new Set(existing.map((r) => r.code)));
    await insertReason(trx, { code, label_fr: labelFr, label_en: labelEn, active: 1, sort_order: sortOrder });
    await audit(trx, actor, clock().toISOString(), 'reference.reason.added', 'cancellation_reason', code, { labelFr, labelEn, sortOrder });
    return { ok: true, value: code };
  });
}

export async function editReason(db: Db, actor: Actor, code: string, input: ReasonInput, clock: Clock): Promise<SaveResult> {
  const before = await getReason(db, actor, code);
  const errors: ReferenceFieldCode[] = [];
  const labelFr = label(errors, 'LABEL_FR', input.labelFr);
  const labelEn = label(errors, 'LABEL_EN', input.labelEn);
  const sortOrder = integer(errors, 'SORT_ORDER', input.sortOrder, 0, 100_000);
  if (errors.length) return refused(errors);
  return inTransaction(db, async (trx) => {
    await updateReason(trx, code, { label_fr: labelFr, label_en: labelEn, sort_order: sortOrder });
    await audit(trx, actor, clock().toISOString(), 'reference.reason.edited', 'cancellation_reason', code, {
      before: { labelFr: before.label_fr, labelEn: before.label_en, sortOrder: before.sort_order },
      after: { labelFr, labelEn, sortOrder },
    });
    return { ok: true, value: undefined };
  });
}

/** Retires (or brings back) a reason: clients no longer choose it; cancellations that used it keep it. */
export async function setReasonActive(db: Db, actor: Actor, code: string, active: boolean, clock: Clock): Promise<void> {
  await getReason(db, actor, code);
  await inTransaction(db, async (trx) => {
    await updateReason(trx, code, { active: active ? 1 : 0 });
    await audit(trx, actor, clock().toISOString(), active ? 'reference.reason.restored' : 'reference.reason.retired', 'cancellation_reason', code, {});
  });
}

// ---- Action catalogue -------------------------------------------------------------------------

export function listCatalogue(db: Db, actor: Actor): Promise<CatalogueEntry[]> {
  assertManager(actor);
  return findCatalogue(db);
}

export async function getCatalogueEntry(db: Db, actor: Actor, id: number): Promise<CatalogueEntry> {
  assertManager(actor);
  const entry = await findCatalogueEntryById(db, id);
  if (!entry) throw new NotFoundError('CATALOGUE.NOT_FOUND');
  return entry;
}

export interface CatalogueInput {
  domain: string;
  titleFr: string;
  titleEn: string;
  descriptionFr: string;
  descriptionEn: string;
  durationDays: string;
  sortOrder: string;
}

function checkCatalogue(input: CatalogueInput): SaveResult<Omit<CatalogueEntry, 'id' | 'active'>> {
  const errors: ReferenceFieldCode[] = [];
  if (!DOMAINS.includes(input.domain as DomainCode)) errors.push('DOMAIN_REQUIRED');
  const title_fr = label(errors, 'TITLE_FR', input.titleFr);
  const title_en = label(errors, 'TITLE_EN', input.titleEn);
  const description_fr = input.descriptionFr.trim();
  const description_en = input.descriptionEn.trim();
  if (description_fr.length > DESCRIPTION_MAX) errors.push('DESCRIPTION_FR_TOO_LONG');
  if (description_en.length > DESCRIPTION_MAX) errors.push('DESCRIPTION_EN_TOO_LONG');
  const default_duration_days = integer(errors, 'DURATION_DAYS', input.durationDays, 1, 3650);
  const sort_order = integer(errors, 'SORT_ORDER', input.sortOrder, 0, 100_000);
  if (errors.length) return refused(errors);
  return { ok: true, value: { domain: input.domain as DomainCode, title_fr, title_en, description_fr, description_en, default_duration_days, sort_order } };
}

export async function addCatalogueEntry(db: Db, actor: Actor, input: CatalogueInput, clock: Clock): Promise<SaveResult<number>> {
  assertManager(actor);
  const checked = checkCatalogue(input);
  if (!checked.ok) return checked;
  return inTransaction(db, async (trx) => {
    const entry = await insertCatalogueEntry(trx, { ...checked.value, active: 1 });
    await audit(trx, actor, clock().toISOString(), 'reference.catalogue.added', 'action_catalogue', entry.id, { after: checked.value });
    return { ok: true, value: entry.id };
  });
}

export async function editCatalogueEntry(db: Db, actor: Actor, id: number, input: CatalogueInput, clock: Clock): Promise<SaveResult> {
  const before = await getCatalogueEntry(db, actor, id);
  const checked = checkCatalogue(input);
  if (!checked.ok) return checked;
  return inTransaction(db, async (trx) => {
    await updateCatalogueEntry(trx, id, checked.value);
    const { id: _id, active: _active, ...previous } = before;
    await audit(trx, actor, clock().toISOString(), 'reference.catalogue.edited', 'action_catalogue', id, { before: previous, after: checked.value });
    return { ok: true, value: undefined };
  });
}

/** Retires (or brings back) a catalogue entry: agents no longer pick it; actions made from it stay. */
export async function setCatalogueEntryActive(db: Db, actor: Actor, id: number, active: boolean, clock: Clock): Promise<void> {
  await getCatalogueEntry(db, actor, id);
  await inTransaction(db, async (trx) => {
    await updateCatalogueEntry(trx, id, { active: active ? 1 : 0 });
    await audit(trx, actor, clock().toISOString(), active ? 'reference.catalogue.restored' : 'reference.catalogue.retired', 'action_catalogue', id, {});
  });
}

// ---- Closure days and holidays ----------------------------------------------------------------

export interface Holiday {
  date: string;
  name: string;
}

/**
 * The public holidays of the business calendar for these years, as the deadlines count them (shown
 * to the manager, not edited: they come from the calendar, ARCHITECTURE.md §2).
 */
export function holidaysOf(years: number[]): Holiday[] {
  const calendar = createBusinessCalendar({ closureDays: [], dayStartHour: 8, dayEndHour: 16 });
  const holidays: Holiday[] = [];
  for (const year of years) {
    for (let day = DateTime.fromISO(`${year}-01-01`, { zone: 'utc' }); day.year === year; day = day.plus({ days: 1 })) {
      const iso = day.toISODate()!;
      const name = calendar.holidayName(iso);
      // A Sunday holiday moved to the Monday is listed on the Monday only.
      if (name && day.weekday !== 7) holidays.push({ date: iso, name });
    }
  }
  return holidays;
}

export interface ClosureDaysView {
  days: ClosureDay[];
  holidays: Holiday[];
}

export async function closureDaysView(db: Db, actor: Actor, clock: Clock): Promise<ClosureDaysView> {
  assertManager(actor);
  const year = DateTime.fromJSDate(clock(), { zone: 'America/Toronto' }).year;
  return { days: await findAllClosureDays(db), holidays: holidaysOf([year, year + 1]) };
}

export async function getClosureDay(db: Db, actor: Actor, date: string): Promise<ClosureDay> {
  assertManager(actor);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? await findClosureDay(db, date) : undefined;
  if (!day) throw new NotFoundError('CLOSURE_DAY.NOT_FOUND');
  return day;
}

export interface ClosureDayInput {
  date: string;
  labelFr: string;
  labelEn: string;
}

function checkDate(errors: ReferenceFieldCode[], value: string): string {
  const text = value.trim();
  if (!text) errors.push('DATE_REQUIRED');
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !DateTime.fromISO(text, { zone: 'utc' }).isValid || Number(text.slice(0, 4)) < 2000 || Number(text.slice(0, 4)) > 2100) {
    errors.push('DATE_INVALID');
  }
  return text;
}

/** Adds a closure day (or brings a retired one back): deadlines computed from now on skip it. */
export async function addClosureDay(db: Db, actor: Actor, input: ClosureDayInput, clock: Clock): Promise<SaveResult<string>> {
  assertManager(actor);
  const errors: ReferenceFieldCode[] = [];
  const date = checkDate(errors, input.date);
  const labelFr = label(errors, 'LABEL_FR', input.labelFr);
  const labelEn = label(errors, 'LABEL_EN', input.labelEn);
  if (errors.length) return refused(errors);
  return inTransaction(db, async (trx) => {
    const existing = await findClosureDay(trx, date);
    if (existing?.active === 1) return refused(['DATE_DUPLICATE']);
    await upsertClosureDay(trx, { date, label_fr: labelFr, label_en: labelEn });
    await audit(trx, actor, clock().toISOString(), 'reference.closure_day.added', 'closure_day', date, { labelFr, labelEn });
    return { ok: true, value: date };
  });
}

export async function editClosureDay(db: Db, actor: Actor, date: string, input: Omit<ClosureDayInput, 'date'>, clock: Clock): Promise<SaveResult> {
  const before = await getClosureDay(db, actor, date);
  const errors: ReferenceFieldCode[] = [];
  const labelFr = label(errors, 'LABEL_FR', input.labelFr);
  const labelEn = label(errors, 'LABEL_EN', input.labelEn);
  if (errors.length) return refused(errors);
  return inTransaction(db, async (trx) => {
    await updateClosureDay(trx, date, { label_fr: labelFr, label_en: labelEn });
    await audit(trx, actor, clock().toISOString(), 'reference.closure_day.edited', 'closure_day', date, {
      before: { labelFr: before.label_fr, labelEn: before.label_en },
      after: { labelFr, labelEn },
    });
    return { ok: true, value: undefined };
  });
}

export async function setClosureDayActive(db: Db, actor: Actor, date: string, active: boolean, clock: Clock): Promise<void> {
  await getClosureDay(db, actor, date);
  await inTransaction(db, async (trx) => {
    await updateClosureDay(trx, date, { active: active ? 1 : 0 });
    await audit(trx, actor, clock().toISOString(), active ? 'reference.closure_day.restored' : 'reference.closure_day.retired', 'closure_day', date, {});
  });
}
