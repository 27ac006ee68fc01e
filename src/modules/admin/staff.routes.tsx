import type { FastifyInstance, FastifyRequest } from 'fastify';
import { agreeing } from '../../platform/i18n/gender';
import { z } from 'zod';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { pathId } from '../../platform/http/params';
import { requireRole } from '../../platform/http/guards';
import type { MessageKey } from '../../platform/i18n/catalog';
import type { FieldError } from '../../ui/components/form';
import { ADMIN_ERRORS, type AdminRefusalCode } from './admin.errors';
import { acceptInvitation, editStaff, invitationOf, inviteStaff, resendInvitation, resetStaffSecondFactor, setStaffActive, staffMember, staffOverview } from './staff.service';
import { InvitationDonePage, InvitationInvalidPage, InvitationPage } from './views/invitation-pages';
import { INVITATION_PATH, NEW_STAFF_PATH, STAFF_PATH, staffMemberPath } from './views/paths';
import { InviteStaffPage, StaffMemberPage, StaffPage } from './views/staff-pages';

const text = (max: number) => z.string().max(max).catch('');
const many = z
  .union([z.string().max(10), z.array(z.string().max(10)).max(20)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .catch([]);
const inviteForm = z.object({ email: text(400), name: text(300), role: text(20), team: text(120), languages: many, gender: text(20) });
const editForm = z.object({ team: text(120), languages: many, gender: z.string().max(20).optional().catch(undefined), videoRoom: z.string().max(1000).optional().catch(undefined) });
const flash = z.object({
  ok: z.enum(['invite', 'saved', 'deactivated', 'reactivated', 'reset', 'resent', 'self']).optional().catch(undefined),
  email: z.string().max(300).optional().catch(undefined),
});

/** « Personnel » (managers only; 404 for anyone else) and the invitation link it sends (anyone holding it). */
export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const manager = { preHandler: requireRole('admin') };
  const db = app.database.db;
  const clock = app.clock;
  const deps = { clock, publicUrl: app.config.PUBLIC_URL };

  const LABELS: Record<string, MessageKey> = {
    email: 'staff.field.email',
    name: 'staff.field.name',
    role: 'staff.field.role',
    team: 'staff.field.team',
    languages: 'staff.field.languages',
    gender: 'staff.field.gender',
    videoRoom: 'staff.field.videoRoom',
  };
  /** A service's refusal codes → the fields and messages of the error summary (ADMIN_ERRORS), with each field's label. */
  const fieldErrors = (request: FastifyRequest, codes: readonly AdminRefusalCode[]): FieldError[] =>
    codes.map((code) => {
      const { field = 'form', messageKey } = ADMIN_ERRORS[code];
      return { field, message: request.t(messageKey, { field: request.t(LABELS[field] ?? 'staff.field.name') }) };
    });

  app.get(STAFF_PATH, manager, async (request, reply) => {
    const { t } = request;
    const overview = await staffOverview(db, requestActor(request));
    const query = flash.parse(request.query ?? {});
    const notice = query.ok === 'invite' && query.email ? t('staff.invited', { email: query.email }) : undefined;
    return reply.page({ title: t('staff.title'), body: (ctx) => <StaffPage ctx={ctx} staff={overview.staff} teams={overview.teams} notice={notice} /> });
  });

  app.get(NEW_STAFF_PATH, manager, async (request, reply) => {
    const overview = await staffOverview(db, requestActor(request));
    const values = { email: '', name: '', role: 'agent', team: '', languages: ['fr'], gender: '' };
    return reply.page({ title: request.t('staff.add'), body: (ctx) => <InviteStaffPage ctx={ctx} values={values} teams={overview.teams} /> });
  });

  app.post(NEW_STAFF_PATH, manager, async (request, reply) => {
    const actor = requestActor(request);
    const form = inviteForm.parse(formFields(request.body));
    const result = await inviteStaff(db, actor, form, deps);
    if (result.ok) return reply.redirect(`${STAFF_PATH}?${new URLSearchParams({ ok: 'invite', email: form.email.trim().toLowerCase() })}`, 303);
    const overview = await staffOverview(db, actor);
    const errors = fieldErrors(request, result.codes);
    return reply.page({ title: request.t('staff.add'), status: ADMIN_ERRORS[result.code].status, body: (ctx) => <InviteStaffPage ctx={ctx} values={form} teams={overview.teams} errors={errors} /> });
  });

  app.get('/gestion/personnel/:id', manager, async (request, reply) => {
    const { t } = request;
    const actor = requestActor(request);
    const member = await staffMember(db, actor, pathId(request));
    const { teams } = await staffOverview(db, actor);
    const query = flash.parse(request.query ?? {});
    const name = member.display_name;
    const notices = {
      saved: t('staff.edit.saved'),
      deactivated: t(agreeing('staff.deactivated', member.grammatical_gender), { name }),
      reactivated: t('staff.reactivated', { name }),
      reset: t('staff.resetMfaDone', { name }),
      resent: t('staff.resent'),
    } as Record<string, string>;
    const notice = query.ok ? notices[query.ok] : undefined;
    const warning = query.ok === 'self' ? t(ADMIN_ERRORS.SELF.messageKey) : undefined;
    return reply.page({ title: name, body: (ctx) => <StaffMemberPage ctx={ctx} member={member} teams={teams} notice={notice} warning={warning} /> });
  });

  app.post('/gestion/personnel/:id', manager, async (request, reply) => {
    const actor = requestActor(request);
    const id = pathId(request);
    const form = editForm.parse(formFields(request.body));
    const result = await editStaff(db, actor, id, form, clock);
    if (result.ok) return reply.redirect(`${staffMemberPath(id)}?ok=saved`, 303);
    const member = await staffMember(db, actor, id);
    const { teams } = await staffOverview(db, actor);
    const errors = fieldErrors(request, result.codes);
    return reply.page({ title: member.display_name, status: ADMIN_ERRORS[result.code].status, body: (ctx) => <StaffMemberPage ctx={ctx} member={member} teams={teams} values={form} errors={errors} /> });
  });

  for (const [verb, active] of [
    ['desactiver', false],
    ['reactiver', true],
  ] as const) {
    app.post(`/gestion/personnel/:id/${verb}`, manager, async (request, reply) => {
      const id = pathId(request);
      const result = await setStaffActive(db, requestActor(request), id, active, clock);
      return reply.redirect(`${staffMemberPath(id)}?ok=${result.ok ? (active ? 'reactivated' : 'deactivated') : 'self'}`, 303);
    });
  }

  app.post('/gestion/personnel/:id/reinitialiser-double-authentification', manager, async (request, reply) => {
    const id = pathId(request);
    await resetStaffSecondFactor(db, requestActor(request), id, clock);
    return reply.redirect(`${staffMemberPath(id)}?ok=reset`, 303);
  });

  app.post('/gestion/personnel/:id/renvoyer-invitation', manager, async (request, reply) => {
    const id = pathId(request);
    await resendInvitation(db, requestActor(request), id, deps);
    return reply.redirect(`${staffMemberPath(id)}?ok=resent`, 303);
  });

  // ---- The invitation link: a GET that only shows the form (mail scanners cannot spend it) ----

  const tokenOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 100) : '');

  app.get<{ Querystring: { jeton?: string } }>(INVITATION_PATH, async (request, reply) => {
    const token = tokenOf(request.query.jeton);
    const invited = await invitationOf(db, token, clock);
    reply.header('referrer-policy', 'no-referrer');
    if (!invited) return reply.page({ title: request.t('invitation.invalid.title'), status: 404, body: (ctx) => <InvitationInvalidPage ctx={ctx} /> });
    return reply.page({ title: request.t('invitation.title'), body: (ctx) => <InvitationPage ctx={ctx} token={token} name={invited.name} email={invited.email} /> });
  });

  app.post(INVITATION_PATH, async (request, reply) => {
    const { t } = request;
    const body = formFields(request.body);
    const token = tokenOf(body.jeton);
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    const result = await acceptInvitation(db, { token, password, ip: request.ip }, clock);
    if (result.ok) return reply.redirect(`${INVITATION_PATH}/acceptee`, 303);
    const refusal = ADMIN_ERRORS[result.code];
    const invited = result.code === 'LINK_INVALID' ? undefined : await invitationOf(db, token, clock);
    if (!invited) return reply.page({ title: t(ADMIN_ERRORS.LINK_INVALID.messageKey), status: ADMIN_ERRORS.LINK_INVALID.status, body: (ctx) => <InvitationInvalidPage ctx={ctx} /> });
    const errors = [{ field: refusal.field ?? 'password', message: t(refusal.messageKey) }];
    return reply.page({ title: t('invitation.title'), status: refusal.status, body: (ctx) => <InvitationPage ctx={ctx} token={token} name={invited.name} email={invited.email} errors={errors} /> });
  });

  app.get(`${INVITATION_PATH}/acceptee`, async (request, reply) => reply.page({ title: request.t('invitation.done.title'), body: (ctx) => <InvitationDonePage ctx={ctx} /> }));
}
