import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { requireRole } from '../../platform/http/guards';
import { pathText } from '../../platform/http/params';
import type { FieldError } from '../../ui/components/form';
import { ADMIN_ERRORS, type AdminRefusalCode } from './admin.errors';
import { addTeam, editTeam, getTeam, listTeams, setTeamActive, TEAM_NAME_MAX, TEAM_REGIONS, type TeamInput } from './team.service';
import { type EntryField, EntryFormPage } from './views/entry-form-page';
import { NEW_TEAM_PATH, REFERENCE_PATH, teamPath } from './views/paths';

const teamForm = z.object({
  labelFr: z
    .string()
    .max(TEAM_NAME_MAX * 2)
    .catch(''),
  labelEn: z
    .string()
    .max(TEAM_NAME_MAX * 2)
    .catch(''),
  region: z.string().max(100).catch(''),
});

/** « Données de référence » › « Équipes »: add, rename or move, retire and restore a team (managers only). */
export async function teamRoutes(app: FastifyInstance): Promise<void> {
  const manager = { preHandler: requireRole('admin') };
  const db = app.database.db;
  const clock = app.clock;

  const fieldsOf = (request: FastifyRequest): EntryField[] => [
    { name: 'labelFr', label: request.t('admin.ref.field.teamFr'), kind: 'text', maxLength: TEAM_NAME_MAX, lang: 'fr' },
    { name: 'labelEn', label: request.t('admin.ref.field.teamEn'), kind: 'text', maxLength: TEAM_NAME_MAX, lang: 'en' },
    {
      name: 'region',
      label: request.t('admin.ref.field.region'),
      kind: 'select',
      options: [{ value: '', label: request.t('admin.ref.field.regionChoose') }, ...TEAM_REGIONS.map((region) => ({ value: region, label: region }))],
    },
  ];
  const fieldErrors = (request: FastifyRequest, codes: readonly AdminRefusalCode[], fields: EntryField[]): FieldError[] =>
    codes.map((code) => {
      const { field = 'form', messageKey } = ADMIN_ERRORS[code];
      return { field, message: request.t(messageKey, { field: fields.find((f) => f.name === field)?.label ?? field }) };
    });
  const refused = (request: FastifyRequest, reply: FastifyReply, page: { title: string; action: string; form: TeamInput; codes: readonly AdminRefusalCode[] }) => {
    const fields = fieldsOf(request);
    return reply.page({
      title: page.title,
      status: ADMIN_ERRORS.INVALID.status,
      body: (ctx) => <EntryFormPage ctx={ctx} title={page.title} action={page.action} fields={fields} values={{ ...page.form }} errors={fieldErrors(request, page.codes, fields)} />,
    });
  };
  const saved = (reply: FastifyReply) => reply.redirect(`${REFERENCE_PATH}?ok=1#equipes`, 303);

  app.get(NEW_TEAM_PATH, manager, async (request, reply) => {
    await listTeams(db, requestActor(request));
    const title = request.t('admin.ref.addTeam');
    return reply.page({ title, body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={NEW_TEAM_PATH} fields={fieldsOf(request)} values={{}} /> });
  });
  app.post(NEW_TEAM_PATH, manager, async (request, reply) => {
    const form = teamForm.parse(formFields(request.body));
    const result = await addTeam(db, requestActor(request), form, clock);
    if (result.ok) return saved(reply);
    return refused(request, reply, { title: request.t('admin.ref.addTeam'), action: NEW_TEAM_PATH, form, codes: result.codes });
  });
  app.get('/gestion/reference/equipes/:code', manager, async (request, reply) => {
    const team = await getTeam(db, requestActor(request), pathText(request, 'code'));
    const title = request.t('admin.ref.editTeam');
    const values = { labelFr: team.name_fr, labelEn: team.name_en, region: team.region ?? '' };
    return reply.page({ title, body: (ctx) => <EntryFormPage ctx={ctx} title={title} action={teamPath(team.code)} fields={fieldsOf(request)} values={values} /> });
  });
  app.post('/gestion/reference/equipes/:code', manager, async (request, reply) => {
    const code = pathText(request, 'code');
    const form = teamForm.parse(formFields(request.body));
    const result = await editTeam(db, requestActor(request), code, form, clock);
    if (result.ok) return saved(reply);
    return refused(request, reply, { title: request.t('admin.ref.editTeam'), action: teamPath(code), form, codes: result.codes });
  });
  for (const [verb, active] of [
    ['retirer', false],
    ['retablir', true],
  ] as const) {
    app.post(`/gestion/reference/equipes/:code/${verb}`, manager, async (request, reply) => {
      await setTeamActive(db, requestActor(request), pathText(request, 'code'), active, clock);
      return saved(reply);
    });
  }
}
