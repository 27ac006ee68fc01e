import { pluralForm } from '../../platform/i18n/plural';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { pathId, pathIdSchema, pathText } from '../../platform/http/params';
import { requireRole } from '../../platform/http/guards';
import type { FieldError } from '../../ui/components/form';
import { DOMAIN_LABEL_KEYS, DOMAINS } from '../plans/domains';
import { ADMIN_ERRORS, type AdminRefusalCode, type ReassignFieldCode } from './admin.errors';
import { assignmentsOverview, assignRequest, caseloadOf, previewReassignment, reassignClients, sendRequestToTeam } from './assignment.service';
import { appointmentDeps } from '../appointments/appointment.service';
import { ReassignPreviewPage } from './views/reassign-preview-page';
import {
  addCatalogueEntry,
  addClosureDay,
  addReason,
  type CatalogueInput,
  closureDaysView,
  DESCRIPTION_MAX,
  editCatalogueEntry,
  editClosureDay,
  editReason,
  getCatalogueEntry,
  getClosureDay,
  getReason,
  LABEL_MAX,
  listCatalogue,
  listReasons,
  setCatalogueEntryActive,
  setClosureDayActive,
  setReasonActive,
} from './reference-data.service';
import { referralCountsByPartner } from '../referrals/partner.service';
import { dashboard, mondayOf, MAX_WEEKS } from './dashboard.service';
import { exportAudit, searchAudit } from './audit-log.service';
import { AssignmentsPage } from './views/assignments-page';
import { AuditPage } from './views/audit-page';
import { DashboardPage } from './views/dashboard-page';
import { CaseloadPage } from './views/caseload-page';
import { type EntryField, EntryFormPage } from './views/entry-form-page';
import {
  ADMIN_PATH,
  AUDIT_PATH,
  agentCaseloadPath,
  ASSIGN_PATH,
  catalogueEntryPath,
  closureDayPath,
  NEW_ACTION_PATH,
  NEW_CLOSURE_PATH,
  NEW_REASON_PATH,
  REASSIGN_CONFIRM_PATH,
  REASSIGN_POST_PATH,
  REFERENCE_PATH,
  reasonPath,
} from './views/paths';
import { ReferencePage } from './views/reference-page';
import { staffRoutes } from './staff.routes';
import { teamRoutes } from './team.routes';
import { listTeams, teamName } from './team.service';

const optionalId = pathIdSchema.nullable().catch(null);
const text = (max: number) =>
  z
    .string()
    .max(max * 2)
    .catch('');
const many = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .catch([]);

const reassignForm = z.object({ clients: many, agent: optionalId, note: text(2000), from: optionalId });
const assignForm = z.object({ agent: optionalId });
const reasonForm = z.object({ labelFr: text(LABEL_MAX), labelEn: text(LABEL_MAX), sortOrder: z.string().max(20).catch('') });
const catalogueForm = z.object({
  domain: z.string().max(40).catch(''),
  titleFr: text(LABEL_MAX),
  titleEn: text(LABEL_MAX),
  descriptionFr: text(DESCRIPTION_MAX),
  descriptionEn: text(DESCRIPTION_MAX),
  durationDays: z.string().max(20).catch(''),
  sortOrder: z.string().max(20).catch(''),
});
const closureForm = z.object({ date: z.string().max(20).catch(''), labelFr: text(LABEL_MAX), labelEn: text(LABEL_MAX) });
/** The refusals of « Assigner », as the flag the list page reads back (its message: ADMIN_ERRORS). */
const ASSIGN_FLASH = { ASSIGNEE_REQUIRED: 'agent', ASSIGNEE_NOT_ACCEPTED: 'invitation', ALREADY_ASSIGNED: 'deja' } as const;
const flashQuery = z.object({ ok: z.enum(['1', 'assigne', 'deja', 'reassigne']).optional().catch(undefined), n: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined) });

/** The manager's side, under /gestion: only the manager reaches it (404 for anyone else). */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const manager = { preHandler: requireRole('admin') };
  const db = app.database.db;
  const clock = app.clock;

  await app.register(staffRoutes);
  await app.register(teamRoutes);

  /** A service's refusal codes → the fields and messages of the error summary (ADMIN_ERRORS), with each field's label. */
  const fieldErrors = (request: FastifyRequest, codes: readonly AdminRefusalCode[], fields: EntryField[]): FieldError[] =>
    codes.map((code) => {
      const { field = 'form', messageKey } = ADMIN_ERRORS[code];
      return { field, message: request.t(messageKey, { field: fields.find((f) => f.name === field)?.label ?? field }) };
    });

  // ---- « Tableau de bord » ---------------------------------------------------------------------

  const periodQuery = z.object({ debut: z.string().max(10).optional().catch(undefined), semaines: z.coerce.number().int().min(1).max(MAX_WEEKS).catch(1) });
  app.get(ADMIN_PATH, manager, async (request, reply) => {
    const query = periodQuery.parse(request.query ?? {});
    const board = await dashboard(
      db,
      requestActor(request),
      { start: mondayOf(query.debut, clock), weeks: query.semaines },
      {
        clock,
        firstAppointmentBusinessHours: app.config.FIRST_APPOINTMENT_BUSINESS_HOURS,
        businessDayStartHour: app.config.BUSINESS_DAY_START_HOUR,
        businessDayEndHour: app.config.BUSINESS_DAY_END_HOUR,
      },
    );
    const referrals = await referralCountsByPartner(db, requestActor(request));
    return reply.page({ title: request.t('admin.dash.title'), body: (ctx) => <DashboardPage ctx={ctx} board={board} referrals={referrals} /> });
  });

  // ---- « Journal d'audit » (read only: no route here writes to it, except the export's own line) ----

  const auditQuery = z.object({
    person: z.string().max(200).catch(''),
    client: z.string().max(200).catch(''),
    action: z.string().max(200).catch(''),
    from: z.string().max(10).catch(''),
    to: z.string().max(10).catch(''),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  });
  app.get(AUDIT_PATH, manager, async (request, reply) => {
    const { page, ...search } = auditQuery.parse(request.query ?? {});
    const result = await searchAudit(db, requestActor(request), search, page);
    return reply.page({ title: request.t('admin.nav.audit'), body: (ctx) => <AuditPage ctx={ctx} search={search} result={result} /> });
  });
  app.get(`${AUDIT_PATH}.csv`, manager, async (request, reply) => {
    const { page: _page, ...search } = auditQuery.parse(request.query ?? {});
    const csv = await exportAudit(db, requestActor(request), search, clock, request.t, request.locale);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="journal-audit.csv"').header('cache-control', 'no-store').send(`\uFEFF${csv}`);
  });

  // ---- « Réassigner » ---------------------------------------------------------------------------

  app.get(ASSIGN_PATH, manager, async (request, reply) => {
    const { t } = request;
    const overview = await assignmentsOverview(db, requestActor(request));
    const query = z
      .object({
        ok: z.enum(['assigne', 'equipe', 'deja', 'agent', 'invitation']).optional().catch(undefined),
        client: z.string().max(200).optional().catch(undefined),
        agent: z.string().max(200).optional().catch(undefined),
        equipe: z.string().max(100).optional().catch(undefined),
      })
      .parse(request.query ?? {});
    const sentTo = query.ok === 'equipe' && query.client && query.equipe ? t('admin.assign.sentToTeam', { client: query.client, team: teamName(overview.teams, query.equipe, request.locale) ?? '' }) : undefined;
    const notice = query.ok === 'assigne' && query.client && query.agent ? t('admin.assign.assigned', { client: query.client, agent: query.agent }) : sentTo;
    const flashed = { deja: 'ALREADY_ASSIGNED', agent: 'ASSIGNEE_REQUIRED', invitation: 'ASSIGNEE_NOT_ACCEPTED' } as const;
    const warning = query.ok && query.ok !== 'assigne' && query.ok !== 'equipe' ? t(ADMIN_ERRORS[flashed[query.ok]].messageKey) : undefined;
    return reply.page({ title: t('admin.assign.title'), body: (ctx) => <AssignmentsPage ctx={ctx} overview={overview} notice={notice} warning={warning} /> });
  });

  app.post('/gestion/demandes/:id/assigner', manager, async (request, reply) => {
    const form = assignForm.parse(formFields(request.body));
    const actor = requestActor(request);
    const result = await assignRequest(db, actor, { requestId: pathId(request), agentId: form.agent }, clock);
    if (!result.ok && ADMIN_ERRORS[result.code].status !== 303) {
      // Refused outright (an invitee who has not accepted): the list again, with the reason, and a 4xx.
      const refusal = ADMIN_ERRORS[result.code];
      const overview = await assignmentsOverview(db, actor);
      return reply.page({ title: request.t('admin.assign.title'), status: refusal.status, body: (ctx) => <AssignmentsPage ctx={ctx} overview={overview} warning={request.t(refusal.messageKey)} /> });
    }
    if (!result.ok) return reply.redirect(`${ASSIGN_PATH}?ok=${ASSIGN_FLASH[result.code]}`, 303);
    return reply.redirect(`${ASSIGN_PATH}?${new URLSearchParams({ ok: 'assigne', client: result.clientName, agent: result.agentName })}`, 303);
  });

  // Sends an unassigned request to another team's queue, the team chosen from the list.
  app.post('/gestion/demandes/:id/equipe', manager, async (request, reply) => {
    const form = z.object({ team: z.string().max(100).catch('') }).parse(formFields(request.body));
    const actor = requestActor(request);
    const result = await sendRequestToTeam(db, actor, { requestId: pathId(request), team: form.team }, clock);
    if (result.ok) return reply.redirect(`${ASSIGN_PATH}?${new URLSearchParams({ ok: 'equipe', client: result.clientName, equipe: result.team })}`, 303);
    if (result.code === 'ALREADY_ASSIGNED') return reply.redirect(`${ASSIGN_PATH}?ok=deja`, 303);
    const overview = await assignmentsOverview(db, actor);
    const refusal = ADMIN_ERRORS[result.code];
    return reply.page({ title: request.t('admin.assign.title'), status: refusal.status, body: (ctx) => <AssignmentsPage ctx={ctx} overview={overview} warning={request.t(refusal.messageKey)} /> });
  });

  app.get(`${ASSIGN_PATH}/agents/:agentId`, manager, async (request, reply) => {
    const { t } = request;
    // « Suggestions pour … »: one client of the caseload, ticked, and the agents ranked for them.
    const chosen = z.object({ client: optionalId }).parse(request.query ?? {}).client;
    const caseload = await caseloadOf(db, requestActor(request), pathId(request, 'agentId'), chosen === null ? [] : [chosen]);
    const query = flashQuery.parse(request.query ?? {});
    const agentName = z.object({ vers: z.string().max(200).optional().catch(undefined) }).parse(request.query ?? {}).vers;
    const rdv = z
      .object({
        rdv: z
          .string()
          .regex(/^\d{1,6}\.\d{1,6}$/)
          .optional()
          .catch(undefined),
      })
      .parse(request.query ?? {})
      .rdv?.split('.');
    const moved = query.ok === 'reassigne' && agentName ? t(`admin.caseload.moved.${pluralForm(request.locale, query.n ?? 0)}`, { count: query.n ?? 0, agent: agentName }) : undefined;
    const appointments = moved && rdv && (rdv[0] !== '0' || rdv[1] !== '0') ? ` ${t('admin.caseload.appointments', { agent: agentName ?? '', moved: rdv[0], cancelled: rdv[1] })}` : '';
    const notice = moved ? `${moved}${appointments}` : undefined;
    return reply.page({
      title: t('admin.caseload.title', { name: caseload.agent.display_name }),
      body: (ctx) => <CaseloadPage ctx={ctx} caseload={caseload} notice={notice} values={{ clientIds: caseload.clients.some((client) => client.id === chosen) ? [chosen as number] : [], agentId: null, note: '' }} />,
    });
  });

  /** The reassignment form's fields: the clients of the caseload shown (only those can be moved from it), the agent, the note. */
  const reassignInput = async (request: FastifyRequest) => {
    const form = reassignForm.parse(formFields(request.body));
    const clientIds = form.clients.flatMap((id) => {
      const parsed = pathIdSchema.safeParse(id);
      return parsed.success ? [parsed.data] : [];
    });
    if (form.from === null) throw new NotFoundError();
    const caseload = await caseloadOf(db, requestActor(request), form.from, clientIds);
    const shown = new Set(caseload.clients.map((client) => client.id));
    return { form, caseload, clientIds, input: { clientIds: clientIds.filter((id) => shown.has(id)), agentId: form.agent, note: form.note } };
  };
  const reassignRefused = (request: FastifyRequest, reply: FastifyReply, { form, caseload, clientIds }: Awaited<ReturnType<typeof reassignInput>>, codes: ReassignFieldCode[]) => {
    const { t } = request;
    const errors = codes.map((code) => ({ field: ADMIN_ERRORS[code].field ?? 'form', message: t(ADMIN_ERRORS[code].messageKey) }));
    return reply.page({
      title: t('admin.caseload.title', { name: caseload.agent.display_name }),
      status: ADMIN_ERRORS.INVALID.status,
      body: (ctx) => <CaseloadPage ctx={ctx} caseload={caseload} values={{ clientIds, agentId: form.agent, note: form.note.slice(0, 2000) }} errors={errors} />,
    });
  };

  // « Réassigner », first post: what will happen to each future appointment, to confirm.
  app.post(REASSIGN_POST_PATH, manager, async (request, reply) => {
    const read = await reassignInput(request);
    const result = await previewReassignment(db, requestActor(request), read.input, appointmentDeps(app.config, clock));
    if (!result.ok) return reassignRefused(request, reply, read, result.codes);
    return reply.page({
      title: request.t('admin.reassign.preview.title', { agent: result.preview.agent.name }),
      body: (ctx) => <ReassignPreviewPage ctx={ctx} preview={result.preview} fromAgentId={read.caseload.agent.id} note={read.input.note.trim()} />,
    });
  });

  // « Confirmer la réassignation »: carried out only as previewed; otherwise the new preview.
  app.post(REASSIGN_CONFIRM_PATH, manager, async (request, reply) => {
    const { t } = request;
    const read = await reassignInput(request);
    const expected = z.object({ apercu: z.string().max(20_000).catch('') }).parse(formFields(request.body)).apercu;
    const result = await reassignClients(db, requestActor(request), { ...read.input, expected }, appointmentDeps(app.config, clock));
    if (result.ok) {
      const flash = { ok: 'reassigne', n: String(result.moved), vers: result.agentName, rdv: `${result.appointmentsMoved}.${result.appointmentsCancelled}` };
      return reply.redirect(`${agentCaseloadPath(read.caseload.agent.id)}?${new URLSearchParams(flash)}`, 303);
    }
    if (result.code === 'INVALID') return reassignRefused(request, reply, read, result.codes);
    const { preview } = result;
    return reply.page({
      title: t('admin.reassign.preview.title', { agent: preview.agent.name }),
      status: ADMIN_ERRORS.PLAN_CHANGED.status,
      body: (ctx) => <ReassignPreviewPage ctx={ctx} preview={preview} fromAgentId={read.caseload.agent.id} note={read.input.note.trim()} warning={t(ADMIN_ERRORS.PLAN_CHANGED.messageKey)} />,
    });
  });

  // ---- « Données de référence » -----------------------------------------------------------------

  app.get(REFERENCE_PATH, manager, async (request, reply) => {
    const actor = requestActor(request);
    const [teams, reasons, catalogue, closures] = await Promise.all([listTeams(db, actor), listReasons(db, actor), listCatalogue(db, actor), closureDaysView(db, actor, clock)]);
    const notice = flashQuery.parse(request.query ?? {}).ok === '1' ? request.t('admin.saved') : undefined;
    return reply.page({ title: request.t('admin.ref.title'), body: (ctx) => <ReferencePage ctx={ctx} teams={teams} reasons={reasons} catalogue={catalogue} closures={closures} notice={notice} /> });
  });
  const saved = (reply: FastifyReply, anchor: string) => reply.redirect(`${REFERENCE_PATH}?ok=1#${anchor}`, 303);

  const reasonFields = (request: FastifyRequest): EntryField[] => [
    { name: 'labelFr', label: request.t('admin.field.labelFr'), kind: 'text', maxLength: LABEL_MAX, lang: 'fr' },
    { name: 'labelEn', label: request.t('admin.field.labelEn'), kind: 'text', maxLength: LABEL_MAX, lang: 'en' },
    { name: 'sortOrder', label: request.t('admin.field.sortOrder'), hint: request.t('admin.field.sortOrderHint'), kind: 'number', maxLength: 6 },
  ];
  app.get(NEW_REASON_PATH, manager, async (request, reply) => {
    await listReasons(db, requestActor(request));
    const title = request.t('admin.ref.addReason');
    return reply.page({ title, body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={NEW_REASON_PATH} fields={reasonFields(request)} values={{ sortOrder: '50' }} /> });
  });
  app.post(NEW_REASON_PATH, manager, async (request, reply) => {
    const form = reasonForm.parse(formFields(request.body));
    const result = await addReason(db, requestActor(request), form, clock);
    if (result.ok) return saved(reply, 'raisons');
    const title = request.t('admin.ref.addReason');
    const fields = reasonFields(request);
    return reply.page({
      title,
      status: ADMIN_ERRORS[result.code].status,
      body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={NEW_REASON_PATH} fields={fields} values={form} errors={fieldErrors(request, result.codes, fields)} />,
    });
  });
  app.get('/gestion/reference/raisons/:code', manager, async (request, reply) => {
    const reason = await getReason(db, requestActor(request), pathText(request, 'code'));
    const title = request.t('admin.ref.editReason');
    const values = { labelFr: reason.label_fr, labelEn: reason.label_en, sortOrder: String(reason.sort_order) };
    return reply.page({ title, body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={reasonPath(reason.code)} fields={reasonFields(request)} values={values} /> });
  });
  app.post('/gestion/reference/raisons/:code', manager, async (request, reply) => {
    const code = pathText(request, 'code');
    const form = reasonForm.parse(formFields(request.body));
    const result = await editReason(db, requestActor(request), code, form, clock);
    if (result.ok) return saved(reply, 'raisons');
    const title = request.t('admin.ref.editReason');
    const fields = reasonFields(request);
    return reply.page({
      title,
      status: ADMIN_ERRORS[result.code].status,
      body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={reasonPath(code)} fields={fields} values={form} errors={fieldErrors(request, result.codes, fields)} />,
    });
  });
  for (const [verb, active] of [
    ['retirer', false],
    ['retablir', true],
  ] as const) {
    app.post(`/gestion/reference/raisons/:code/${verb}`, manager, async (request, reply) => {
      await setReasonActive(db, requestActor(request), pathText(request, 'code'), active, clock);
      return saved(reply, 'raisons');
    });
    app.post(`/gestion/reference/catalogue/:id/${verb}`, manager, async (request, reply) => {
      await setCatalogueEntryActive(db, requestActor(request), pathId(request), active, clock);
      return saved(reply, 'catalogue');
    });
    app.post(`/gestion/reference/fermetures/:date/${verb}`, manager, async (request, reply) => {
      await setClosureDayActive(db, requestActor(request), pathText(request, 'date'), active, clock);
      return saved(reply, 'fermetures');
    });
  }

  const catalogueFields = (request: FastifyRequest): EntryField[] => [
    { name: 'domain', label: request.t('admin.ref.field.domain'), kind: 'select', options: DOMAINS.map((code) => ({ value: code, label: request.t(DOMAIN_LABEL_KEYS[code]) })) },
    { name: 'titleFr', label: request.t('admin.ref.field.titleFr'), kind: 'text', maxLength: LABEL_MAX, lang: 'fr' },
    { name: 'titleEn', label: request.t('admin.ref.field.titleEn'), kind: 'text', maxLength: LABEL_MAX, lang: 'en' },
    { name: 'descriptionFr', label: request.t('admin.ref.field.descriptionFr'), kind: 'textarea', maxLength: DESCRIPTION_MAX, lang: 'fr' },
    { name: 'descriptionEn', label: request.t('admin.ref.field.descriptionEn'), kind: 'textarea', maxLength: DESCRIPTION_MAX, lang: 'en' },
    { name: 'durationDays', label: request.t('admin.ref.field.durationDays'), hint: request.t('admin.ref.field.durationHint'), kind: 'number', maxLength: 4 },
    { name: 'sortOrder', label: request.t('admin.field.sortOrder'), hint: request.t('admin.field.sortOrderHint'), kind: 'number', maxLength: 6 },
  ];
  const catalogueValues = (form: CatalogueInput) => ({ ...form });
  app.get(NEW_ACTION_PATH, manager, async (request, reply) => {
    await listCatalogue(db, requestActor(request));
    const title = request.t('admin.ref.addAction');
    return reply.page({ title, body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={NEW_ACTION_PATH} fields={catalogueFields(request)} values={{ domain: DOMAINS[0], durationDays: '30', sortOrder: '50' }} /> });
  });
  app.post(NEW_ACTION_PATH, manager, async (request, reply) => {
    const form = catalogueForm.parse(formFields(request.body));
    const result = await addCatalogueEntry(db, requestActor(request), form, clock);
    if (result.ok) return saved(reply, 'catalogue');
    const title = request.t('admin.ref.addAction');
    const fields = catalogueFields(request);
    return reply.page({
      title,
      status: ADMIN_ERRORS[result.code].status,
      body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={NEW_ACTION_PATH} fields={fields} values={catalogueValues(form)} errors={fieldErrors(request, result.codes, fields)} />,
    });
  });
  app.get('/gestion/reference/catalogue/:id', manager, async (request, reply) => {
    const entry = await getCatalogueEntry(db, requestActor(request), pathId(request));
    const title = request.t('admin.ref.editAction');
    const values = {
      domain: entry.domain,
      titleFr: entry.title_fr,
      titleEn: entry.title_en,
      descriptionFr: entry.description_fr,
      descriptionEn: entry.description_en,
      durationDays: String(entry.default_duration_days),
      sortOrder: String(entry.sort_order),
    };
    return reply.page({ title, body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={catalogueEntryPath(entry.id)} fields={catalogueFields(request)} values={values} /> });
  });
  app.post('/gestion/reference/catalogue/:id', manager, async (request, reply) => {
    const id = pathId(request);
    const form = catalogueForm.parse(formFields(request.body));
    const result = await editCatalogueEntry(db, requestActor(request), id, form, clock);
    if (result.ok) return saved(reply, 'catalogue');
    const title = request.t('admin.ref.editAction');
    const fields = catalogueFields(request);
    return reply.page({
      title,
      status: ADMIN_ERRORS[result.code].status,
      body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={catalogueEntryPath(id)} fields={fields} values={catalogueValues(form)} errors={fieldErrors(request, result.codes, fields)} />,
    });
  });

  const closureFields = (request: FastifyRequest, isEdit: boolean): EntryField[] => [
    { name: 'date', label: request.t('admin.ref.field.date'), hint: request.t('admin.ref.field.dateHint'), kind: 'date', maxLength: 10, isReadOnly: isEdit },
    { name: 'labelFr', label: request.t('admin.field.labelFr'), kind: 'text', maxLength: LABEL_MAX, lang: 'fr' },
    { name: 'labelEn', label: request.t('admin.field.labelEn'), kind: 'text', maxLength: LABEL_MAX, lang: 'en' },
  ];
  app.get(NEW_CLOSURE_PATH, manager, async (request, reply) => {
    await closureDaysView(db, requestActor(request), clock);
    const title = request.t('admin.ref.addClosure');
    return reply.page({ title, body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={NEW_CLOSURE_PATH} fields={closureFields(request, false)} values={{}} /> });
  });
  app.post(NEW_CLOSURE_PATH, manager, async (request, reply) => {
    const form = closureForm.parse(formFields(request.body));
    const result = await addClosureDay(db, requestActor(request), form, clock);
    if (result.ok) return saved(reply, 'fermetures');
    const title = request.t('admin.ref.addClosure');
    const fields = closureFields(request, false);
    return reply.page({
      title,
      status: ADMIN_ERRORS[result.code].status,
      body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={NEW_CLOSURE_PATH} fields={fields} values={form} errors={fieldErrors(request, result.codes, fields)} />,
    });
  });
  app.get('/gestion/reference/fermetures/:date', manager, async (request, reply) => {
    const day = await getClosureDay(db, requestActor(request), pathText(request, 'date'));
    const title = request.t('admin.ref.editClosure');
    return reply.page({
      title,
      body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={closureDayPath(day.date)} fields={closureFields(request, true)} values={{ date: day.date, labelFr: day.label_fr, labelEn: day.label_en }} />,
    });
  });
  app.post('/gestion/reference/fermetures/:date', manager, async (request, reply) => {
    const date = pathText(request, 'date');
    const form = closureForm.parse(formFields(request.body));
    const result = await editClosureDay(db, requestActor(request), date, form, clock);
    if (result.ok) return saved(reply, 'fermetures');
    const title = request.t('admin.ref.editClosure');
    const fields = closureFields(request, true);
    return reply.page({
      title,
      status: ADMIN_ERRORS[result.code].status,
      body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={closureDayPath(date)} fields={fields} values={{ ...form, date }} errors={fieldErrors(request, result.codes, fields)} />,
    });
  });
}
