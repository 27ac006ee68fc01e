import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../platform/http/guards';

/** « Accompagnement Québec » in the left menu (guide §3). */
export async function planRoutes(app: FastifyInstance): Promise<void> {
  app.get('/accompagnement-quebec', { preHandler: requireRole('client') }, async (request, reply) => {
    const { t } = request;
    return reply.page({
      title: t('plan.title'),
      body: () => (
        <>
          <h1>{t('plan.title')}</h1>
          <h2>{t('plan.notCreated.heading')}</h2>
          <p>{t('plan.notCreated.body')}</p>
        </>
      ),
    });
  });
}
