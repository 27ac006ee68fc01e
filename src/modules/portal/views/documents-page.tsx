import type { MessageKey } from '../../../platform/i18n/catalog';
import { agreeing } from '../../../platform/i18n/gender';
import { EmptyState } from '../../../ui/components/form';
import { formatDay, formatLongDate } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { Appointment } from '../../appointments/appointment.tables';
import { StartTime } from '../../appointments/views/appointment-parts';
import { DOMAIN_LABEL_KEYS, type DomainCode } from '../../plans/domains';
import type { PlanAction } from '../../plans/plan.tables';
import type { FileView } from '../data-export.service';
import { FileReference } from '../../accounts/views/file-reference';

export interface PrintablePlanGroup {
  domain: DomainCode;
  actions: PlanAction[];
}

/** « Mes documents »: plan and appointments to print, the data download, who opened the file. */
export function DocumentsPage({ ctx, plan, appointments, views, renderedAt }: { ctx: ViewContext; plan: PrintablePlanGroup[] | null; appointments: Appointment[]; views: FileView[]; renderedAt: Date }) {
  const { t, locale } = ctx;
  return (
    <div class="app-documents">
      <h1>{t('shell.documents.title')}</h1>
      {/* Only on paper: whose printout this is, and of when (the screen has the header). */}
      {ctx.account && <p class="app-print-only">{t('documents.printedFor', { name: ctx.account.display_name, date: formatLongDate(renderedAt.toISOString(), locale) })}</p>}
      {ctx.account && <FileReference ctx={ctx} clientId={ctx.account.id} />}
      <p class="app-no-print">{t('documents.printHint')}</p>
      <p class="app-no-print app-button-group">
        {/* « Imprimer » needs the script (window.print): hidden until it starts; without it, the browser's own print. */}
        <button type="button" class="app-button" data-module="app-print" hidden>
          {t('documents.print')}
        </button>
        <a class="app-button app-button--secondary" href="/mes-documents/mon-plan.pdf" download>
          {t('documents.pdf.download')}
        </a>
      </p>

      <section aria-labelledby="documents-plan">
        <h2 id="documents-plan">{t('documents.plan')}</h2>
        {plan ? (
          plan
            .filter((group) => group.actions.length > 0)
            .map((group) => (
              <div key={group.domain} class="app-documents__domain">
                <h3>{t(DOMAIN_LABEL_KEYS[group.domain])}</h3>
                <table class="app-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('documents.action')}</th>
                      <th scope="col">{t('documents.status')}</th>
                      <th scope="col">{t('documents.doneOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.actions.map((action) => (
                      <tr key={action.id}>
                        <td>{action.title}</td>
                        <td>{t(action.status === 'completee' ? 'documents.done' : 'documents.todo')}</td>
                        <td>{action.completed_on ? formatDay(action.completed_on, locale) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))
        ) : (
          <EmptyState>{t('documents.noPlan')}</EmptyState>
        )}
      </section>

      <section aria-labelledby="documents-appointments">
        <h2 id="documents-appointments">{t('documents.appointments')}</h2>
        {appointments.length === 0 ? (
          <EmptyState>{t('documents.noAppointments')}</EmptyState>
        ) : (
          <table class="app-table">
            <thead>
              <tr>
                <th scope="col">{t('documents.date')}</th>
                <th scope="col">{t('documents.time')}</th>
                <th scope="col">{t('documents.kind')}</th>
                <th scope="col">{t('documents.mode')}</th>
                <th scope="col">{t('documents.status')}</th>
              </tr>
            </thead>
            <tbody>
              {appointments.map((appointment) => (
                <tr key={appointment.id}>
                  <td>{formatLongDate(appointment.starts_at, locale)}</td>
                  <td>
                    <StartTime ctx={ctx} startsAt={appointment.starts_at} />
                  </td>
                  <td>{t(`appointments.kind.${appointment.kind}` as MessageKey)}</td>
                  <td>{t(`appointments.mode.${appointment.mode}` as MessageKey)}</td>
                  <td>{t(agreeing(`appointments.status.${appointment.status}`, ctx.account?.grammatical_gender))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="documents-data" class="app-no-print">
        <h2 id="documents-data">{t('documents.data')}</h2>
        <p>{t('documents.dataIntro')}</p>
        <p>{t('documents.dataExcluded')}</p>
        <p>
          <a class="app-button app-button--secondary" href="/mes-documents/mes-donnees.json" download>
            {t('documents.download')}
          </a>
        </p>
        <h3>{t('documents.views')}</h3>
        {views.length === 0 ? (
          <p>{t('documents.noViews')}</p>
        ) : (
          <table class="app-table">
            <thead>
              <tr>
                <th scope="col">{t('documents.viewedAt')}</th>
                <th scope="col">{t('documents.viewedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {views.map((view, i) => (
                <tr key={i}>
                  <td>
                    <StartTime ctx={ctx} startsAt={view.at} withDate />
                  </td>
                  <td>{view.staffName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
