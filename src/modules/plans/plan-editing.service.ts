import { DateTime } from 'luxon';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import { QUEBEC_ZONE, quebecDate } from '../../platform/business-time/quebec-time';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { ActionFieldCode, PlanChangeCode } from './plan.errors';
import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { type ClientIdentity, clientRecipient, getClient } from '../accounts/directory.service';
import { hasAttendedAssessment } from '../appointments/appointment.service';
import type { MessageContent } from '../messages/message.service';
import { notifyClient } from '../messages/message.service';
import { DOMAINS, type DomainCode } from './domains';
import {
  countActionsOfPlan,
  deleteActionIfVersion,
  findActionsInDomain,
  findActiveCatalogue,
  findCatalogueEntry,
  insertPlanOnce,
  nextPositionInDomain,
  publishPlanIfDraft,
  setActionPosition,
  touchPlan,
  updateActionContentIfVersion,
} from './plan-editing.repository';
import { mayEditPlans, planAccess } from './plan.policy';
import { findNotesOfClient } from './note.repository';
import { formDedupeKey } from './note.service';
import { findAction, findActionsOfPlan, findPlanOfClient, insertAction, insertActionOnce } from './plan.repository';
import type { CatalogueEntry, Plan, PlanAction, PlanNote } from './plan.tables';

/** What the plan rules need from the platform. */
export interface PlanEditingDeps {
  clock: Clock;
  publicUrl: string;
}

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const USEFUL_INFO_MAX = 2000;

function refuseClients(actor: Actor, code: string): void {
  // A client never reaches the editing rules: to them these things do not exist.
  if (!mayEditPlans(actor)) throw new NotFoundError(code);
}

function auditBase(actor: Actor, at: string, clientId: number) {
  return { at, actorId: actor.id, clientId, ip: actor.ip ?? null };
}

// ---------------------------------------------------------------------------------------------
// Reading the plan as staff see it

export interface StaffActionView {
  action: PlanAction;
  notes: PlanNote[];
  isFirst: boolean;
  isLast: boolean;
}

export interface StaffPlanView {
  client: ClientIdentity;
  plan: Plan | null;
  /** « Créer le plan » is offered: no plan yet and an attended needs assessment. */
  mayCreate: boolean;
  /** The five domains in order, each with its actions in the client's order. */
  domains: Array<{ domain: DomainCode; actions: StaffActionView[] }>;
}

/** The client's plan (draft or published) with every action and its notes, for the staff plan page. */
export async function staffPlan(db: Db, actor: Actor, clientId: number): Promise<StaffPlanView> {
  refuseClients(actor, 'CLIENT.NOT_FOUND');
  const client = await getClient(db, actor, clientId);
  const access = planAccess(actor);
  const plan = (await findPlanOfClient(db, access, client.id)) ?? null;
  if (!plan) {
    const mayCreate = await hasAttendedAssessment(db, actor, client.id);
    return { client, plan, mayCreate, domains: DOMAINS.map((domain) => ({ domain, actions: [] })) };
  }
  const [actions, notes] = await Promise.all([findActionsOfPlan(db, plan.id), findNotesOfClient(db, access, client.id)]);
  const views = actions.map((action) => ({ action, notes: notes.filter((note) => note.action_id === action.id) }));
  return {
    client,
    plan,
    mayCreate: false,
    domains: DOMAINS.map((domain) => {
      const inDomain = views.filter((view) => view.action.domain === domain);
      return { domain, actions: inDomain.map((view, index) => ({ ...view, isFirst: index === 0, isLast: index === inDomain.length - 1 })) };
    }),
  };
}

/** One action of the client's plan, for its edit and removal pages; another client's → not found. */
export async function actionOfClient(db: Db, actor: Actor, input: { clientId: number; actionId: number }): Promise<{ client: ClientIdentity; action: PlanAction }> {
  refuseClients(actor, 'PLAN.ACTION_NOT_FOUND');
  const client = await getClient(db, actor, input.clientId);
  const found = await findAction(db, planAccess(actor), input.actionId);
  if (!found || found.client_id !== client.id) throw new NotFoundError('PLAN.ACTION_NOT_FOUND');
  const { client_id: _clientId, ...action } = found;
  return { client, action };
}

// ---------------------------------------------------------------------------------------------
// The catalogue of common actions

export interface CatalogueChoice {
  id: number;
  domain: DomainCode;
  title: string;
  description: string;
  defaultDurationDays: number;
}

function choiceOf(entry: CatalogueEntry, lang: Locale): CatalogueChoice {
  return {
    id: entry.id,
    domain: entry.domain,
    title: lang === 'en' ? entry.title_en : entry.title_fr,
    description: lang === 'en' ? entry.description_en : entry.description_fr,
    defaultDurationDays: entry.default_duration_days,
  };
}

/** The active catalogue entries in the agent's language, in domain order. */
export async function listCatalogue(db: Db, actor: Actor, input: { lang: Locale }): Promise<CatalogueChoice[]> {
  refuseClients(actor, 'CATALOGUE.NOT_FOUND');
  const entries = await findActiveCatalogue(db);
  const order = (domain: DomainCode) => DOMAINS.indexOf(domain);
  return entries.map((entry) => choiceOf(entry, input.lang)).sort((a, b) => order(a.domain) - order(b.domain));
}

export interface ActionDraft {
  catalogueId: number | null;
  domain: DomainCode | '';
  title: string;
  description: string;
  dueOn: string;
  usefulInfo: string;
}

/**
 * What picking a catalogue entry puts in the « Ajouter une action » form: its domain, title and
 * description in the agent's language, and « Date de fin » today (Québec) plus its usual duration.
 * Undefined for an unknown or retired entry.
 */
export async function draftFromCatalogue(db: Db, actor: Actor, input: { catalogueId: number; lang: Locale }, clock: Clock): Promise<ActionDraft | undefined> {
  refuseClients(actor, 'CATALOGUE.NOT_FOUND');
  const entry = await findCatalogueEntry(db, input.catalogueId);
  if (entry?.active !== 1) return undefined;
  const choice = choiceOf(entry, input.lang);
  const dueOn = suggestedDueOn(choice.defaultDurationDays, clock);
  return { catalogueId: choice.id, domain: choice.domain, title: choice.title, description: choice.description, dueOn, usefulInfo: '' };
}

// ---------------------------------------------------------------------------------------------
// Creating and publishing

export type CreatePlanResult = { ok: true; plan: Plan } | { ok: false; code: 'NO_ATTENDED_ASSESSMENT' } | { ok: false; code: 'PLAN_EXISTS'; plan: Plan };

/**
 * « Créer le plan »: a draft (`brouillon`) for a client of the actor's reach, only once their
 * needs assessment was attended. One plan per client: a second request, even in parallel, gets
 * the existing plan with PLAN_EXISTS.
 */
export async function createPlan(db: Db, actor: Actor, input: { clientId: number }, deps: Pick<PlanEditingDeps, 'clock'>): Promise<CreatePlanResult> {
  refuseClients(actor, 'CLIENT.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const client = await getClient(trx, actor, input.clientId);
    const access = planAccess(actor);
    const existing = await findPlanOfClient(trx, access, client.id);
    if (existing) return { ok: false, code: 'PLAN_EXISTS', plan: existing };
    if (!(await hasAttendedAssessment(trx, actor, client.id))) return { ok: false, code: 'NO_ATTENDED_ASSESSMENT' };
    const at = deps.clock().toISOString();
    const agentId = client.agent_id ?? actor.id;
    const plan = await insertPlanOnce(trx, { client_id: client.id, agent_id: agentId, status: 'brouillon', published_at: null, published_by: null, created_at: at, updated_at: at });
    if (!plan) {
      const winner = await findPlanOfClient(trx, access, client.id);
      if (!winner) throw new Error('plan insert conflicted but no plan was found');
      return { ok: false, code: 'PLAN_EXISTS', plan: winner };
    }
    await recordAudit(trx, { ...auditBase(actor, at, client.id), action: 'plan.created', subjectType: 'plan', subjectId: plan.id, details: { after: { status: plan.status, agentId } } });
    return { ok: true, plan };
  });
}

/** The message-centre text of a published plan, in both languages. */
export function publishedPlanMessage(): MessageContent {
  const fr = translator('fr');
  const en = translator('en');
  return {
    subject: { fr: fr('planStaff.notify.published.subject'), en: en('planStaff.notify.published.subject') },
    body: { fr: fr('planStaff.notify.published.body'), en: en('planStaff.notify.published.body') },
  };
}

export type PublishResult = { ok: true; plan: Plan } | { ok: false; code: Extract<PlanChangeCode, 'NO_PLAN' | 'EMPTY_PLAN' | 'ALREADY_PUBLISHED'> };

/**
 * « Publier le plan »: the draft becomes what the client sees, and they get a message with its
 * e-mail notice (once per plan, by key). A plan without actions cannot be published. Later edits
 * need no publishing: the client reads the same rows.
 */
export async function publishPlan(db: Db, actor: Actor, input: { clientId: number }, deps: PlanEditingDeps): Promise<PublishResult> {
  refuseClients(actor, 'CLIENT.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const client = await getClient(trx, actor, input.clientId);
    const access = planAccess(actor);
    const found = await findPlanOfClient(trx, access, client.id);
    if (!found) return { ok: false, code: 'NO_PLAN' };
    const at = deps.clock().toISOString();
    await touchPlan(trx, found.id, at);
    const plan = (await findPlanOfClient(trx, access, client.id)) as Plan;
    if (plan.status !== 'brouillon') return { ok: false, code: 'ALREADY_PUBLISHED' };
    const count = await countActionsOfPlan(trx, plan.id);
    if (count === 0) return { ok: false, code: 'EMPTY_PLAN' };
    if (!(await publishPlanIfDraft(trx, plan.id, actor.id, at))) return { ok: false, code: 'ALREADY_PUBLISHED' };
    await notifyClient(trx, { client: await clientRecipient(trx, client.id), dedupeKey: `plan:${plan.id}:published`, content: publishedPlanMessage() }, deps);
    await recordAudit(trx, {
      ...auditBase(actor, at, client.id),
      action: 'plan.published',
      subjectType: 'plan',
      subjectId: plan.id,
      details: { before: { status: 'brouillon' }, after: { status: 'publie', actions: count } },
    });
    return { ok: true, plan: { ...plan, status: 'publie', published_at: at, published_by: actor.id, updated_at: at } };
  });
}

// ---------------------------------------------------------------------------------------------
// Actions

/** The fields of « Ajouter une action » / « Modifier », as typed. */
export interface ActionFields {
  domain: string;
  title: string;
  description: string;
  /** 'YYYY-MM-DD' or empty. */
  dueOn: string;
  usefulInfo: string;
  /** The language the agent writes in. */
  lang: Locale;
}

interface CheckedFields {
  domain: DomainCode;
  title: string;
  description: string;
  due_on: string | null;
  useful_info: string;
  lang: Locale;
}

const normalize = (text: string) => text.replace(/\r\n/g, '\n').trim();

/** A real calendar date written YYYY-MM-DD. */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = DateTime.fromISO(text, { zone: QUEBEC_ZONE });
  return date.isValid && date.toISODate() === text;
}

/**
 * The fields as stored, or why they are refused. A « Date de fin » in the past is refused only
 * when it changes (`keepDueOn`): an action whose planned date has passed can still be edited.
 */
function checkFields(input: ActionFields, now: Date, keepDueOn?: string | null): { fields: CheckedFields } | { errors: ActionFieldCode[] } {
  const errors: ActionFieldCode[] = [];
  const domain = (DOMAINS as readonly string[]).includes(input.domain) ? (input.domain as DomainCode) : null;
  if (!domain) errors.push('DOMAIN_INVALID');
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (!title) errors.push('TITLE_REQUIRED');
  else if (title.length > TITLE_MAX) errors.push('TITLE_TOO_LONG');
  const description = normalize(input.description);
  if (description.length > DESCRIPTION_MAX) errors.push('DESCRIPTION_TOO_LONG');
  const usefulInfo = normalize(input.usefulInfo);
  if (usefulInfo.length > USEFUL_INFO_MAX) errors.push('USEFUL_INFO_TOO_LONG');
  const dueOn = input.dueOn.trim() || null;
  if (dueOn !== null && !isCalendarDate(dueOn)) errors.push('DUE_INVALID');
  else if (dueOn !== null && dueOn !== keepDueOn && dueOn < quebecDate(now)) errors.push('DUE_IN_PAST');
  if (errors.length > 0 || !domain) return { errors };
  return { fields: { domain, title, description, due_on: dueOn, useful_info: usefulInfo, lang: input.lang } };
}

export type ActionResult = { ok: true; action: PlanAction } | { ok: false; code: 'INVALID'; codes: ActionFieldCode[] } | { ok: false; code: 'NO_PLAN' | 'CHANGED' };

/**
 * « Ajouter une action » to the client's plan (draft or published: a published plan shows it to
 * the client at once), at the end of its domain; from a catalogue entry or written freely.
 * `formKey` (the form's hidden key) makes the same form sent twice, even at once, add one action:
 * the second answer is the first action.
 */
export async function addAction(db: Db, actor: Actor, input: ActionFields & { clientId: number; catalogueId?: number | null; formKey?: string }, deps: Pick<PlanEditingDeps, 'clock'>): Promise<ActionResult> {
  refuseClients(actor, 'CLIENT.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const client = await getClient(trx, actor, input.clientId);
    const plan = await findPlanOfClient(trx, planAccess(actor), client.id);
    if (!plan) return { ok: false, code: 'NO_PLAN' };
    const now = deps.clock();
    const checked = checkFields(input, now);
    const errors = 'errors' in checked ? [...checked.errors] : [];
    let catalogueId: number | null = null;
    if (input.catalogueId) {
      const entry = await findCatalogueEntry(trx, input.catalogueId);
      if (entry?.active !== 1) errors.push('CATALOGUE_INVALID');
      else catalogueId = entry.id;
    }
    if (errors.length > 0 || 'errors' in checked) return { ok: false, code: 'INVALID', codes: errors };
    const at = now.toISOString();
    await touchPlan(trx, plan.id, at);
    const position = await nextPositionInDomain(trx, plan.id, checked.fields.domain);
    const row = { ...checked.fields, plan_id: plan.id, catalogue_id: catalogueId, status: 'a_faire' as const, completed_on: null, position, version: 1, created_at: at, updated_at: at };
    const { action, created } = input.formKey ? await insertActionOnce(trx, { ...row, dedupe_key: formDedupeKey(actor, client.id, input.formKey) }) : { action: await insertAction(trx, row), created: true };
    // The same form sent again: the action it added, already audited.
    if (!created) return { ok: true, action };
    await recordAudit(trx, {
      ...auditBase(actor, at, client.id),
      action: 'plan.action_added',
      subjectType: 'plan_action',
      subjectId: action.id,
      details: { planStatus: plan.status, after: contentOf(action) },
    });
    return { ok: true, action };
  });
}

/** One catalogue entry ticked on « Ajouter des actions du catalogue », with its « À terminer d'ici le » ('' for none). */
export interface CatalogueChoiceInput {
  catalogueId: number;
  dueOn: string;
}

/** Why one ticked entry is refused, named by its entry so the page puts the message beside it. */
export interface CatalogueChoiceCode {
  catalogueId: number;
  code: ActionFieldCode;
}

export type CatalogueActionsResult =
  | { ok: true; actions: PlanAction[] }
  | { ok: false; code: 'INVALID'; choiceCodes: CatalogueChoiceCode[]; codes: Extract<ActionFieldCode, 'NONE_CHOSEN'>[] }
  | { ok: false; code: 'NO_PLAN' };

/** « À terminer d'ici le » as offered for a catalogue entry: today (Québec) plus its usual duration. */
export function suggestedDueOn(defaultDurationDays: number, clock: Clock): string {
  return DateTime.fromISO(quebecDate(clock()), { zone: QUEBEC_ZONE }).plus({ days: defaultDurationDays }).toISODate() ?? '';
}

/**
 * « Ajouter les actions choisies »: every ticked catalogue entry becomes an action (its title and
 * description in the agent's language, last in its domain, in the catalogue's order), in one
 * transaction, each audited as « Ajouter une action » is. Every refusal comes back at once and
 * then nothing is added. `formKey` makes the same form sent twice add each action once: an entry's
 * key is the form's key and the entry's id.
 */
export async function addCatalogueActions(
  db: Db,
  actor: Actor,
  input: { clientId: number; choices: CatalogueChoiceInput[]; lang: Locale; formKey: string },
  deps: Pick<PlanEditingDeps, 'clock'>,
): Promise<CatalogueActionsResult> {
  refuseClients(actor, 'CLIENT.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const client = await getClient(trx, actor, input.clientId);
    const plan = await findPlanOfClient(trx, planAccess(actor), client.id);
    if (!plan) return { ok: false, code: 'NO_PLAN' };
    // A box ticked twice (a repeated field) is one choice.
    const choices = [...new Map(input.choices.map((choice) => [choice.catalogueId, choice])).values()];
    if (choices.length === 0) return { ok: false, code: 'INVALID', choiceCodes: [], codes: ['NONE_CHOSEN'] };
    const now = deps.clock();
    const choiceCodes: CatalogueChoiceCode[] = [];
    const rows: Array<{ entry: CatalogueEntry; fields: CheckedFields }> = [];
    for (const choice of choices) {
      const entry = await findCatalogueEntry(trx, choice.catalogueId);
      if (entry?.active !== 1) {
        choiceCodes.push({ catalogueId: choice.catalogueId, code: 'CATALOGUE_INVALID' });
        continue;
      }
      const { title, description } = choiceOf(entry, input.lang);
      const checked = checkFields({ domain: entry.domain, title, description, dueOn: choice.dueOn, usefulInfo: '', lang: input.lang }, now);
      if ('errors' in checked) for (const code of checked.errors) choiceCodes.push({ catalogueId: entry.id, code });
      else rows.push({ entry, fields: checked.fields });
    }
    if (choiceCodes.length > 0) return { ok: false, code: 'INVALID', choiceCodes, codes: [] };
    const at = now.toISOString();
    await touchPlan(trx, plan.id, at);
    const order = (entry: CatalogueEntry) => DOMAINS.indexOf(entry.domain) * 1e6 + entry.sort_order;
    rows.sort((a, b) => order(a.entry) - order(b.entry) || a.entry.id - b.entry.id);
    const actions: PlanAction[] = [];
    for (const { entry, fields } of rows) {
      const position = await nextPositionInDomain(trx, plan.id, fields.domain);
      const row = { ...fields, plan_id: plan.id, catalogue_id: entry.id, status: 'a_faire' as const, completed_on: null, position, version: 1, created_at: at, updated_at: at };
      const { action, created } = await insertActionOnce(trx, { ...row, dedupe_key: `${formDedupeKey(actor, client.id, input.formKey)}:${entry.id}` });
      actions.push(action);
      // The same form sent again: this action was added (and audited) by the first.
      if (!created) continue;
      await recordAudit(trx, {
        ...auditBase(actor, at, client.id),
        action: 'plan.action_added',
        subjectType: 'plan_action',
        subjectId: action.id,
        details: { planStatus: plan.status, after: contentOf(action) },
      });
    }
    return { ok: true, actions };
  });
}

function contentOf(action: PlanAction) {
  return {
    domain: action.domain,
    title: action.title,
    description: action.description,
    usefulInfo: action.useful_info,
    dueOn: action.due_on,
    catalogueId: action.catalogue_id,
    position: action.position,
    version: action.version,
  };
}

/**
 * « Modifier » an action at the version the agent saw: a change by anyone meanwhile (the client's
 * « J'ai terminé » included) gives CHANGED instead of overwriting. A new domain puts it last there.
 */
export async function updateAction(db: Db, actor: Actor, input: ActionFields & { clientId: number; actionId: number; version: number }, deps: Pick<PlanEditingDeps, 'clock'>): Promise<ActionResult> {
  refuseClients(actor, 'PLAN.ACTION_NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const { client, action: before } = await actionOfClient(trx, actor, input);
    const now = deps.clock();
    const checked = checkFields(input, now, before.due_on);
    if ('errors' in checked) return { ok: false, code: 'INVALID', codes: checked.errors };
    if (before.version !== input.version) return { ok: false, code: 'CHANGED' };
    const at = now.toISOString();
    await touchPlan(trx, before.plan_id, at);
    const position = checked.fields.domain === before.domain ? before.position : await nextPositionInDomain(trx, before.plan_id, checked.fields.domain);
    if (!(await updateActionContentIfVersion(trx, before.id, input.version, { ...checked.fields, position }, at))) return { ok: false, code: 'CHANGED' };
    const { action: after } = await actionOfClient(trx, actor, input);
    await recordAudit(trx, {
      ...auditBase(actor, at, client.id),
      action: 'plan.action_changed',
      subjectType: 'plan_action',
      subjectId: after.id,
      details: { before: contentOf(before), after: contentOf(after) },
    });
    return { ok: true, action: after };
  });
}

export type MoveResult = { ok: true } | { ok: false; code: 'AT_EDGE' };

/** « Monter » / « Descendre »: swaps the action with its neighbour in its domain. */
export async function moveAction(db: Db, actor: Actor, input: { clientId: number; actionId: number; direction: 'up' | 'down' }, deps: Pick<PlanEditingDeps, 'clock'>): Promise<MoveResult> {
  refuseClients(actor, 'PLAN.ACTION_NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const { client, action } = await actionOfClient(trx, actor, input);
    const at = deps.clock().toISOString();
    await touchPlan(trx, action.plan_id, at);
    const order = await findActionsInDomain(trx, action.plan_id, action.domain);
    const from = order.findIndex((a) => a.id === action.id);
    const to = input.direction === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) return { ok: false, code: 'AT_EDGE' };
    const moved = [...order];
    [moved[from], moved[to]] = [moved[to], moved[from]];
    // Positions are rewritten 1..n, which also repairs ties left by older data.
    for (const [index, each] of moved.entries()) {
      if (each.position !== index + 1) await setActionPosition(trx, each.id, index + 1);
    }
    await recordAudit(trx, {
      ...auditBase(actor, at, client.id),
      action: 'plan.action_moved',
      subjectType: 'plan_action',
      subjectId: action.id,
      details: { domain: action.domain, before: { index: from + 1 }, after: { index: to + 1 } },
    });
    return { ok: true };
  });
}

export type RemoveResult = { ok: true; action: PlanAction } | { ok: false; code: 'REMOVE_CHANGED' };

/** « Retirer » (after the confirmation page): the action and its notes, at the version confirmed. */
export async function removeAction(db: Db, actor: Actor, input: { clientId: number; actionId: number; version: number }, deps: Pick<PlanEditingDeps, 'clock'>): Promise<RemoveResult> {
  refuseClients(actor, 'PLAN.ACTION_NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const { client, action } = await actionOfClient(trx, actor, input);
    const at = deps.clock().toISOString();
    await touchPlan(trx, action.plan_id, at);
    if (action.version !== input.version || !(await deleteActionIfVersion(trx, action.id, input.version))) return { ok: false, code: 'REMOVE_CHANGED' };
    await recordAudit(trx, {
      ...auditBase(actor, at, client.id),
      action: 'plan.action_removed',
      subjectType: 'plan_action',
      subjectId: action.id,
      details: { before: { ...contentOf(action), status: action.status, completedOn: action.completed_on } },
    });
    return { ok: true, action };
  });
}
