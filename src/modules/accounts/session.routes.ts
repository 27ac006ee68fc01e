import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields, safeReturnPath } from '../../platform/http/form';
import { extendSession, sessionEnd } from '../../platform/session/session.service';
import { SESSION_EXTEND_PATH, SESSION_STATE_PATH } from '../../platform/session/session-paths';

/**
 * The timeout warning's two calls (src/ui/components/session-timeout/): how long the session has
 * left, read without counting as activity (the session hook does not touch the session for it),
 * so that another tab's activity is seen and the warning never opens early; and « Rester
 * connecté », which records activity now. Both answer `{ remainingSeconds }` (0: the session is
 * over); « Continuer la session » posted by a form without script goes back to the page it was on.
 */
export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const idleMs = app.config.SESSION_IDLE_SECONDS * 1000;
  // Rounded up: the page's countdown never reaches 0 while the session still lives (its « Se
  // reconnecter » must find the session over, so that the form it sends is kept, not sent).
  const remaining = (end: Date) => Math.max(0, Math.ceil((end.getTime() - app.clock().getTime()) / 1000));

  app.get(SESSION_STATE_PATH, async (request, reply) => {
    const seconds = request.session ? remaining(sessionEnd(request.session, idleMs)) : 0;
    return reply.header('cache-control', 'no-store').send({ remainingSeconds: seconds });
  });

  app.post(SESSION_EXTEND_PATH, async (request, reply) => {
    if (!request.session) return answer(request, reply, 0, '/connexion?expiree=1');
    const end = await extendSession(app.database.db, request.session, app.clock, idleMs);
    return answer(request, reply, remaining(end), safeReturnPath(formFields(request.body).retour, '/'));
  });
}

function answer(request: FastifyRequest, reply: FastifyReply, remainingSeconds: number, page: string) {
  if (request.headers.accept?.includes('application/json')) return reply.header('cache-control', 'no-store').send({ remainingSeconds });
  return reply.redirect(page, 303);
}
