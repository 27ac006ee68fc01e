import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/access/actor';
import { recordFileView } from '../../platform/audit/file-view';
import { requestActor } from '../../platform/http/actor';
import { formFields } from '../../platform/http/form';
import { requireRole } from '../../platform/http/guards';
import { pathId } from '../../platform/http/params';
import { servePageFromCache } from '../../platform/page-cache/page-cache';
import { getClient } from '../accounts/directory.service';
import { correctOutcome, offersPlanCreation, outcomeCorrectionWindow, recordAttendance } from '../appointments/appointment-outcome.service';
import { APPOINTMENT_ERRORS } from '../appointments/appointment.errors';
import { type AppointmentDeps, appointmentDeps, getAppointment } from '../appointments/appointment.service';
import { staffAppointmentPath } from './views/paths';
import { ConfirmAbsentPage, StaffAppointmentPage } from './views/staff-appointment-page';

/** « Présent » / « Absent » (and their correction); `confirme=1` is the second step of « Absent ». */
const outcomeForm = z.object({ resultat: z.enum(['present', 'absent']), version: z.coerce.number().int().positive(), confirme: z.literal('1').optional().catch(undefined) });
const NOTICES = { enregistre: 'workspace.appointment.saved', resultat: 'workspace.appointment.outcomeSaved', annule: 'workspace.appointment.cancelled', corrige: 'workspace.outcome.corrected' } as const;

/** One appointment as staff see it, and where its outcome is recorded and corrected. */
export async function workspaceOutcomeRoutes(app: FastifyInstance): Promise<void> {
  const staff = { preHandler: requireRole('agent', 'admin') };
  const db = app.database.db;
  const deps: AppointmentDeps = appointmentDeps(app.config, app.clock);

  const appointmentOf = async (actor: Actor, id: number) => {
    const details = await getAppointment(db, actor, id, app.clock);
    const client = await getClient(db, actor, details.appointment.client_id);
    return { ...details, client };
  };

  /** The appointment page, with what the actor may do about its outcome now. */
  const renderAppointment = async (request: FastifyRequest, reply: FastifyReply, id: number, shown: { status?: number; notice?: string; warning?: string; isOpening?: boolean } = {}) => {
    const actor = requestActor(request);
    const { appointment, reason, client } = await appointmentOf(actor, id);
    // Opening an appointment directly is opening the client's file (« Consultations de mon dossier »).
    if (shown.isOpening) await recordFileView(db, actor, client.id, app.clock);
    const correction = await outcomeCorrectionWindow(db, actor, appointment, deps);
    const mayCreatePlan = await offersPlanCreation(db, actor, appointment);
    return reply.page({
      title: request.t('workspace.appointment.title'),
      status: shown.status,
      body: (ctx) => (
        <StaffAppointmentPage ctx={ctx} client={client} appointment={appointment} reason={reason} now={app.clock()} notice={shown.notice} warning={shown.warning} correction={correction} mayCreatePlan={mayCreatePlan} />
      ),
    });
  };

  // Kept (ADR 0008): staff reach only their caseload's appointments, whose every change moves the
  // agent's version (the appointment, the client, a plan, the reasons); the opening's audit line
  // too (migration 0030), so a hit, in the same minute as the render it repeats, records none.
  app.get('/espace/rendez-vous/:id', { preHandler: [requireRole('agent', 'admin'), servePageFromCache] }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const flag = (Object.keys(NOTICES) as Array<keyof typeof NOTICES>).find((key) => query[key] === '1');
    return renderAppointment(request, reply, pathId(request), { notice: flag ? request.t(NOTICES[flag]) : undefined, isOpening: true });
  });

  // « Présent » records at once; « Absent » first answers with its confirmation page.
  for (const [verb, flash] of [
    ['resultat', 'resultat'],
    ['correction', 'corrige'],
  ] as const) {
    app.post(`/espace/rendez-vous/:id/${verb}`, staff, async (request, reply) => {
      const actor = requestActor(request);
      const id = pathId(request);
      const { appointment, client } = await appointmentOf(actor, id);
      const parsed = outcomeForm.safeParse(formFields(request.body));
      if (!parsed.success) return renderAppointment(request, reply, id, { status: 400, warning: request.t('error.badRequest.body') });
      const input = { appointmentId: appointment.id, attended: parsed.data.resultat === 'present', version: parsed.data.version, confirmed: parsed.data.confirme === '1' };
      const result = verb === 'resultat' ? await recordAttendance(db, actor, input, deps) : await correctOutcome(db, actor, input, deps);
      if (result.ok) return reply.redirect(`${staffAppointmentPath(appointment.id)}?${flash}=1`, 303);
      if (result.code === 'CONFIRMATION_REQUIRED') {
        return reply.page({
          title: request.t('workspace.outcome.confirmTitle'),
          body: (ctx) => <ConfirmAbsentPage ctx={ctx} client={client} appointment={appointment} action={`${staffAppointmentPath(appointment.id)}/${verb}`} now={app.clock()} />,
        });
      }
      const refusal = APPOINTMENT_ERRORS[result.code];
      return renderAppointment(request, reply, id, { status: refusal.status, warning: request.t(refusal.messageKey) });
    });
  }
}
