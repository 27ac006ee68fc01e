import type { FastifyInstance } from 'fastify';
import { requestActor } from '../../platform/http/actor';
import { requireRole } from '../../platform/http/guards';
import { servePageFromCache } from '../../platform/page-cache/page-cache';
import { fileNumber } from '../accounts/directory.service';
import { listAppointments } from '../appointments/appointment.service';
import { clientZone, startTimeLines } from '../appointments/views/appointment-parts';
import { actionsByDomain } from '../plans/plan.service';
import { exportPersonalData, fileViewsOf } from './data-export.service';
import { documentsPdf } from './documents.pdf';
import { DocumentsPage, type PrintablePlanGroup } from './views/documents-page';
import type { MessageKey } from '../../platform/i18n/catalog';
import { agreeing } from '../../platform/i18n/gender';
import { formatDay, formatLongDate, formatTime } from '../../ui/format/datetime';
import { DOMAIN_LABEL_KEYS } from '../plans/domains';
import type { FastifyRequest } from 'fastify';

const client = { preHandler: requireRole('client') };
/**
 * Kept (ADR 0008): the plan and the appointments move the client's page version, and so does each
 * audit line of their file, a staff member's opening included (migration 0030).
 */
const cachedPage = { preHandler: [requireRole('client'), servePageFromCache] };

/** « Mes documents »: the plan and the appointments, printable; « Télécharger mes données »; who opened the file. */
export async function documentsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;

  /** The plan (published) and every appointment of the signed-in client. */
  const documentsOf = async (request: FastifyRequest) => {
    const actor = requestActor(request);
    const [todo, done, planned, past, views] = await Promise.all([
      actionsByDomain(db, actor, { tab: 'a-faire' }),
      actionsByDomain(db, actor, { tab: 'completees' }),
      listAppointments(db, actor, { tab: 'planifie' }, app.clock),
      listAppointments(db, actor, { tab: 'termine' }, app.clock),
      fileViewsOf(db, actor),
    ]);
    const plan: PrintablePlanGroup[] | null = todo && done ? todo.map((group, i) => ({ domain: group.domain, actions: [...group.actions, ...(done[i]?.actions ?? [])] })) : null;
    return { plan, appointments: [...planned, ...past].map((item) => item.appointment), views };
  };

  app.get('/mes-documents', cachedPage, async (request, reply) => {
    const { plan, appointments, views } = await documentsOf(request);
    return reply.page({
      title: request.t('shell.documents.title'),
      body: (ctx) => <DocumentsPage ctx={ctx} plan={plan} appointments={appointments} views={views} renderedAt={app.clock()} />,
    });
  });

  app.get('/mes-documents/mon-plan.pdf', client, async (request, reply) => {
    const { t, locale } = request;
    const { plan, appointments } = await documentsOf(request);
    const now = app.clock().toISOString();
    const bytes = await documentsPdf({
      language: locale === 'fr' ? 'fr-CA' : 'en-CA',
      title: t('documents.pdf.title'),
      subtitle: request.account ? t('documents.pdf.person', { name: request.account.display_name, number: fileNumber(request.account.id) }) : '',
      generated: t('documents.pdf.generated', { at: `${formatLongDate(now, locale)}, ${formatTime(now, locale)}` }),
      pageLabel: (page, pages) => t('documents.pdf.page', { page, pages }),
      sections: [
        {
          heading: t('documents.plan'),
          empty: plan ? undefined : t('documents.noPlan'),
          columns: [t('documents.action'), t('documents.status'), t('documents.doneOn')],
          groups: (plan ?? [])
            .filter((group) => group.actions.length > 0)
            .map((group) => ({
              heading: t(DOMAIN_LABEL_KEYS[group.domain]),
              rows: group.actions.map((action) => [action.title, t(action.status === 'completee' ? 'documents.done' : 'documents.todo'), action.completed_on ? formatDay(action.completed_on, locale) : '—']),
            })),
        },
        {
          heading: t('documents.appointments'),
          empty: appointments.length ? undefined : t('documents.noAppointments'),
          columns: [t('documents.date'), t('documents.time'), t('documents.kind'), t('documents.mode'), t('documents.status')],
          // Room for « mercredi 9 décembre 2026 » and « 9 h 00 (heure du Québec) » on one line each.
          widths: [1.2, 1.2, 1.05, 0.8, 0.75],
          groups: [
            {
              rows: appointments.map((a) => [
                formatLongDate(a.starts_at, locale),
                // Québec's time, and the client's own on a second line when their clock differs.
                startTimeLines(request, a.starts_at, clientZone(request)).join('\n'),
                t(`appointments.kind.${a.kind}` as MessageKey),
                t(`appointments.mode.${a.mode}` as MessageKey),
                t(agreeing(`appointments.status.${a.status}`, request.account?.grammatical_gender)),
              ]),
            },
          ],
        },
      ],
    });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="mes-documents-${now.slice(0, 10)}.pdf"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(bytes));
  });

  app.get('/mes-documents/mes-donnees.json', client, async (request, reply) => {
    const data = await exportPersonalData(db, requestActor(request), app.clock, request.t);
    const day = app.clock().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="mes-donnees-${day}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });
}
