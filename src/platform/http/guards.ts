import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account, Role } from '../../db/database';
import { DenialLog } from '../audit/denial-log';
import { NotFoundError } from '../errors';
import { keepPostedForm } from './form-draft';

/**
 * preHandler: a visitor who is not signed in is sent to the sign-in page (then back); a form
 * posted just after the session ended is kept for its account first (platform/http/form-draft.ts);
 * a signed-in person of another role gets 404, as if the page did not exist, and the denial
 * is audited (coalesced: one line per person per minute, with a count).
 */
export function requireRole(...roles: Role[]) {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    if (!request.account) {
      if (request.method === 'POST' && request.expiredAccountId !== null) return keepPostedForm(request, reply, request.expiredAccountId);
      const next = encodeURIComponent(request.url);
      const expired = request.sessionExpired ? '&expiree=1' : '';
      return reply.redirect(`/connexion?suivant=${next}${expired}`, 303);
    }
    if (!roles.includes(request.account.role)) {
      await recordRefusedAccess(request);
      throw new NotFoundError(ACCESS_DENIED);
    }
  };
}

/** The code of a page refused for the person's role (already audited by the guard). */
export const ACCESS_DENIED = 'ACCESS.DENIED';

/**
 * Audits a signed-in person's refused access: a page of another role (the guard), or an id out of
 * their reach that a service answered as not found (the error handler) — an agent opening another
 * agent's client is the probe the log must show. Coalesced per person per minute (DenialLog).
 */
export async function recordRefusedAccess(request: FastifyRequest): Promise<void> {
  const account = request.account;
  if (!account) return;
  await denialLogOf(request).record(request.server.database.db, {
    at: request.server.clock(),
    actorId: account.id,
    ip: request.ip,
    method: request.method,
    url: request.url,
    role: account.role,
  });
}

/** The signed-in account, for handlers behind `requireRole`. */
export function currentAccount(request: FastifyRequest): Account {
  if (!request.account) throw new NotFoundError();
  return request.account;
}

/** One denial log per database, shared by every plugin context of the app. */
const denialLogs = new WeakMap<object, DenialLog>();
function denialLogOf(request: FastifyRequest): DenialLog {
  const key = request.server.database;
  let log = denialLogs.get(key);
  if (!log) {
    log = new DenialLog();
    denialLogs.set(key, log);
  }
  return log;
}
