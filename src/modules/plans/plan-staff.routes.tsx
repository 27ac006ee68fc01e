import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { MessageKey } from '../../platform/i18n/catalog';
import { recordFileView } from '../../platform/audit/file-view';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { draftText, restoredForm } from '../../platform/http/form-draft';
import { pathId } from '../../platform/http/params';
import { requireRole } from '../../platform/http/guards';
import type { FieldError } from '../../ui/components/form';
import { addNote, editNote, listNotes, NOTE_BODY_MAX, noteHistory, noteOfClient } from './note.service';
import { type ActionFieldCode, type NoteFieldCode, PLAN_ERRORS, type PlanChangeCode } from './plan.errors';
import {
  actionOfClient,
  addAction,
  addCatalogueActions,
  type CatalogueActionsResult,
  createPlan,
  DESCRIPTION_MAX,
  draftFromCatalogue,
  listCatalogue,
  moveAction,
  type PlanEditingDeps,
  publishPlan,
  removeAction,
  staffPlan,
  suggestedDueOn,
  TITLE_MAX,
  USEFUL_INFO_MAX,
  updateAction,
} from './plan-editing.service';
import type { PlanAction } from './plan.tables';
import { ActionFormPage, type ActionFormValues, EMPTY_ACTION } from './views/staff/action-form-page';
import { NoteFormPage, type NoteFormValues } from './views/staff/note-form-page';
import { RemoveActionPage } from './views/staff/remove-action-page';
import { CatalogueActionsPage, choiceId, dueOnId } from './views/staff/catalogue-actions-page';
import { newNotePath, notesPath, planPath } from './views/staff/staff-paths';
import { StaffNotesPage } from './views/staff/staff-notes-page';
import { StaffPlanPage } from './views/staff/staff-plan-page';
import { actionSections } from './action-sections';

const version = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);

/** One text field of a posted form ('' when absent; the first value when repeated). */
function text(request: FastifyRequest, name: string): string {
  const body = formFields(request.body);
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Every value of a posted field (a repeated field is a list; absent → none). */
function texts(request: FastifyRequest, name: string): string[] {
  const value = formFields(request.body)[name];
  const all = Array.isArray(value) ? value : [value];
  return all.filter((each): each is string => typeof each === 'string');
}

/** The answer a script asked for with `accept: application/json` (the up/down moves in place). */
function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}

/** A new « Ajouter une action » or « Ajouter une note » form's key: the same form sent twice adds one row. */
const newFormKey = () => randomBytes(16).toString('base64url');

/** The posted form's key, as the form carries it ('' when absent or not one of ours). */
function formKeyOf(request: FastifyRequest): string {
  const key = text(request, 'cle');
  return /^[\w-]{16,64}$/.test(key) ? key : '';
}

function badForm(): AppError {
  return new AppError('PLAN.BAD_FORM', 400, 'error.badRequest.body');
}

/** What `?fait=` says after a change's redirect, on the plan page and on the notes page. */
const PLAN_DONE: Record<string, MessageKey> = {
  cree: 'planStaff.done.created',
  ajoutee: 'planStaff.done.added',
  ajoutees: 'planStaff.done.addedMany',
  modifiee: 'planStaff.done.changed',
  deplacee: 'planStaff.done.moved',
  retiree: 'planStaff.done.removed',
  publie: 'planStaff.done.published',
};
const NOTES_DONE: Record<string, MessageKey> = { ajoutee: 'planStaff.done.noteAdded', modifiee: 'planStaff.done.noteEdited' };

function doneNotice(request: FastifyRequest, map: Record<string, MessageKey>): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const done = query?.fait;
  // `n`: how many actions « Ajouter les actions choisies » added.
  const count = typeof query?.n === 'string' && /^\d{1,4}$/.test(query.n) ? Number(query.n) : 0;
  return typeof done === 'string' && Object.hasOwn(map, done) ? request.t(map[done], { count }) : undefined;
}

const LIMITS: Partial<Record<ActionFieldCode | NoteFieldCode, number>> = {
  TITLE_TOO_LONG: TITLE_MAX,
  DESCRIPTION_TOO_LONG: DESCRIPTION_MAX,
  USEFUL_INFO_TOO_LONG: USEFUL_INFO_MAX,
  BODY_TOO_LONG: NOTE_BODY_MAX,
};

/** Refusal codes as the fields and messages of the form (PLAN_ERRORS), one per field. */
function fieldErrors(request: FastifyRequest, codes: (ActionFieldCode | NoteFieldCode)[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const code of codes) {
    const { field = 'form', messageKey } = PLAN_ERRORS[code];
    if (errors.some((error) => error.field === field)) continue;
    const max = LIMITS[code];
    errors.push({ field, message: request.t(messageKey, max === undefined ? undefined : { max }) });
  }
  return errors;
}

function actionValues(request: FastifyRequest): ActionFormValues {
  const catalogue = text(request, 'catalogueId');
  return {
    catalogueId: /^\d{1,10}$/.test(catalogue) ? Number(catalogue) : null,
    domain: text(request, 'domain'),
    title: text(request, 'title'),
    description: text(request, 'description'),
    dueOn: text(request, 'dueOn'),
    usefulInfo: text(request, 'usefulInfo'),
  };
}

function valuesOf(action: PlanAction): ActionFormValues {
  return { catalogueId: action.catalogue_id, domain: action.domain, title: action.title, description: action.description, dueOn: action.due_on ?? '', usefulInfo: action.useful_info };
}

/**
 * The agent's pages for a client's plan and notes, under the client's file
 * (`/espace/clients/:clientId/plan…`, `/espace/clients/:clientId/notes…`). Agents reach their
 * caseload, managers everyone; anything else answers 404.
 */
export async function planStaffRoutes(app: FastifyInstance): Promise<void> {
  const staff = { preHandler: requireRole('agent', 'admin') };
  const db = () => app.database.db;
  const deps: PlanEditingDeps = { clock: app.clock, publicUrl: app.config.PUBLIC_URL };
  const base = '/espace/clients/:clientId';

  /** The plan page, with what the last change did or why it was refused; `opened`: a visit of the file (not a form's answer). */
  async function renderPlan(request: FastifyRequest, reply: FastifyReply, clientId: number, options: { problem?: PlanChangeCode; status?: number; opened?: boolean } = {}) {
    const actor = requestActor(request);
    const view = await staffPlan(db(), actor, clientId);
    if (options.opened) await recordFileView(db(), actor, view.client.id, app.clock);
    const actions = view.domains.flatMap((domain) => domain.actions.map((item) => item.action));
    const sections = new Map(await Promise.all(actions.map(async (action) => [action.id, await actionSections(db(), actor, action)] as const)));
    const problem = options.problem ? request.t(PLAN_ERRORS[options.problem].messageKey) : undefined;
    return reply.page({
      title: request.t('planStaff.plan.titleOf', { name: view.client.display_name }),
      status: options.status,
      body: (ctx) => <StaffPlanPage ctx={ctx} view={view} sections={sections} notice={problem ? undefined : doneNotice(request, PLAN_DONE)} problem={problem} />,
    });
  }

  app.get(`${base}/plan`, staff, async (request, reply) => renderPlan(request, reply, pathId(request, 'clientId'), { opened: true }));

  app.post(`${base}/plan/creer`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const result = await createPlan(db(), requestActor(request), { clientId }, deps);
    if (result.ok) return reply.redirect(`${planPath(clientId)}?fait=cree`, 303);
    return renderPlan(request, reply, clientId, { problem: result.code, status: PLAN_ERRORS[result.code].status });
  });

  app.post(`${base}/plan/publier`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const result = await publishPlan(db(), requestActor(request), { clientId }, deps);
    if (result.ok) return reply.redirect(`${planPath(clientId)}?fait=publie`, 303);
    return renderPlan(request, reply, clientId, { problem: result.code, status: PLAN_ERRORS[result.code].status });
  });

  // « Ajouter une action »: `?catalogue=<id>` comes back pre-filled from that catalogue entry.
  app.get(`${base}/plan/actions/nouvelle`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const actor = requestActor(request);
    const view = await staffPlan(db(), actor, clientId);
    if (!view.plan) return reply.redirect(planPath(clientId), 303);
    const catalogue = await listCatalogue(db(), actor, { lang: request.locale });
    const chosen = (request.query as Record<string, unknown> | undefined)?.catalogue;
    let values = EMPTY_ACTION;
    let errors: FieldError[] = [];
    if (typeof chosen === 'string' && chosen !== '') {
      const draft = /^\d{1,10}$/.test(chosen) ? await draftFromCatalogue(db(), actor, { catalogueId: Number(chosen), lang: request.locale }, app.clock) : undefined;
      if (draft) values = { ...draft, catalogueId: draft.catalogueId };
      else errors = fieldErrors(request, ['CATALOGUE_INVALID']);
    }
    return reply.page({
      title: request.t('planStaff.actionForm.newTitle'),
      status: errors.length > 0 ? 400 : 200,
      body: (ctx) => <ActionFormPage ctx={ctx} client={view.client} catalogue={catalogue} values={values} errors={errors} formKey={newFormKey()} />,
    });
  });

  app.post(`${base}/plan/actions/nouvelle`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const actor = requestActor(request);
    const values = actionValues(request);
    // A form without its key (an old page) still adds its action, once per submission.
    const formKey = formKeyOf(request) || newFormKey();
    const result = await addAction(db(), actor, { clientId, ...values, lang: request.locale, formKey }, deps);
    if (result.ok) return reply.redirect(`${planPath(clientId)}?fait=ajoutee#action-${result.action.id}`, 303);
    if (result.code !== 'INVALID') return renderPlan(request, reply, clientId, { problem: result.code, status: PLAN_ERRORS[result.code].status });
    const view = await staffPlan(db(), actor, clientId);
    const catalogue = await listCatalogue(db(), actor, { lang: request.locale });
    const errors = fieldErrors(request, result.codes);
    return reply.page({
      title: request.t('planStaff.actionForm.newTitle'),
      status: 400,
      body: (ctx) => <ActionFormPage ctx={ctx} client={view.client} catalogue={catalogue} values={values} errors={errors} formKey={formKey} />,
    });
  });

  /** « Ajouter des actions du catalogue », fresh or with the refused choices and why. */
  async function renderCatalogue(request: FastifyRequest, reply: FastifyReply, clientId: number, sent?: { chosen: Set<number>; dueOn: Map<number, string>; errors: FieldError[]; formKey: string }) {
    const actor = requestActor(request);
    const view = await staffPlan(db(), actor, clientId);
    if (!view.plan) return reply.redirect(planPath(clientId), 303);
    const inPlan = new Set(view.domains.flatMap((domain) => domain.actions.map((item) => item.action.catalogue_id)));
    const catalogue = await listCatalogue(db(), actor, { lang: request.locale });
    const offers = catalogue.map((entry) => ({ ...entry, suggestedDueOn: suggestedDueOn(entry.defaultDurationDays, app.clock), isInPlan: inPlan.has(entry.id) }));
    const errors = sent?.errors ?? [];
    return reply.page({
      title: request.t('planStaff.batch.title'),
      status: errors.length > 0 ? 400 : 200,
      body: (ctx) => <CatalogueActionsPage ctx={ctx} client={view.client} offers={offers} chosen={sent?.chosen ?? new Set()} dueOn={sent?.dueOn ?? new Map()} errors={errors} formKey={sent?.formKey ?? newFormKey()} />,
    });
  }

  /** The refusals of « Ajouter les actions choisies », each beside its entry and named by its title. */
  function catalogueErrors(request: FastifyRequest, result: Extract<CatalogueActionsResult, { code: 'INVALID' }>, titles: Map<number, string>): FieldError[] {
    const errors: FieldError[] = result.codes.map((code) => ({ field: 'choix', message: request.t(PLAN_ERRORS[code].messageKey) }));
    for (const { catalogueId, code } of result.choiceCodes) {
      const field = code === 'CATALOGUE_INVALID' ? choiceId(catalogueId) : dueOnId(catalogueId);
      if (errors.some((error) => error.field === field)) continue;
      const message = request.t(PLAN_ERRORS[code].messageKey);
      const title = titles.get(catalogueId);
      errors.push({ field, message: title ? request.t('planStaff.batch.problemOf', { title, message }) : message });
    }
    return errors;
  }

  app.get(`${base}/plan/actions/catalogue`, staff, async (request, reply) => renderCatalogue(request, reply, pathId(request, 'clientId')));

  app.post(`${base}/plan/actions/catalogue`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const actor = requestActor(request);
    const chosen = new Set(
      texts(request, 'choix')
        .filter((id) => /^\d{1,10}$/.test(id))
        .map(Number),
    );
    const dueOn = new Map([...chosen].map((id) => [id, text(request, dueOnId(id))]));
    // A form without its key (an old page) still adds its actions, once per submission.
    const formKey = formKeyOf(request) || newFormKey();
    const choices = [...chosen].map((catalogueId) => ({ catalogueId, dueOn: dueOn.get(catalogueId) ?? '' }));
    const result = await addCatalogueActions(db(), actor, { clientId, choices, lang: request.locale, formKey }, deps);
    if (result.ok) return reply.redirect(`${planPath(clientId)}?fait=ajoutees&n=${result.actions.length}`, 303);
    if (result.code !== 'INVALID') return renderPlan(request, reply, clientId, { problem: result.code, status: PLAN_ERRORS[result.code].status });
    const titles = new Map((await listCatalogue(db(), actor, { lang: request.locale })).map((entry) => [entry.id, entry.title]));
    return renderCatalogue(request, reply, clientId, { chosen, dueOn, errors: catalogueErrors(request, result, titles), formKey });
  });

  app.get(`${base}/plan/actions/:id/modifier`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const id = pathId(request);
    const { client, action } = await actionOfClient(db(), requestActor(request), { clientId, actionId: id });
    return reply.page({
      title: request.t('planStaff.actionForm.editTitle'),
      body: (ctx) => <ActionFormPage ctx={ctx} client={client} editing={{ id: action.id, version: action.version }} values={valuesOf(action)} />,
    });
  });

  app.post(`${base}/plan/actions/:id/modifier`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const id = pathId(request);
    const actor = requestActor(request);
    const parsed = version.safeParse(text(request, 'version'));
    if (!parsed.success) {
      await actionOfClient(db(), actor, { clientId, actionId: id }); // another's or unknown id: still 404
      throw badForm();
    }
    const values = actionValues(request);
    const result = await updateAction(db(), actor, { clientId, actionId: id, version: parsed.data, ...values, lang: request.locale }, deps);
    if (result.ok) return reply.redirect(`${planPath(clientId)}?fait=modifiee#action-${id}`, 303);
    const { client, action } = await actionOfClient(db(), actor, { clientId, actionId: id });
    if (result.code !== 'INVALID') {
      // Stale: the current action, its new version, and why nothing changed.
      return reply.page({
        title: request.t('planStaff.actionForm.editTitle'),
        status: PLAN_ERRORS.CHANGED.status,
        body: (ctx) => <ActionFormPage ctx={ctx} client={client} editing={{ id: action.id, version: action.version }} values={valuesOf(action)} problem={request.t(PLAN_ERRORS.CHANGED.messageKey)} />,
      });
    }
    const errors = fieldErrors(request, result.codes);
    return reply.page({
      title: request.t('planStaff.actionForm.editTitle'),
      status: 400,
      body: (ctx) => <ActionFormPage ctx={ctx} client={client} editing={{ id: action.id, version: parsed.data }} values={{ ...values, catalogueId: action.catalogue_id }} errors={errors} />,
    });
  });

  app.post(`${base}/plan/actions/:id/deplacer`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const id = pathId(request);
    const actor = requestActor(request);
    const direction = text(request, 'direction');
    if (direction !== 'haut' && direction !== 'bas') {
      await actionOfClient(db(), actor, { clientId, actionId: id });
      throw badForm();
    }
    const result = await moveAction(db(), actor, { clientId, actionId: id, direction: direction === 'haut' ? 'up' : 'down' }, deps);
    if (wantsJson(request)) return reply.code(result.ok ? 200 : PLAN_ERRORS[result.code].status).send(result.ok ? { ok: true } : { ok: false, code: result.code });
    if (result.ok) return reply.redirect(`${planPath(clientId)}?fait=deplacee#action-${id}`, 303);
    return renderPlan(request, reply, clientId, { problem: result.code, status: PLAN_ERRORS[result.code].status });
  });

  async function renderRemove(request: FastifyRequest, reply: FastifyReply, clientId: number, actionId: number, problem?: string) {
    const actor = requestActor(request);
    const { client, action } = await actionOfClient(db(), actor, { clientId, actionId });
    const view = await staffPlan(db(), actor, clientId);
    const noteCount = view.domains.flatMap((domain) => domain.actions).find((item) => item.action.id === action.id)?.notes.length ?? 0;
    return reply.page({
      title: request.t('planStaff.remove.title'),
      status: problem ? 409 : 200,
      body: (ctx) => <RemoveActionPage ctx={ctx} client={client} action={action} noteCount={noteCount} problem={problem} />,
    });
  }

  app.get(`${base}/plan/actions/:id/retirer`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const id = pathId(request);
    return renderRemove(request, reply, clientId, id);
  });

  app.post(`${base}/plan/actions/:id/retirer`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const id = pathId(request);
    const actor = requestActor(request);
    const parsed = version.safeParse(text(request, 'version'));
    if (!parsed.success) {
      await actionOfClient(db(), actor, { clientId, actionId: id });
      throw badForm();
    }
    const result = await removeAction(db(), actor, { clientId, actionId: id, version: parsed.data }, deps);
    if (result.ok) return reply.redirect(`${planPath(clientId)}?fait=retiree`, 303);
    return renderRemove(request, reply, clientId, id, request.t(PLAN_ERRORS[result.code].messageKey));
  });

  // Notes of the file and of its actions.

  app.get(`${base}/notes`, staff, async (request, reply) => {
    const actor = requestActor(request);
    const { client, notes } = await listNotes(db(), actor, { clientId: pathId(request, 'clientId') });
    await recordFileView(db(), actor, client.id, app.clock);
    return reply.page({
      title: request.t('planStaff.notes.titleOf', { name: client.display_name }),
      body: (ctx) => <StaffNotesPage ctx={ctx} client={client} notes={notes} notice={doneNotice(request, NOTES_DONE)} />,
    });
  });

  async function renderNewNote(request: FastifyRequest, reply: FastifyReply, clientId: number, values: NoteFormValues, errors: FieldError[] = [], formKey = newFormKey()) {
    const view = await staffPlan(db(), requestActor(request), clientId);
    const actions = view.domains.flatMap((domain) => domain.actions.map((item) => item.action));
    return reply.page({
      title: request.t('planStaff.noteForm.newTitle'),
      status: errors.length > 0 ? 400 : 200,
      body: (ctx) => <NoteFormPage ctx={ctx} client={view.client} actions={actions} values={values} errors={errors} formKey={formKey} />,
    });
  }

  app.get(`${base}/notes/nouvelle`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const action = (request.query as Record<string, unknown> | undefined)?.action;
    const values = { visibility: '', actionId: typeof action === 'string' && /^\d{1,10}$/.test(action) ? action : '', body: '' };
    // A note sent as the session ended comes back here once the agent has signed in again.
    const kept = await restoredForm(request, reply, newNotePath(clientId));
    if (kept) Object.assign(values, { visibility: draftText(kept, 'visibility') ?? '', actionId: draftText(kept, 'actionId') ?? values.actionId, body: draftText(kept, 'body') ?? '' });
    return renderNewNote(request, reply, clientId, values);
  });

  app.post(`${base}/notes/nouvelle`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const values: NoteFormValues = { visibility: text(request, 'visibility'), actionId: text(request, 'actionId'), body: text(request, 'body') };
    const actionId = /^\d{1,10}$/.test(values.actionId) ? Number(values.actionId) : null;
    // A form without its key (an old page) still adds its note, once per submission.
    const formKey = formKeyOf(request) || newFormKey();
    if (values.actionId !== '' && actionId === null) return renderNewNote(request, reply, clientId, values, fieldErrors(request, ['ACTION_INVALID']), formKey);
    const result = await addNote(db(), requestActor(request), { clientId, actionId, visibility: values.visibility, body: values.body, lang: request.locale, formKey }, deps);
    if (result.ok) return reply.redirect(`${notesPath(clientId)}?fait=ajoutee#note-${result.note.id}`, 303);
    if (result.code !== 'INVALID') throw badForm(); // a new note has no version: never stale
    return renderNewNote(request, reply, clientId, values, fieldErrors(request, result.codes), formKey);
  });

  async function renderEditNote(request: FastifyRequest, reply: FastifyReply, ids: { clientId: number; noteId: number }, options: { body?: string; errors?: FieldError[]; problem?: string; version?: number } = {}) {
    const actor = requestActor(request);
    const { client } = await noteOfClient(db(), actor, ids);
    const { note, revisions } = await noteHistory(db(), actor, ids);
    const actionTitle = note.action_id === null ? null : (await actionOfClient(db(), actor, { clientId: ids.clientId, actionId: note.action_id })).action.title;
    const errors = options.errors ?? [];
    const shown = options.version === undefined ? note : { ...note, version: options.version };
    return reply.page({
      title: request.t('planStaff.noteForm.editTitle'),
      status: options.problem ? 409 : errors.length > 0 ? 400 : 200,
      body: (ctx) => (
        <NoteFormPage
          ctx={ctx}
          client={client}
          editing={{ note: shown, actionTitle, revisions }}
          values={{ visibility: note.visibility, actionId: '', body: options.body ?? note.body }}
          errors={errors}
          problem={options.problem}
        />
      ),
    });
  }

  app.get(`${base}/notes/:id/modifier`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const id = pathId(request);
    return renderEditNote(request, reply, { clientId, noteId: id });
  });

  app.post(`${base}/notes/:id/modifier`, staff, async (request, reply) => {
    const clientId = pathId(request, 'clientId');
    const id = pathId(request);
    const actor = requestActor(request);
    const parsed = version.safeParse(text(request, 'version'));
    if (!parsed.success) {
      await noteOfClient(db(), actor, { clientId, noteId: id });
      throw badForm();
    }
    const body = text(request, 'body');
    const result = await editNote(db(), actor, { clientId, noteId: id, version: parsed.data, body }, deps);
    if (result.ok) return reply.redirect(`${notesPath(clientId)}?fait=modifiee#note-${id}`, 303);
    if (result.code !== 'INVALID') return renderEditNote(request, reply, { clientId, noteId: id }, { problem: request.t(PLAN_ERRORS[result.code].messageKey) });
    return renderEditNote(request, reply, { clientId, noteId: id }, { body, errors: fieldErrors(request, result.codes), version: parsed.data });
  });
}
