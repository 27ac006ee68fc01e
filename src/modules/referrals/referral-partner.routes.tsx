import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../ui/components/form';
import { displayNames } from '../accounts/directory.service';
import { REFERRAL_ERRORS } from './referral.errors';
import { intField, textField } from './referral-form-input';
import { answerReferral, openPartnerLink, type PartnerAnswerResult, type ReferralDeps, recordResult } from './referral.service';
import { ClosedLinkPage, PARTNER_LINK_PATH, PartnerLinkPage } from './views/partner-link-pages';

/**
 * The partner's side, without an account: the link's token is the only key. Pages are never
 * cached and never indexed; an unknown, used, expired, replaced or withdrawn link shows nothing
 * but « Ce lien n'est plus valide » (404).
 */
export async function referralPartnerRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const deps: ReferralDeps = { clock: app.clock, publicUrl: app.config.PUBLIC_URL };

  const show = async (request: FastifyRequest, reply: FastifyReply, token: string, shown: { status?: number; notice?: string; errors?: FieldError[]; values?: Record<string, string>; record?: boolean } = {}) => {
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    const page = await openPartnerLink(db(), token, deps, shown.record ?? true);
    if (!page) return reply.page({ title: request.t('referrals.partner.closed'), status: shown.notice ? 200 : 404, body: (ctx) => <ClosedLinkPage ctx={ctx} notice={shown.notice} /> });
    const agentName = (await displayNames(db(), [page.referral.agent_id])).get(page.referral.agent_id) ?? '';
    return reply.page({
      title: request.t('referrals.partner.title'),
      status: shown.status ?? 200,
      body: (ctx) => <PartnerLinkPage ctx={ctx} page={page} token={token} agentName={agentName} notice={shown.notice} errors={shown.errors} values={shown.values} />,
    });
  };

  const answer = (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    result: PartnerAnswerResult,
    doneKey: 'referrals.partner.accepted' | 'referrals.partner.refusedDone' | 'referrals.partner.done',
    values: Record<string, string>,
  ) => {
    if (result.ok) return show(request, reply, token, { notice: request.t(doneKey), record: false });
    if (result.code === 'LINK_CLOSED') return show(request, reply, token, { record: false });
    if (result.code === 'STATE_CHANGED') return show(request, reply, token, { status: 409, errors: [{ field: 'reason', message: request.t(REFERRAL_ERRORS.STATE_CHANGED.messageKey) }], record: false });
    const errors = result.codes.map((code) => ({ field: REFERRAL_ERRORS[code].field ?? 'note', message: request.t(REFERRAL_ERRORS[code].messageKey) }));
    return show(request, reply, token, { status: 400, errors, values, record: false });
  };

  app.get(PARTNER_LINK_PATH, async (request, reply) => {
    const raw = (request.query as Record<string, unknown> | undefined)?.jeton;
    return show(request, reply, typeof raw === 'string' ? raw : '');
  });

  app.post(`${PARTNER_LINK_PATH}/reponse`, async (request, reply) => {
    const token = textField(request.body, 'jeton', 100);
    const reason = textField(request.body, 'reason');
    const accept = textField(request.body, 'decision', 10) === 'accepter';
    const result = await answerReferral(db(), token, { accept, reason, version: intField(request.body, 'version') ?? -1 }, deps);
    return answer(request, reply, token, result, accept ? 'referrals.partner.accepted' : 'referrals.partner.refusedDone', { reason });
  });

  app.post(`${PARTNER_LINK_PATH}/resultat`, async (request, reply) => {
    const token = textField(request.body, 'jeton', 100);
    const values = { result: textField(request.body, 'result', 30), resultOn: textField(request.body, 'resultOn', 10), note: textField(request.body, 'note') };
    const result = await recordResult(db(), token, { ...values, version: intField(request.body, 'version') ?? -1 }, deps);
    return answer(request, reply, token, result, 'referrals.partner.done', values);
  });
}
