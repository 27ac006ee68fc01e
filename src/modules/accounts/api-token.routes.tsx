import type { FastifyInstance } from 'fastify';
import { requestActor } from '../../platform/http/actor';
import { pathId } from '../../platform/http/params';
import { requireRole } from '../../platform/http/guards';
import { listApiTokens, revokeApiToken } from './api-token.service';
import { DevicesPage } from './views/devices-page';

import { DEVICES_PATH } from './views/devices-page';

export { DEVICES_PATH };

/** « Mon profil » › « Appareils connectés »: the devices signed in to the API, each with « Retirer ». */
export async function apiTokenRoutes(app: FastifyInstance): Promise<void> {
  const guard = { preHandler: requireRole('client') };

  app.get<{ Querystring: { retire?: string } }>(DEVICES_PATH, guard, async (request, reply) => {
    const tokens = await listApiTokens(app.database.db, requestActor(request), app.clock);
    const removed = request.query.retire === '1';
    return reply.page({ title: request.t('devices.title'), body: (ctx) => <DevicesPage ctx={ctx} tokens={tokens} removed={removed} /> });
  });

  app.post(`${DEVICES_PATH}/:id/retirer`, guard, async (request, reply) => {
    await revokeApiToken(app.database.db, requestActor(request), pathId(request, 'id', 'API_TOKEN.NOT_FOUND'), app.clock);
    return reply.redirect(`${DEVICES_PATH}?retire=1`, 303);
  });
}
