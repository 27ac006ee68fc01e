import type { FastifyInstance } from 'fastify';
import { documentsRoutes } from './documents.routes';

/**
 * The pages of the left menu: « Mes dossiers » is served by the requests module
 * (request-draft.routes.tsx), « Mes documents » by documents.routes.tsx.
 */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  await documentsRoutes(app);
}
