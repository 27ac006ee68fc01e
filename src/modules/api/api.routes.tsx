import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../db/unavailable';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError, DomainError, statusOfDomainError } from '../../platform/errors';
import { type InvalidField, isMessageKey, problemOf, problemType, sendProblem } from '../../platform/http/problem';
import type { MessageKey } from '../../platform/i18n/catalog';
import { hasConfirmedAddress } from '../accounts/account.policy';
import { resolveApiToken } from '../accounts/api-token.service';
import { tokenApi } from '../accounts/api-token.api';
import { appointmentApi } from '../appointments/appointment.api';
import { messageApi } from '../messages/message.api';
import { planApi } from '../plans/plan.api';
import { referralApi } from '../referrals/referral.api';
import { ApiProblemError } from '../../platform/http/api-kit';
import { describeResponses, withoutUnusedSchemas } from './openapi-document';
import { PROBLEM_CODES } from './problem-codes';
import { databaseRateLimitStore } from './rate-limit.service';

/** Requests per token (or, before sign-in, per address) and per minute. */
export const API_RATE_LIMIT = { max: 120, timeWindowMs: 60_000 } as const;

/**
 * The JSON API under /api: `/api/v1/…` for the clients' functions (bearer tokens only, never the
 * browser's cookie), its OpenAPI 3.1 document at `/api/openapi.json` generated from the zod
 * schemas that validate every request and serialize every answer, and a reference page at
 * `/api/docs`. Errors are RFC 9457 problem documents. CORS is closed: no cross-origin header is
 * ever sent, so browsers of other sites cannot read the API.
 */
async function registerApi(app: FastifyInstance): Promise<void> {
  // Every route under /api/v1, wherever it is registered (this plugin is not encapsulated, and
  // app.ts registers it first): the tests check that each one is in the OpenAPI document.
  const table: Array<{ method: string; url: string }> = [];
  app.decorate('apiRouteTable', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url });
  });

  await app.register(
    async (api) => {
      api.setValidatorCompiler(validatorCompiler);
      api.setSerializerCompiler(serializerCompiler);
      api.decorateRequest('apiToken', null);

      await api.register(swagger, {
        openapi: {
          openapi: '3.1.0',
          info: {
            title: 'Accompagnement Québec API',
            version: '1.0.0',
            description:
              'The clients’ functions of Accompagnement Québec. Authenticate with POST /api/v1/tokens, then send `Authorization: Bearer <token>`. Errors are RFC 9457 problem documents in the language of Accept-Language (French by default).',
            license: { name: 'Proprietary: all rights reserved (a private project, published under no licence)', identifier: 'LicenseRef-Proprietary' },
          },
          // Relative: the origin that serves this document, whatever PUBLIC_URL the deployment has.
          servers: [{ url: '/', description: 'The service that serves this document' }],
          components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/v1/tokens.' } } },
          security: [{ bearer: [] }],
        },
        transform: describeResponses(jsonSchemaTransform),
        transformObject: (documentObject) => withoutUnusedSchemas(problemMediaType(jsonSchemaTransformObject(documentObject) as Record<string, unknown>)) as never,
      });

      // Who calls: a bearer token, or nobody. The session cookie is never read here (see session-hook).
      api.addHook('onRequest', async (request) => {
        const header = request.headers.authorization;
        if (typeof header === 'string' && /^bearer /i.test(header)) {
          request.apiToken = await resolveApiToken(app.database.db, header.slice(7).trim(), app.clock);
        }
        const config = request.routeOptions.config;
        if (request.apiToken && !hasConfirmedAddress(request.apiToken.account) && !config?.publicApi && !config?.openToUnconfirmed && !request.is404) {
          throw new ApiProblemError(403, 'AUTH.EMAIL_NOT_CONFIRMED', 'api.problem.forbidden.title', 'api.problem.emailNotConfirmed.detail');
        }
        if (request.is404 || config?.publicApi || request.apiToken) return;
        throw new ApiProblemError(401, 'AUTH.TOKEN_REQUIRED', 'api.problem.unauthorized.title', 'api.problem.unauthorized.detail', {
          headers: { 'www-authenticate': 'Bearer realm="api"' },
        });
      });

      await api.register(rateLimit, {
        global: true,
        max: API_RATE_LIMIT.max,
        timeWindow: API_RATE_LIMIT.timeWindowMs,
        enableDraftSpec: true,
        keyGenerator: (request) => (request.apiToken ? `token:${request.apiToken.tokenId}` : `ip:${request.ip}`),
        // Counted in the database: every instance behind a proxy shares each token's allowance.
        store: databaseRateLimitStore(app.database.db, app.clock),
        errorResponseBuilder: () => new ApiProblemError(429, 'RATE_LIMITED', 'error.tooMany.title', 'api.problem.tooMany.detail'),
      });

      // Personal data: never kept by a cache; the answer depends on who asks and in which language.
      api.addHook('onSend', async (_request, reply) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        reply.header('vary', 'authorization, accept-language');
      });

      api.setErrorHandler(async (error: FastifyError | Error, request, reply) => apiError(error, request, reply));
      api.setNotFoundHandler(async (request, reply) => sendProblem(reply, problemOf(request.t, 404, 'NOT_FOUND', 'error.notFound.title', 'error.notFound.body')));

      api.get('/openapi.json', { schema: { hide: true }, config: { publicApi: true, rateLimit: false } }, async (_request, reply) => reply.header('cache-control', 'no-cache').send(api.swagger()));

      api.get('/docs', { schema: { hide: true }, config: { publicApi: true, rateLimit: false } }, async (request, reply) => {
        const document = api.swagger() as unknown as { paths: Record<string, Record<string, { summary?: string }>> };
        const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, summary: operation.summary ?? '' })));
        const { t } = request;
        return reply.page({
          title: t('api.docs.title'),
          body: () => (
            <>
              <h1>{t('api.docs.title')}</h1>
              <p>
                {t('api.docs.intro')} <a href="/api/openapi.json">/api/openapi.json</a>
              </p>
              <p>{t('api.docs.auth')}</p>
              <h2>{t('api.docs.operations')}</h2>
              <table class="app-table">
                <thead>
                  <tr>
                    <th scope="col">{t('api.docs.col.method')}</th>
                    <th scope="col">{t('api.docs.col.path')}</th>
                    <th scope="col">{t('api.docs.col.summary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {operations.map((operation) => (
                    <tr key={`${operation.method} ${operation.path}`}>
                      <td>
                        <code>{operation.method}</code>
                      </td>
                      <td>
                        <code>{operation.path}</code>
                      </td>
                      <td>{operation.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h2>{t('api.docs.problems')}</h2>
              <ul>
                {PROBLEM_CODES.map((code) => (
                  <li key={code} id={problemType(code).split('#')[1]}>
                    <code>{code}</code>
                  </li>
                ))}
              </ul>
            </>
          ),
        });
      });

      await api.register(tokenApi, { prefix: '/v1' });
      await api.register(appointmentApi, { prefix: '/v1' });
      await api.register(planApi, { prefix: '/v1' });
      await api.register(messageApi, { prefix: '/v1' });
      await api.register(referralApi, { prefix: '/v1' });
    },
    { prefix: '/api' },
  );
}

/** The API, run in the app's own context (not encapsulated), so that its onRoute hook sees every module's routes. */
export const apiRoutes = fp(registerApi, { name: 'api-routes' });

declare module 'fastify' {
  interface FastifyInstance {
    /** The routes under /api/v1, as registered (see apiRoutes). */
    apiRouteTable: ReadonlyArray<{ method: string; url: string }>;
  }
}

/** Every failure of an API request as a problem document in the caller's language. */
function apiError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const { t } = request;
  if (error instanceof ApiProblemError) {
    for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
    const problem = problemOf(t, error.status, error.code, error.titleKey, error.detailKey, error.options.errors);
    return sendProblem(reply, error.options.detail ? { ...problem, detail: error.options.detail } : problem);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    // A malformed id in a path is an id that does not exist, as on the pages.
    if ((error as { validationContext?: string }).validationContext === 'params') {
      return sendProblem(reply, problemOf(t, 404, 'NOT_FOUND', 'error.notFound.title', 'error.notFound.body'));
    }
    const errors: InvalidField[] = error.validation.map((issue) => {
      const zodIssue = (issue.params as { issue?: { code?: string; keys?: string[] } } | undefined)?.issue;
      const path = issue.instancePath.split('/').filter(Boolean);
      if (zodIssue?.code === 'unrecognized_keys' && zodIssue.keys?.[0]) path.push(zodIssue.keys[0]);
      const pointer = `#/${path.join('/')}`;
      const field = path.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')).join('.') || '(body)';
      return { field, pointer, detail: t(issueMessage(issue.message ?? '', zodIssue?.code)) };
    });
    return sendProblem(reply, problemOf(t, 422, 'VALIDATION', 'api.problem.validation.title', 'api.problem.validation.detail', errors));
  }
  if (error instanceof DomainError) {
    const status = statusOfDomainError(error);
    return sendProblem(reply, problemOf(t, status, error.code, status === 404 ? 'error.notFound.title' : 'api.problem.conflict.title', error.messageKey));
  }
  if (error instanceof AppError) {
    return sendProblem(reply, problemOf(t, error.statusCode, error.code, error.statusCode === 404 ? 'error.notFound.title' : 'error.badRequest.title', error.messageKey));
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: { message: error.message, code: (error as FastifyError).code } }, 'database unavailable');
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return sendProblem(reply, problemOf(t, 503, 'SERVICE_UNAVAILABLE', 'error.unavailable.title', 'error.unavailable.body'));
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 415) return sendProblem(reply, problemOf(t, 415, 'UNSUPPORTED_MEDIA_TYPE', 'api.problem.unsupported.title', 'api.problem.unsupported.detail'));
  if (status === 429) return sendProblem(reply, problemOf(t, 429, 'RATE_LIMITED', 'error.tooMany.title', 'api.problem.tooMany.detail'));
  if (status >= 400 && status < 500) {
    request.log.info({ err: { message: error.message, code: (error as FastifyError).code } }, 'client error');
    return sendProblem(reply, problemOf(t, status, (error as FastifyError).code ?? 'BAD_REQUEST', 'error.badRequest.title', 'error.badRequest.body'));
  }
  request.log.error({ err: error }, 'API request failed');
  return sendProblem(reply, problemOf(t, 500, 'INTERNAL', 'error.server.title', 'error.server.body'));
}

/** A schema's message is a catalogue key when the schema gave one; else a word for the kind of issue. */
function issueMessage(message: string, code: string | undefined): MessageKey {
  if (isMessageKey(message)) return message;
  if (/received undefined/.test(message)) return 'api.invalid.required';
  switch (code) {
    case 'invalid_type':
      return 'api.invalid.type';
    case 'too_big':
      return 'api.invalid.tooLong';
    case 'too_small':
      return 'api.invalid.required';
    case 'invalid_value':
    case 'invalid_format':
      return 'api.invalid.value';
    case 'unrecognized_keys':
      return 'api.invalid.unknown';
    default:
      return 'api.invalid.generic';
  }
}

/** Problems travel as application/problem+json: the document says so for every 4xx/5xx answer (and .ics as text/calendar). */
function problemMediaType(document: Record<string, unknown>): Record<string, unknown> {
  const paths = (document.paths ?? {}) as Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
  for (const [path, methods] of Object.entries(paths)) {
    for (const operation of Object.values(methods)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        // Calendar files are iCalendar text, not JSON.
        if (path.endsWith('.ics') && status === '200' && response.content?.['application/json']) {
          response.content = { 'text/calendar': response.content['application/json'] };
          continue;
        }
        if (!/^[45]/.test(status) || !response.content?.['application/json']) continue;
        response.content = { 'application/problem+json': response.content['application/json'] };
      }
    }
  }
  return document;
}
