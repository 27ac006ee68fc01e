import type { FastifyInstance } from 'fastify';
import { currentAccount, requireRole } from '../../platform/http/guards';
import { EmptyState } from '../../ui/components/form';

/**
 * The pages of the left menu that hold no data of their own yet (« Mes dossiers »,
 * « Mes documents ») and the staff landing page: honest empty states, no fake content.
 */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mes-dossiers', { preHandler: requireRole('client') }, async (request, reply) => {
    const { t } = request;
    return reply.page({
      title: t('shell.dossiers.title'),
      body: () => (
        <>
          <h1>{t('shell.dossiers.title')}</h1>
          <EmptyState>{t('shell.dossiers.empty')}</EmptyState>
        </>
      ),
    });
  });

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

  app.get('/espace', { preHandler: requireRole('agent', 'admin') }, async (request, reply) => {
    const { t } = request;
    const account = currentAccount(request);
    const role = t(account.role === 'admin' ? 'shell.role.admin' : 'shell.role.agent');
    return reply.page({
      title: t('shell.workspace.title'),
      body: () => (
        <>
          <h1>{t('shell.workspace.title')}</h1>
          <p>{t('shell.workspace.intro', { name: account.display_name, role })}</p>
          <EmptyState>{t('shell.workspace.empty')}</EmptyState>
        </>
      ),
    });
  });
}
