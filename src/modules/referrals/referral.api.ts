import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { ApiProblemError, apiActor, authProblems, idParams, problemSchema } from '../../platform/http/api-kit';
import type { Translate } from '../../platform/i18n/translate';
import { REFERRAL_ERRORS } from './referral.errors';
import { type Disclosure, disclosureOf, REFERRAL_FIELDS } from './referral-fields';
import { type ConsentResult, disclosureFor, getReferral, giveConsent, type ReferralDeps, type ReferralView, referralsOfClient, refuseConsent, withdrawConsent } from './referral.service';

const STATUSES = ['attente_consentement', 'consentement_refuse', 'envoyee', 'acceptee', 'refusee', 'terminee', 'retiree'] as const;

const fieldSchema = z.object({ field: z.enum(REFERRAL_FIELDS), label: z.string() });

const referralSchema = z
  .object({
    id: z.number().int(),
    organization: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable(), address: z.string().nullable() }).describe('The partner organization and how to reach it.'),
    status: z
      .enum(STATUSES)
      .describe(
        '`attente_consentement` « En attente de votre consentement », `consentement_refuse`, `envoyee` « Envoyée », `acceptee` « Acceptée », `refusee` « Refusée » (by the organization), `terminee` « Terminée », `retiree` (consent withdrawn).',
      ),
    statusLabel: z.string().describe('The status in the language of Accept-Language.'),
    purpose: z.string().describe('Why, in the agent’s sentence: the purpose the consent is for.'),
    planAction: z.object({ id: z.number().int(), title: z.string() }).nullable().describe('The plan action it was made from, if any.'),
    fields: z.array(fieldSchema).describe('Exactly what is shared (or would be) with the organization, nothing else.'),
    values: z
      .array(fieldSchema.extend({ value: z.string() }))
      .describe('Each field with its value: what would be shared while awaiting consent, what was shared once sent (written once, at sending); empty after a refusal of consent.'),
    consent: z
      .object({
        at: z.string(),
        how: z.enum(['portail', 'verbal']).describe('`portail`: given by the client; `verbal`: recorded by the agent.'),
        note: z.string().nullable().describe('How a verbal consent was obtained.'),
      })
      .nullable(),
    sentAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    answeredAt: z.string().nullable().describe('When the organization accepted or refused.'),
    refusalReason: z.string().nullable().describe('The organization’s reason when it refused.'),
    result: z
      .object({ result: z.enum(['service_rendu', 'service_non_rendu']), on: z.string().nullable() })
      .nullable()
      .describe('What the organization reported once done.'),
    createdAt: z.string(),
    version: z.number().int().describe('Moves with every change; the ETag and If-Match carry it.'),
  })
  .meta({ id: 'Referral' });

const ifMatchHeaders = z.object({ 'if-match': z.string().max(100).optional().describe('The ETag of the referral, as last read (required): the consent is to exactly what was read.') });

export function referralEtag(referral: { id: number; version: number }): string {
  return `"referral-${referral.id}-v${referral.version}"`;
}

async function toReferral(db: Db, actor: Actor, view: ReferralView, t: Translate) {
  const { referral, partner, fields } = view;
  // Before consent, the values as they would be sent; after, what was sent (never recomputed).
  const values: Disclosure = referral.disclosed ? disclosureOf(referral.disclosed) : referral.status === 'attente_consentement' ? await disclosureFor(db, referral, actor) : {};
  const label = (field: (typeof REFERRAL_FIELDS)[number]) => t(`referrals.fieldLabel.${field}`);
  return {
    id: referral.id,
    organization: { name: partner.name, email: partner.email, phone: partner.phone, address: partner.address },
    status: referral.status,
    statusLabel: t(`referrals.status.${referral.status}`),
    purpose: referral.purpose,
    planAction: referral.action_id !== null && view.actionTitle !== null ? { id: referral.action_id, title: view.actionTitle } : null,
    fields: fields.map((field) => ({ field, label: label(field) })),
    values: fields.flatMap((field) => (values[field] === undefined ? [] : [{ field, label: label(field), value: values[field] as string }])),
    consent: referral.consent_at && referral.consent_how ? { at: referral.consent_at, how: referral.consent_how, note: referral.consent_how === 'verbal' ? referral.consent_note : null } : null,
    sentAt: referral.sent_at,
    withdrawnAt: referral.withdrawn_at,
    answeredAt: referral.answered_at,
    refusalReason: referral.status === 'refusee' ? referral.refusal_reason : null,
    result: referral.result ? { result: referral.result, on: referral.result_on } : null,
    createdAt: referral.created_at,
    version: referral.version,
  };
}

/** The client's referrals (issue 22): read them, consent or refuse (If-Match), withdraw consent. */
export const referralApi: FastifyPluginAsyncZod = async (api) => {
  const db = api.database.db;
  const deps: ReferralDeps = { clock: api.clock, publicUrl: api.config.PUBLIC_URL };

  /** The referral as it is now, with its ETag. */
  const answer = async (request: FastifyRequest, reply: FastifyReply, id: number) => {
    const actor = apiActor(request);
    const view = await getReferral(db, actor, id);
    reply.header('etag', referralEtag(view.referral));
    return toReferral(db, actor, view, request.t);
  };

  /** A decision on the referral: 428 without If-Match, 412 when it changed since, 409 when it no longer allows it. */
  const decide = async (request: FastifyRequest, reply: FastifyReply, id: number, needsIfMatch: boolean, act: (actor: Actor, version: number) => Promise<ConsentResult>) => {
    const actor = apiActor(request);
    const { referral } = await getReferral(db, actor, id); // someone else's or unknown: 404 first
    if (needsIfMatch) {
      const ifMatch = request.headers['if-match'];
      if (!ifMatch) throw new ApiProblemError(428, 'REFERRAL.PRECONDITION_REQUIRED', 'api.problem.preconditionRequired.title', 'api.problem.preconditionRequired.detail');
      const current = referralEtag(referral);
      if (!ifMatch.split(',').some((tag) => tag.trim() === current)) {
        reply.header('etag', current);
        throw new ApiProblemError(412, 'REFERRAL.PRECONDITION_FAILED', 'api.problem.preconditionFailed.title', 'api.problem.preconditionFailed.detail');
      }
    }
    const result = await act(actor, referral.version);
    if (!result.ok) {
      const refusal = REFERRAL_ERRORS[result.code];
      throw new ApiProblemError(refusal.status, `REFERRAL.${result.code}`, 'api.problem.conflict.title', refusal.messageKey, { detail: request.t(refusal.messageKey) });
    }
    return answer(request, reply, referral.id);
  };

  const one = { 200: referralSchema, ...authProblems };
  const decision = { ...one, 409: problemSchema };

  api.get(
    '/referrals',
    {
      schema: {
        operationId: 'listReferrals',
        summary: '« Mes orientations »: the client’s referrals to partner organizations, newest first',
        tags: ['referrals'],
        response: { 200: z.object({ items: z.array(referralSchema) }), ...authProblems },
        responseDescriptions: { 200: 'Each referral with its organization, status, purpose, the fields shared and their values, and the consent.' },
      },
    },
    async (request) => {
      const actor = apiActor(request);
      const views = await referralsOfClient(db, actor, actor.id);
      return { items: await Promise.all(views.map((view) => toReferral(db, actor, view, request.t))) };
    },
  );

  api.get(
    '/referrals/:id',
    {
      schema: {
        operationId: 'getReferral',
        summary: 'One referral; the ETag is its version',
        tags: ['referrals'],
        params: idParams,
        response: one,
        responseDescriptions: { 200: 'The referral; the `ETag` header is what `If-Match` needs to consent or refuse.' },
      },
    },
    async (request, reply) => answer(request, reply, request.params.id),
  );

  api.post(
    '/referrals/:id/consent',
    {
      schema: {
        operationId: 'consentToReferral',
        summary: '« Consentir au partage »: consent to share exactly the fields and purpose read; the referral is then sent',
        description: 'Needs `If-Match` with the referral’s ETag (the consent is to what was read): 428 without it, 412 when it changed since; 409 when it no longer awaits consent.',
        tags: ['referrals'],
        params: idParams,
        headers: ifMatchHeaders,
        response: { ...decision, 412: problemSchema, 428: problemSchema },
        responseDescriptions: { 200: 'Sent to the organization: the referral as it is now.', 409: 'It no longer awaits consent (REFERRAL.STATE_CHANGED).' },
      },
    },
    async (request, reply) => decide(request, reply, request.params.id, true, (actor, version) => giveConsent(db, actor, { referralId: request.params.id, version }, deps)),
  );

  api.post(
    '/referrals/:id/refusal',
    {
      schema: {
        operationId: 'refuseReferral',
        summary: '« Refuser »: refuse to share; nothing is ever sent for this referral',
        description: 'Needs `If-Match` with the referral’s ETag: 428 without it, 412 when it changed since; 409 when it no longer awaits consent.',
        tags: ['referrals'],
        params: idParams,
        headers: ifMatchHeaders,
        response: { ...decision, 412: problemSchema, 428: problemSchema },
        responseDescriptions: { 200: 'Refused: the referral as it is now.', 409: 'It no longer awaits consent (REFERRAL.STATE_CHANGED).' },
      },
    },
    async (request, reply) => decide(request, reply, request.params.id, true, (actor, version) => refuseConsent(db, actor, { referralId: request.params.id, version }, deps)),
  );

  api.post(
    '/referrals/:id/withdrawal',
    {
      schema: {
        operationId: 'withdrawReferralConsent',
        summary: '« Retirer mon consentement »: the organization’s access ends at once',
        description: 'Allowed while the referral is sent or accepted; what was already shared stays on record. 409 otherwise.',
        tags: ['referrals'],
        params: idParams,
        response: decision,
        responseDescriptions: { 200: 'Withdrawn: the referral as it is now.', 409: 'Nothing to withdraw: not sent, already withdrawn, refused or finished (REFERRAL.STATE_CHANGED).' },
      },
    },
    async (request, reply) => decide(request, reply, request.params.id, false, (actor) => withdrawConsent(db, actor, { referralId: request.params.id }, deps)),
  );
};
