import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestActor } from '../../platform/http/actor';
import { requireRole } from '../../platform/http/guards';
import { pathId } from '../../platform/http/params';
import { addActionSection } from '../plans/action-sections';
import { intField } from './referral-form-input';
import { type ConsentResult, disclosureFor, getReferral, giveConsent, type ReferralDeps, referralsOfClient, referralsOfAction, refuseConsent, withdrawConsent } from './referral.service';
import { ActionReferrals, StaffActionReferrals } from './views/action-referrals';
import { mayRefer } from './referral.policy';
import { CLIENT_REFERRALS_PATH, ClientReferralPage, ClientReferralsPage, clientReferralPath } from './views/client-referral-pages';

const NOTICES = { consenti: 'referrals.consent.given', refuse: 'referrals.consent.refused', retire: 'referrals.consent.withdrawn' } as const;

/** « Mes orientations »: the client reads each referral and gives, refuses or withdraws their consent. */
export async function referralClientRoutes(app: FastifyInstance): Promise<void> {
  const client = { preHandler: requireRole('client') };
  const db = () => app.database.db;
  const deps: ReferralDeps = { clock: app.clock, publicUrl: app.config.PUBLIC_URL };

  // The action's pages (plans) show the referrals made from it: the client's action page, and each
  // action of the agent's plan page (with the staff's links and words).
  addActionSection('referrals', async (database, actor, action) => {
    const views = await referralsOfAction(database, actor, action);
    if (views.length === 0) return null;
    return mayRefer(actor) ? (ctx) => <StaffActionReferrals ctx={ctx} views={views} /> : (ctx) => <ActionReferrals ctx={ctx} views={views} />;
  });

  const render = async (request: FastifyRequest, reply: FastifyReply, status = 200, conflict = false) => {
    const actor = requestActor(request);
    const view = await getReferral(db(), actor, pathId(request));
    // Before consent, what would be shared, value by value; after, what was (written once).
    const preview = view.referral.disclosed ? JSON.parse(view.referral.disclosed) : view.referral.status === 'attente_consentement' ? await disclosureFor(db(), view.referral, actor) : {};
    const done = (request.query as Record<string, unknown> | undefined)?.fait;
    const noticeKey = typeof done === 'string' && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : undefined;
    const notice = noticeKey ? request.t(noticeKey, { partner: view.partner.name }) : undefined;
    return reply.page({
      title: request.t('referrals.title.one', { partner: view.partner.name }),
      status,
      body: (ctx) => <ClientReferralPage ctx={ctx} view={view} preview={preview} notice={notice} conflict={conflict} />,
    });
  };

  app.get(CLIENT_REFERRALS_PATH, client, async (request, reply) => {
    const actor = requestActor(request);
    const views = await referralsOfClient(db(), actor, actor.id);
    return reply.page({ title: request.t('referrals.title.client'), body: (ctx) => <ClientReferralsPage ctx={ctx} views={views} /> });
  });

  app.get(`${CLIENT_REFERRALS_PATH}/:id`, client, (request, reply) => render(request, reply));

  const decide = (path: string, done: keyof typeof NOTICES, act: (request: FastifyRequest, id: number) => Promise<ConsentResult>) =>
    app.post(`${CLIENT_REFERRALS_PATH}/:id/${path}`, client, async (request, reply) => {
      const id = pathId(request);
      const result = await act(request, id);
      if (result.ok) return reply.redirect(`${clientReferralPath(id)}?fait=${done}`, 303);
      return render(request, reply, 409, true);
    });
  decide('consentir', 'consenti', (request, id) => giveConsent(db(), requestActor(request), { referralId: id, version: intField(request.body, 'version') ?? -1 }, deps));
  decide('refuser', 'refuse', (request, id) => refuseConsent(db(), requestActor(request), { referralId: id, version: intField(request.body, 'version') ?? -1 }, deps));
  decide('retirer', 'retire', (request, id) => withdrawConsent(db(), requestActor(request), { referralId: id }, deps));
}
