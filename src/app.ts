import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { DatabaseHandle } from './db/connect';
import { accountRoutes } from './modules/accounts/account.routes';
import { pwaRoutes } from './modules/pwa/pwa.routes';
import { infoRoutes } from './modules/info/info.routes';
import { offlineSessionHeaders, registerOfflineSession } from './modules/pwa/offline-session';
import { apiTokenRoutes } from './modules/accounts/api-token.routes';
import { sessionRoutes } from './modules/accounts/session.routes';
import { adminRoutes } from './modules/admin/admin.routes';
import { agendaRoutes } from './modules/agenda/agenda.routes';
import { apiRoutes } from './modules/api/api.routes';
import { appointmentRoutes } from './modules/appointments/appointment.routes';
import { messageRoutes } from './modules/messages/message.routes';
import { unreadCount } from './modules/messages/message.service';
import { planRoutes } from './modules/plans/plan.routes';
import { planStaffRoutes } from './modules/plans/plan-staff.routes';
import { portalRoutes } from './modules/portal/portal.routes';
import { workspaceAppointmentRoutes } from './modules/workspace/workspace-appointments.routes';
import { workspaceOutcomeRoutes } from './modules/workspace/workspace-outcome.routes';
import { availabilityRoutes } from './modules/availability/availability.routes';
import { momentChoiceRoutes } from './modules/appointments/moment-choice.routes';
import { workspaceConversationRoutes } from './modules/workspace/workspace-conversations.routes';
import { workspaceRoutes } from './modules/workspace/workspace.routes';
import { partnerAdminRoutes } from './modules/referrals/partner-admin.routes';
import { referralClientRoutes } from './modules/referrals/referral-client.routes';
import { referralPartnerRoutes } from './modules/referrals/referral-partner.routes';
import { referralStaffRoutes } from './modules/referrals/referral-staff.routes';
import { type Clock, systemClock } from './platform/clock';
import './platform/http/context';
import { registerCsrfCheck } from './platform/http/csrf';
import { registerInputHygiene } from './platform/http/input-hygiene';
import { registerErrorHandlers } from './platform/http/error-handler';
import { registerHealth } from './platform/http/health';
import { registerOps } from './platform/ops/ops.routes';
import { KeptPageLane } from './platform/page-cache/kept-page-lane';
import { registerSessionHook } from './platform/http/session-hook';
import { registerVerificationGate, registrationRoutes } from './modules/accounts/registration.routes';
import { requestDraftRoutes } from './modules/requests/request-draft.routes';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { fastifyTrustProxy } from './platform/http/trust-proxy';
import { outboxDevRoutes } from './platform/mail/outbox-dev.routes';
import { registerPageRenderer } from './ui/render';

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  /** Defaults to pino at the configured level; tests pass false, or a stream to read the logs. */
  logger?: boolean;
  logStream?: NodeJS.WritableStream;
  /** Headers every answer of this process carries (outside production, which worker answered). */
  processHeaders?: Readonly<Record<string, string>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers kept pages before the request lifecycle, on the server `listen` starts (not `inject`). */
    keptPageLane: KeptPageLane;
  }
}

/** Builds the service: shared platform plugins first, then each module's routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            ...(options.logStream ? { stream: options.logStream } : {}),
            redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*._csrf'], censor: '[redacted]' },
          },
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 64 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Fastify's own server, with the kept-page lane in front (ADR 0017): a GET it cannot answer
    // from memory goes on to Fastify untouched. Fastify's defaults for the timeouts.
    serverFactory: (handler) => {
      const server = http.createServer((req, res) => {
        if (req.method !== 'GET') return handler(req, res);
        app.keptPageLane.serve(req, res).then(
          (served) => served || handler(req, res),
          (error: unknown) => {
            app.log.warn({ err: error }, 'kept-page lane failed; the request goes on to Fastify');
            handler(req, res);
          },
        );
      });
      server.keepAliveTimeout = 72_000;
      server.requestTimeout = 0;
      server.setTimeout(0);
      return server;
    },
  });

  app.decorate('config', config);
  app.decorate('database', options.database);
  app.decorate('clock', options.clock ?? systemClock);
  app.decorate('unreadCount', (accountId: number) => unreadCount(options.database.db, accountId));

  const everyAnswer = registerSecurityHeaders(app, config, options.processHeaders);
  await app.register(cookie);
  await app.register(formbody);
  // The build writes .br and .gz beside each asset: served as they are, never compressed per request.
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', preCompressed: true, maxAge: config.NODE_ENV === 'production' ? '1d' : 0 });

  registerSessionHook(app);
  registerOfflineSession(app);
  app.decorate('keptPageLane', new KeptPageLane(app, { headers: everyAnswer, personalHeaders: (asker, now) => offlineSessionHeaders(asker, config.SESSION_IDLE_SECONDS, now) }));
  registerVerificationGate(app);
  registerInputHygiene(app);
  registerCsrfCheck(app);
  registerPageRenderer(app);
  registerErrorHandlers(app);
  registerHealth(app);
  registerOps(app);

  await app.register(apiRoutes);
  await app.register(accountRoutes);
  await app.register(apiTokenRoutes);
  await app.register(sessionRoutes);
  await app.register(pwaRoutes);
  await app.register(infoRoutes);
  await app.register(portalRoutes);
  await app.register(registrationRoutes);
  await app.register(requestDraftRoutes);
  await app.register(messageRoutes);
  await app.register(appointmentRoutes);
  await app.register(planRoutes);
  await app.register(workspaceRoutes);
  await app.register(referralStaffRoutes);
  await app.register(referralClientRoutes);
  await app.register(referralPartnerRoutes);
  await app.register(partnerAdminRoutes);
  await app.register(workspaceAppointmentRoutes);
  await app.register(workspaceOutcomeRoutes);
  await app.register(availabilityRoutes);
  await app.register(momentChoiceRoutes);
  await app.register(workspaceConversationRoutes);
  await app.register(agendaRoutes);
  await app.register(planStaffRoutes);
  await app.register(adminRoutes);
  await app.register(outboxDevRoutes);
  return app;
}
