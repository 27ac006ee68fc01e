import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiProblemError, apiActor, authProblems, problemSchema } from '../../platform/http/api-kit';
import { ACCOUNT_ERRORS, THROTTLED_MESSAGE } from './account.errors';
import { agentContactOfClient } from './account.service';
import { revokeApiToken, TOKEN_LABEL_MAX, issueApiToken } from './api-token.service';
import { fileNumber } from './directory.service';

const tokenRequest = z.object({
  email: z.string().trim().min(1).max(320).describe('The e-mail address of a client account.'),
  password: z.string().min(1).max(1024),
  deviceName: z.string().trim().max(TOKEN_LABEL_MAX).optional().describe('Shown to the person under « Appareils connectés »; the User-Agent when absent.'),
});

const tokenResponse = z
  .object({
    token: z.string().describe('Send it as `Authorization: Bearer <token>`. Shown once: only its hash is kept.'),
    tokenType: z.literal('Bearer'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Token' });

const contactSchema = z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).meta({ id: 'AgentContact' });

const meResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    locale: z.enum(['fr', 'en']),
    timeZone: z.string(),
    grammaticalGender: z
      .enum(['feminine', 'masculine'])
      .nullable()
      .describe('« Accord en français » (« Mes informations »): how French text agrees with the client (« Absente », « Absent »); null: épicène wording (« Absence »)'),
    fileNumber: z.string(),
    agent: contactSchema.nullable().describe('« Mon agente ou mon agent d’aide à l’intégration »'),
    unreadMessages: z.number().int(),
    tokenExpiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Me' });

/** Tokens (sign-in and sign-out of a device) and the signed-in client. */
export const tokenApi: FastifyPluginAsyncZod = async (api) => {
  const db = api.database.db;

  api.post(
    '/tokens',
    {
      config: { publicApi: true, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        operationId: 'createToken',
        summary: 'Sign a device in: a bearer token for a client account',
        description: 'The same credentials and throttling as the sign-in page. Staff accounts get no token, nor does an account whose e-mail address is not yet confirmed (403).',
        tags: ['tokens'],
        security: [],
        body: tokenRequest,
        response: { 201: tokenResponse, 401: problemSchema, 403: problemSchema, 422: problemSchema, 429: problemSchema },
        responseDescriptions: {
          201: 'The device is signed in: its bearer token, valid 30 days.',
          401: 'Wrong e-mail or password (AUTH.INVALID_CREDENTIALS).',
          403: 'A staff account: staff get no API token (AUTH.STAFF_NO_TOKEN); or an account whose e-mail address is not yet confirmed: follow the link mailed at sign-up first (AUTH.EMAIL_NOT_CONFIRMED).',
          429: 'Too many sign-in attempts for this account or address (AUTH.THROTTLED), or too many requests; wait for `Retry-After` seconds.',
        },
      },
    },
    async (request, reply) => {
      const { email, password, deviceName } = request.body;
      const label = deviceName || String(request.headers['user-agent'] ?? '').slice(0, TOKEN_LABEL_MAX);
      const result = await issueApiToken(db, { email, password, ip: request.ip, label }, api.clock);
      if (result.ok) return reply.status(201).send({ token: result.token, tokenType: 'Bearer' as const, expiresAt: result.expiresAt });
      const refusal = ACCOUNT_ERRORS[result.code];
      if (result.code === 'STAFF_NO_TOKEN') throw new ApiProblemError(refusal.status, 'AUTH.STAFF_NO_TOKEN', 'api.problem.forbidden.title', refusal.messageKey);
      if (result.code === 'EMAIL_NOT_CONFIRMED') throw new ApiProblemError(refusal.status, 'AUTH.EMAIL_NOT_CONFIRMED', 'api.problem.forbidden.title', refusal.messageKey);
      if (result.code === 'THROTTLED') {
        const minutes = Math.ceil(result.retryAfterMs / 60_000);
        throw new ApiProblemError(refusal.status, 'AUTH.THROTTLED', 'error.tooMany.title', THROTTLED_MESSAGE[result.scope], {
          detail: request.t(THROTTLED_MESSAGE[result.scope], { minutes }),
          headers: { 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) },
        });
      }
      // A device is told of its credentials in the API's words (the page says « login.invalid »).
      throw new ApiProblemError(refusal.status, 'AUTH.INVALID_CREDENTIALS', 'api.problem.unauthorized.title', 'api.problem.credentials.detail');
    },
  );

  api.delete(
    '/tokens/current',
    {
      // Signing out works even before the address is confirmed (a token issued before that rule).
      config: { openToUnconfirmed: true },
      schema: {
        operationId: 'revokeCurrentToken',
        summary: 'Sign this device out: revokes the token of the request',
        tags: ['tokens'],
        response: { 204: z.null(), 401: problemSchema, 429: problemSchema },
        responseDescriptions: { 204: 'The token is revoked: the device is signed out.' },
      },
    },
    async (request, reply) => {
      const token = request.apiToken;
      if (token) await revokeApiToken(db, apiActor(request), token.tokenId, api.clock);
      return reply.status(204).send(null);
    },
  );

  const meSchema = {
    operationId: 'getMe',
    summary: 'The signed-in client, with their agent’s contact',
    tags: ['account'],
    response: { 200: meResponse, ...authProblems },
    responseDescriptions: { 200: 'The signed-in client: details, file number, agent and unread messages.' },
  };
  api.get('/me', { schema: meSchema }, async (request) => {
    const actor = apiActor(request);
    const { account, expiresAt } = request.apiToken as NonNullable<typeof request.apiToken>;
    const [agent, unread] = await Promise.all([agentContactOfClient(db, actor.id), api.unreadCount(actor.id)]);
    return {
      id: account.id,
      name: account.display_name,
      email: account.email,
      phone: account.phone,
      locale: account.locale,
      timeZone: account.time_zone,
      grammaticalGender: account.grammatical_gender,
      fileNumber: fileNumber(account.id),
      agent: agent ? { name: agent.display_name, email: agent.email, phone: agent.phone } : null,
      unreadMessages: unread,
      tokenExpiresAt: expiresAt,
    };
  });
};
