import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account, Role } from '../../db/database';
import { recordAudit } from '../audit/audit.repository';
import { NotFoundError } from '../errors';

/**
 * preHandler: a visitor who is not signed in is sent to the sign-in page (then back);
 * a signed-in person of another role gets 404, as if the page did not exist, and the denial
 * is audited.
 */
export function requireRole(...roles: Role[]) {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    if (!request.account) {
      const next = encodeURIComponent(request.url);
      const expired = request.sessionExpired ? '&expiree=1' : '';
      return reply.redirect(`/connexion?suivant=${next}${expired}`, 303);
    }
    if (!roles.includes(request.account.role)) {
      await recordAudit(request.server.database.db, {
        at: request.server.clock().toISOString(),
        actorId: request.account.id,
        action: 'access.denied',
        ip: request.ip,
        details: { method: request.method, url: request.url, role: request.account.role },
      });
      throw new NotFoundError('ACCESS.DENIED');
    }
  };
}

/** The signed-in account, for handlers behind `requireRole`. */
export function currentAccount(request: FastifyRequest): Account {
  if (!request.account) throw new NotFoundError();
  return request.account;
}
