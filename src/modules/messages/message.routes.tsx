import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../platform/http/guards';
import { EmptyState } from '../../ui/components/form';

/** The message centre: the header's envelope icon. */
export async function messageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/messages', { preHandler: requireRole('client') }, async (request, reply) => {
    const { t } = request;
    return reply.page({
      title: t('messages.title'),
      body: () => (
        <>
          <h1>{t('messages.title')}</h1>
          <EmptyState>{t('messages.empty')}</EmptyState>
        </>
      ),
    });
  });
}
