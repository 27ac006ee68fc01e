import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { requireRole } from '../../platform/http/guards';
import { pathId } from '../../platform/http/params';
import { appointmentDeps } from './appointment.service';
import { APPOINTMENT_ERRORS } from './appointment.errors';
import { chooseMoment, momentChoice } from './moment-choice.service';
import type { PageOptions } from '../../ui/render';
import { MomentChoicePage, momentChoicePath } from './views/moment-choice-page';

const MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** The client's « Choisir un nouveau moment » after a cancellation, when their agent's team allows it. */
export async function momentChoiceRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const deps = appointmentDeps(app.config, app.clock);
  const guard = { preHandler: requireRole('client') };

  const render = async (request: FastifyRequest, id: number, status: number, warning?: string): Promise<PageOptions | undefined> => {
    const choice = await momentChoice(db, requestActor(request), id, deps);
    // The choice is not (or no longer) theirs: the page does not exist for them.
    if (!choice) return undefined;
    const minutes = Math.round((Date.parse(choice.cancelled.ends_at) - Date.parse(choice.cancelled.starts_at)) / 60_000);
    return { title: request.t('appointments.choice.title'), status, body: (ctx) => <MomentChoicePage ctx={ctx} action={momentChoicePath(id)} slots={choice.slots} minutes={minutes} warning={warning} /> };
  };

  app.get('/rendez-vous/:id/nouveau-moment', guard, async (request, reply) => {
    const id = pathId(request, 'id', 'APPOINTMENT.NOT_FOUND');
    const page = await render(request, id, 200);
    if (!page) return reply.redirect(`/rendez-vous/${id}`, 303);
    return reply.page(page);
  });

  app.post('/rendez-vous/:id/nouveau-moment', guard, async (request, reply) => {
    const id = pathId(request, 'id', 'APPOINTMENT.NOT_FOUND');
    const picked = MOMENT.exec(String(formFields(request.body).moment ?? ''));
    const result = picked ? await chooseMoment(db, requestActor(request), { cancelledId: id, date: picked[1], time: picked[2] }, deps) : ({ ok: false, code: 'SLOT_TAKEN' } as const);
    if (result.ok) return reply.redirect(`/rendez-vous/${result.appointment.id}`, 303);
    const refusal = APPOINTMENT_ERRORS[result.code];
    const page = await render(request, id, refusal.status, request.t(refusal.messageKey));
    if (!page) return reply.redirect(`/rendez-vous/${id}`, 303);
    return reply.page(page);
  });
}
