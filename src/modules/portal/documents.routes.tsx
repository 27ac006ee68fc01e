import type { FastifyInstance } from 'fastify';
import { requestActor } from '../../platform/http/actor';
import { requireRole } from '../../platform/http/guards';
import { listAppointments } from '../appointments/appointment.service';
import { actionsByDomain } from '../plans/plan.service';
import { exportPersonalData, fileViewsOf } from './data-export.service';
import { DocumentsPage } from './views/documents-page';

const client = { preHandler: requireRole('client') };

/** « Mes documents »: the plan and the appointments, printable; « Télécharger mes données »; who opened the file. */
export async function documentsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;

  app.get('/mes-documents', client, async (request, reply) => {
    const actor = requestActor(request);
    const [todo, done, planned, past, views] = await Promise.all([
      actionsByDomain(db, actor, { tab: 'a-faire' }),
      actionsByDomain(db, actor, { tab: 'completees' }),
      listAppointments(db, actor, { tab: 'planifie' }, app.clock),
      listAppointments(db, actor, { tab: 'termine' }, app.clock),
      fileViewsOf(db, actor),
    ]);
    const plan = todo && done ? todo.map((group, i) => ({ domain: group.domain, actions: [...group.actions, ...(done[i]?.actions ?? [])] })) : null;
    return reply.page({
      title: request.t('shell.documents.title'),
      body: (ctx) => <DocumentsPage ctx={ctx} plan={plan} appointments={[...planned, ...past].map((item) => item.appointment)} views={views} />,
    });
  });

  app.get('/mes-documents/mes-donnees.json', client, async (request, reply) => {
    const data = await exportPersonalData(db, requestActor(request), app.clock);
    const day = app.clock().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="mes-donnees-${day}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });
}
