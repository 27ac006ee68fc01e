import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { Tabs } from '../../../ui/components/tabs/tabs';
import { formatLongDate } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { Tab } from '../appointment.service';
import type { Appointment, CancellationReason } from '../appointment.tables';
import type { ProposalPromises } from '../proposal-promises.service';
import { RowMenu, StartTime, StatusLabel } from './appointment-parts';
import { ProposalPromise } from './proposal-promise';

export interface AppointmentRow {
  appointment: Appointment;
  reason?: CancellationReason;
  canCancel: boolean;
}

const TABS: Tab[] = ['planifie', 'termine'];

/** Guide §2.1: the tabs « Planifié » and « Terminé » (links, so they work without JS). */
export function AppointmentListPage({ ctx, tab, rows, next }: { ctx: ViewContext; tab: Tab; rows: AppointmentRow[]; next?: ProposalPromises }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('appointments.title')}</h1>
      <Tabs label={t('appointments.tabs')} items={TABS.map((name) => ({ href: `/rendez-vous?onglet=${name}`, label: t(`appointments.tab.${name}`), isCurrent: name === tab }))} />
      {rows.length === 0 ? (
        <>
          {/* An empty « Planifié » says when the promised proposal will come at the latest. */}
          {tab === 'planifie' && next?.firstProposalDueAt && <ProposalPromise ctx={ctx} kind="first" dueAt={next.firstProposalDueAt} />}
          {tab === 'planifie' && next?.reproposalDueAt && <ProposalPromise ctx={ctx} kind="new" dueAt={next.reproposalDueAt} />}
          <EmptyState>{t(`appointments.empty.${tab}`)}</EmptyState>
        </>
      ) : (
        <table class="app-appointment-table">
          <caption class="app-visually-hidden">{t(`appointments.caption.${tab}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('appointments.col.date')}</th>
              <th scope="col">{t('appointments.col.time')}</th>
              <th scope="col">{t('appointments.col.kind')}</th>
              <th scope="col">{t('appointments.col.mode')}</th>
              <th scope="col">{t('appointments.col.status')}</th>
              <th scope="col">
                <span class="app-visually-hidden">{t('appointments.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ appointment, reason, canCancel }) => (
              <tr key={appointment.id} class="app-appointment-table__row">
                <td data-label={t('appointments.col.date')}>{formatLongDate(appointment.starts_at, ctx.locale)}</td>
                <td data-label={t('appointments.col.time')}>
                  <StartTime ctx={ctx} startsAt={appointment.starts_at} />
                </td>
                <td data-label={t('appointments.col.kind')}>{t(`appointments.kind.${appointment.kind}`)}</td>
                <td data-label={t('appointments.col.mode')}>{t(`appointments.mode.${appointment.mode}`)}</td>
                <td data-label={t('appointments.col.status')}>
                  <StatusLabel ctx={ctx} appointment={appointment} reason={reason} gender={ctx.account?.grammatical_gender} />
                </td>
                <td class="app-appointment-table__actions">
                  <RowMenu ctx={ctx} appointment={appointment} canCancel={canCancel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
