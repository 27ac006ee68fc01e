import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestActor } from '../../platform/http/actor';
import { requireRole } from '../../platform/http/guards';
import { pathId } from '../../platform/http/params';
import type { FieldError } from '../../ui/components/form';
import { getClient } from '../accounts/directory.service';
import { addWorkSource } from '../workspace/work-sources';
import { REFERRAL_ERRORS } from './referral.errors';
import { markResultRead, referralWork } from './referral-follow-up.service';
import { intField, listField, textField } from './referral-form-input';
import { createReferral, getReferral, type ReferralDeps, referralForm, referralsOfClient, reissueLink } from './referral.service';
import { EMPTY_REFERRAL, type ReferralFormValues, ReferralFormPage, StaffReferralPage, StaffReferralsPage, staffReferralPath } from './views/staff-referral-pages';

/** What the referral's page says after a change (`?fait=`). */
const NOTICES = { portail: 'referrals.created.portail', verbal: 'referrals.created.verbal', lien: 'referrals.reissued', lu: 'referrals.resultRead.done' } as const;

/** The agent's (and manager's) side of referrals: a client's list, « Orienter vers un organisme », one referral. */
export async function referralStaffRoutes(app: FastifyInstance): Promise<void> {
  const staff = { preHandler: requireRole('agent', 'admin') };
  const db = () => app.database.db;
  const deps: ReferralDeps = { clock: app.clock, publicUrl: app.config.PUBLIC_URL };
  const actionIdOf = (request: FastifyRequest) => {
    const raw = (request.query as Record<string, unknown> | undefined)?.action;
    return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  };

  // « Ma file de travail » (workspace) lists referrals without the partner's answer and results to read.
  addWorkSource('referrals', async (database, actor, { calendar, now }) =>
    (await referralWork(database, actor, calendar, now)).map((work) => ({
      clientId: work.clientId,
      clientName: work.clientName,
      dueAt: work.dueAt,
      key: `referral-${work.referralId}-${work.kind}`,
      kindKey: work.kind === 'answer' ? 'referrals.queue.noAnswer' : 'referrals.queue.result',
      href: staffReferralPath(work.referralId),
      openKey: work.kind === 'answer' ? 'referrals.queue.open' : 'referrals.queue.readResult',
      openLabelKey: work.kind === 'answer' ? 'referrals.queue.openLabel' : 'referrals.queue.readResultLabel',
    })),
  );

  app.get('/espace/clients/:clientId/orientations', staff, async (request, reply) => {
    const actor = requestActor(request);
    const client = await getClient(db(), actor, pathId(request, 'clientId'));
    const views = await referralsOfClient(db(), actor, client.id);
    return reply.page({ title: request.t('referrals.title.staff', { name: client.display_name }), body: (ctx) => <StaffReferralsPage ctx={ctx} client={client} views={views} /> });
  });

  app.get('/espace/clients/:clientId/orientations/nouvelle', staff, async (request, reply) => {
    const form = await referralForm(db(), requestActor(request), { clientId: pathId(request, 'clientId'), actionId: actionIdOf(request) });
    return reply.page({ title: request.t('referrals.title.new'), body: (ctx) => <ReferralFormPage ctx={ctx} form={form} values={{ ...EMPTY_REFERRAL, fields: form.action ? ['action'] : [] }} /> });
  });

  app.post('/espace/clients/:clientId/orientations', staff, async (request, reply) => {
    const actor = requestActor(request);
    const clientId = pathId(request, 'clientId');
    const values: ReferralFormValues = {
      partnerId: textField(request.body, 'partnerId', 12),
      fields: listField(request.body, 'fields'),
      purpose: textField(request.body, 'purpose'),
      partnerNote: textField(request.body, 'partnerNote'),
      consent: textField(request.body, 'consent', 20),
      consentNote: textField(request.body, 'consentNote'),
    };
    const actionId = intField(request.body, 'actionId');
    const result = await createReferral(db(), actor, { clientId, actionId, ...values, partnerId: Number(values.partnerId) || 0 }, deps);
    if (result.ok) return reply.redirect(`${staffReferralPath(result.referral.id)}?fait=${result.referral.consent_how === 'verbal' ? 'verbal' : 'portail'}`, 303);
    const form = await referralForm(db(), actor, { clientId, actionId });
    const errors: FieldError[] = [];
    for (const code of result.codes) {
      const refusal = REFERRAL_ERRORS[code];
      const field = refusal.field ?? 'fields';
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: request.t(refusal.messageKey) });
    }
    return reply.page({ title: request.t('referrals.title.new'), status: 400, body: (ctx) => <ReferralFormPage ctx={ctx} form={form} values={values} errors={errors} /> });
  });

  app.get('/espace/orientations/:id', staff, async (request, reply) => {
    const actor = requestActor(request);
    const view = await getReferral(db(), actor, pathId(request));
    const client = await getClient(db(), actor, view.referral.client_id);
    const done = (request.query as Record<string, unknown> | undefined)?.fait;
    const noticeKey = typeof done === 'string' && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : undefined;
    const notice = noticeKey ? request.t(noticeKey) : undefined;
    return reply.page({ title: request.t('referrals.title.one', { partner: view.partner.name }), body: (ctx) => <StaffReferralPage ctx={ctx} view={view} client={client} notice={notice} /> });
  });

  app.post('/espace/orientations/:id/lien', staff, async (request, reply) => {
    const id = pathId(request);
    const result = await reissueLink(db(), requestActor(request), { referralId: id }, deps);
    return reply.redirect(`${staffReferralPath(id)}${result.ok ? '?fait=lien' : ''}`, 303);
  });

  app.post('/espace/orientations/:id/lu', staff, async (request, reply) => {
    const id = pathId(request);
    const result = await markResultRead(db(), requestActor(request), { referralId: id }, deps);
    return reply.redirect(`${staffReferralPath(id)}${result.ok ? '?fait=lu' : ''}`, 303);
  });
}
