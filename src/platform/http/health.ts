import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../db/health.repository';

/**
 * 200 once the database answers a query; 503 otherwise, so a load balancer can take us out.
 * Liveness only: a SQLite file deleted under the process still answers here, on purpose. Restarting
 * the process then would open a new, empty file and lose everything the open one holds; /readyz
 * says unready and writes are refused (db/sqlite-file.ts) until someone puts the file back.
 */
export function registerHealth(app: FastifyInstance): void {
  app.get('/healthz', async (_request, reply) => {
    try {
      await pingDatabase(app.database.db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok' });
    } catch (error) {
      app.log.error({ err: error }, 'health check failed');
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
}
