import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../platform/http/guards';
import { EmptyState } from '../../ui/components/form';

/**
 * The pages of the left menu that hold no data of their own yet (« Mes dossiers »,
 * « Mes documents »): honest empty states, no fake content.
 */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  // « Mes dossiers » is served by the requests module (request-draft.routes.tsx).

  app.get('/mes-documents', { preHandler: requireRole('client') }, async (request, reply) => {
    const { t } = request;
    return reply.page({
      title: t('shell.documents.title'),
      body: () => (
        <>
          <h1>{t('shell.documents.title')}</h1>
          <EmptyState>{t('shell.documents.empty')}</EmptyState>
        </>
      ),
    });
  });
}
