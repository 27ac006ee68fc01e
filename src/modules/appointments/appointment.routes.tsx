import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../platform/http/guards';
import { EmptyState } from '../../ui/components/form';

/** The calendar icon: the client's appointments (guide §2). */
export async function appointmentRoutes(app: FastifyInstance): Promise<void> {
  app.get('/rendez-vous', { preHandler: requireRole('client') }, async (request, reply) => {
    const { t } = request;
    return reply.page({
      title: t('appointments.title'),
      body: () => (
        <>
          <h1>{t('appointments.title')}</h1>
          <EmptyState>{t('appointments.empty')}</EmptyState>
        </>
      ),
    });
  });
}
