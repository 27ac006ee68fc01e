import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MessageKey } from '../i18n/catalog';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../db/unavailable';
import { AppError, DomainError, statusOfDomainError } from '../errors';
import { ACCESS_DENIED, recordRefusedAccess } from './guards';
import { problemOf, sendProblem } from './problem';

/**
 * One error handler: 4xx explain themselves in the person's language inside the shell (or as
 * JSON under /api), 5xx show a plain apology and are logged with their stack — never shown.
 */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => respond(request, reply, 404, 'NOT_FOUND', 'error.notFound.title', 'error.notFound.body'));

  app.setErrorHandler(async (error: FastifyError | AppError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const status = statusOfDomainError(error);
      if (status === 404 && error.code !== ACCESS_DENIED) await auditRefusedAccess(request);
      return respond(request, reply, status, error.code, status === 404 ? 'error.notFound.title' : 'error.badRequest.title', error.messageKey);
    }
    if (error instanceof AppError) {
      const title: MessageKey = error.statusCode === 404 ? 'error.notFound.title' : error.statusCode === 403 ? 'error.csrf.title' : 'error.badRequest.title';
      return respond(request, reply, error.statusCode, error.code, title, error.messageKey);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { message: error.message, code: error.code } }, 'database unavailable');
      // The page is drawn signed out: its header would read the database again.
      request.account = null;
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return respond(request, reply, 503, 'SERVICE_UNAVAILABLE', 'error.unavailable.title', 'error.unavailable.body');
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return respond(request, reply, 429, 'TOO_MANY_REQUESTS', 'error.tooMany.title', 'error.tooMany.body');
    // A body in a type no parser reads (text, octet-stream, multipart: see input-hygiene.ts).
    if (status === 415) return respond(request, reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'error.unsupported.title', 'error.unsupported.body');
    if (status >= 400 && status < 500) {
      request.log.info({ err: { message: error.message, code: error.code } }, 'client error');
      return respond(request, reply, status, error.code ?? 'BAD_REQUEST', 'error.badRequest.title', 'error.badRequest.body');
    }
    request.log.error({ err: error }, 'request failed');
    return respond(request, reply, 500, 'INTERNAL', 'error.server.title', 'error.server.body');
  });
}

/** A signed-in person asked for what is out of their reach: audited, never at the cost of the answer. */
async function auditRefusedAccess(request: FastifyRequest): Promise<void> {
  try {
    await recordRefusedAccess(request);
  } catch (error) {
    request.log.warn({ err: error }, 'refused access not audited');
  }
}

async function respond(request: FastifyRequest, reply: FastifyReply, status: number, code: string, titleKey: MessageKey, bodyKey: MessageKey) {
  const t = request.t;
  // Under /api/: an RFC 9457 problem document (the API's own handler adds field errors and more).
  if (request.url.startsWith('/api/')) return sendProblem(reply, problemOf(t, status, code, titleKey, bodyKey));
  if (request.headers.accept === 'application/json') {
    // An error is about this request only: never kept by a browser or a shared cache.
    return reply
      .status(status)
      .header('cache-control', 'no-store')
      .send({ error: { code, message: t(bodyKey) } });
  }
  return reply.page({
    title: t(titleKey),
    status,
    body: () => (
      <>
        <h1>{t(titleKey)}</h1>
        <p>{t(bodyKey)}</p>
        <p>
          <a href="/">{t('error.back')}</a>
        </p>
      </>
    ),
  });
}
