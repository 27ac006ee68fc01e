import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { formatDateTime, formatDay } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import { clientPath, conversationPath, proposePath, staffAppointmentPath } from '../../workspace/views/paths';
import type { WorkItem } from '../../workspace/work-queue.service';
import { type Dashboard, MAX_WEEKS } from '../dashboard.service';
import { DeadlineChart, percent } from './deadline-chart';
import { ADMIN_PATH, ASSIGN_PATH } from './paths';
import type { PartnerReferralCounts } from '../../referrals/partner.service';
import { ReferralCounts } from '../../referrals/views/referral-counts';

/** « Tableau de bord »: the period's figures, the two promises week by week (chart and table), what is late, open work now. */
export function DashboardPage({ ctx, board, referrals }: { ctx: ViewContext; board: Dashboard; referrals: PartnerReferralCounts[] }) {
  const { t } = ctx;
  const { totals } = board;
  return (
    <>
      <h1>{t('admin.dash.title')}</h1>
      <form method="get" action={ADMIN_PATH} class="app-inline-form">
        <div class="app-field">
          <label for="debut">{t('admin.dash.start')}</label>
          <p class="app-field__hint" id="debut-hint">
            {t('admin.ref.field.dateHint')}
          </p>
          <input type="text" id="debut" name="debut" value={board.period.start} maxLength={10} aria-describedby="debut-hint" />
        </div>
        <div class="app-field">
          <label for="semaines">{t('admin.dash.weeks')}</label>
          <select id="semaines" name="semaines">
            {Array.from({ length: MAX_WEEKS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={String(n)} selected={n === board.period.weeks}>
                {String(n)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="app-button app-button--secondary">
          {t('admin.dash.show')}
        </button>
      </form>
      <p>{t('admin.dash.period', { start: formatDay(board.period.start, ctx.locale), end: formatDay(board.end, ctx.locale) })}</p>

      <h2>{t('admin.dash.figures')}</h2>
      <ul class="app-admin-figures">
        <li>
          <strong data-figure="requests">{totals.requests}</strong> {t('admin.dash.requests')}
        </li>
        <li>
          <strong data-figure="first">{percent(ctx, totals.first.share)}</strong> {t('admin.dash.firstLong', { onTime: totals.first.onTime, due: totals.first.onTime + totals.first.late })}
        </li>
        <li>
          <strong data-figure="reproposals">{percent(ctx, totals.reproposals.share)}</strong>{' '}
          {t('admin.dash.reproposalsLong', { onTime: totals.reproposals.onTime, due: totals.reproposals.onTime + totals.reproposals.late })}
        </li>
        <li>
          <strong data-figure="noShows">{totals.noShows}</strong> {t('admin.dash.noShows')}
        </li>
        <li>
          <strong data-figure="plans">{totals.plansPublished}</strong> {t('admin.dash.plans')}
        </li>
        <li>
          <strong data-figure="unassigned">{board.unassigned.length}</strong> <a href={ASSIGN_PATH}>{t('admin.dash.unassigned')}</a>
        </li>
      </ul>

      <h2>{t('admin.dash.byWeek')}</h2>
      <DeadlineChart ctx={ctx} weeks={board.weeks} />
      <table class="app-table">
        <caption>{t('admin.dash.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.dash.col.week')}</th>
            <th scope="col">{t('admin.dash.requests')}</th>
            <th scope="col">{t('admin.dash.first')}</th>
            <th scope="col">{t('admin.dash.reproposals')}</th>
            <th scope="col">{t('admin.dash.noShows')}</th>
            <th scope="col">{t('admin.dash.plans')}</th>
          </tr>
        </thead>
        <tbody>
          {board.weeks.map((week) => (
            <tr key={week.start}>
              <th scope="row" data-label={t('admin.dash.col.week')}>
                {formatDay(week.start, ctx.locale)}
              </th>
              <td data-label={t('admin.dash.requests')}>{week.requests}</td>
              <td data-label={t('admin.dash.first')}>
                {percent(ctx, week.first.share)} ({week.first.onTime}/{week.first.onTime + week.first.late})
              </td>
              <td data-label={t('admin.dash.reproposals')}>
                {percent(ctx, week.reproposals.share)} ({week.reproposals.onTime}/{week.reproposals.onTime + week.reproposals.late})
              </td>
              <td data-label={t('admin.dash.noShows')}>{week.noShows}</td>
              <td data-label={t('admin.dash.plans')}>{week.plansPublished}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="en-retard">{t('admin.dash.late')}</h2>
      {board.late.length === 0 && board.overdueNowCount === 0 && <EmptyState>{t('admin.dash.noLateAtAll')}</EmptyState>}
      <h3>{t('admin.dash.latePromises')}</h3>
      {board.late.length === 0 ? (
        <p>{t('admin.dash.noLate')}</p>
      ) : (
        <>
          {board.lateCount > board.late.length && <p data-figure="lateShown">{t('admin.dash.lateShown', { shown: board.late.length, count: board.lateCount })}</p>}
          <table class="app-table">
            <caption class="app-visually-hidden">{t('admin.dash.late')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.assign.col.client')}</th>
                <th scope="col">{t('admin.dash.col.promise')}</th>
                <th scope="col">{t('admin.dash.col.due')}</th>
                <th scope="col">{t('admin.dash.col.answered')}</th>
              </tr>
            </thead>
            <tbody>
              {board.late.map((item) => (
                <tr key={`${item.kind}-${item.clientId}-${item.since}`}>
                  <th scope="row" data-label={t('admin.assign.col.client')}>
                    <a href={clientPath(item.clientId)}>{item.clientName}</a>
                  </th>
                  <td data-label={t('admin.dash.col.promise')}>{t(item.kind === 'first' ? 'admin.dash.first' : 'admin.dash.reproposals')}</td>
                  <td data-label={t('admin.dash.col.due')}>
                    <time dateTime={item.dueAt}>{formatDateTime(item.dueAt, ctx.locale)}</time>
                  </td>
                  <td data-label={t('admin.dash.col.answered')}>{item.answeredAt ? <time dateTime={item.answeredAt}>{formatDateTime(item.answeredAt, ctx.locale)}</time> : t('admin.dash.notYet')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <OverdueNow ctx={ctx} board={board} />

      <h2>{t('admin.dash.openWork')}</h2>
      <table class="app-table">
        <caption class="app-visually-hidden">{t('admin.dash.openWork')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.assign.col.agent')}</th>
            <th scope="col">{t('admin.dash.col.items')}</th>
            <th scope="col">{t('admin.dash.col.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {board.openWork.map((row) => (
            <tr key={row.agentId}>
              <th scope="row" data-label={t('admin.assign.col.agent')}>
                {row.agentName}
              </th>
              <td data-label={t('admin.dash.col.items')}>{row.items}</td>
              <td data-label={t('admin.dash.col.overdue')}>
                {row.overdue > 0 && board.overdueNow.some((item) => item.agentId === row.agentId) ? (
                  <a href={`#en-retard-${row.agentId}`} aria-label={t('admin.dash.overdueOf', { count: row.overdue, name: row.agentName })}>
                    {row.overdue}
                  </a>
                ) : (
                  row.overdue
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <ReferralCounts ctx={ctx} rows={referrals} />
    </>
  );
}

/** Where an overdue item's work is done: the appointment for an outcome, the conversation for a reply, the proposal form for a (re-)proposal, the plan for a plan. */
function workHref(item: WorkItem): string {
  if (item.sourced) return item.sourced.href;
  if (item.kind === 'outcome' && item.appointmentId) return staffAppointmentPath(item.appointmentId);
  if (item.kind === 'reply' && item.threadId !== undefined) return conversationPath(item.clientId, item.threadId);
  if (item.kind === 'request' || item.kind === 'reproposal') return proposePath(item.clientId);
  if (item.kind === 'plan') return `${clientPath(item.clientId)}/plan`;
  return clientPath(item.clientId);
}

/**
 * « En retard en ce moment »: the items behind the open work's « En retard » counts, so that the
 * headline and the table below agree, each linked to where it is done; the first of each agent
 * is the target of that agent's count.
 */
function OverdueNow({ ctx, board }: { ctx: ViewContext; board: Dashboard }) {
  const { t } = ctx;
  const firstOfAgent = new Set<number>();
  return (
    <>
      <h3>{t('admin.dash.overdueNow', { count: board.overdueNowCount })}</h3>
      {board.overdueNow.length === 0 ? (
        <p>{t('admin.dash.noOverdueNow')}</p>
      ) : (
        <>
          {board.overdueNowCount > board.overdueNow.length && <p>{t('admin.dash.lateShown', { shown: board.overdueNow.length, count: board.overdueNowCount })}</p>}
          <table class="app-table">
            <caption class="app-visually-hidden">{t('admin.dash.overdueNow', { count: board.overdueNowCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.assign.col.client')}</th>
                <th scope="col">{t('admin.assign.col.agent')}</th>
                <th scope="col">{t('workspace.queue.col.work')}</th>
                <th scope="col">{t('admin.dash.col.due')}</th>
              </tr>
            </thead>
            <tbody>
              {board.overdueNow.map((item) => {
                const isFirst = !firstOfAgent.has(item.agentId);
                firstOfAgent.add(item.agentId);
                const kind = item.sourced ? t(item.sourced.kindKey) : t(`workspace.queue.kind.${item.kind as Exclude<WorkItem['kind'], 'sourced'>}`);
                return (
                  <tr key={`${item.kind}-${item.clientId}-${item.appointmentId ?? item.threadId ?? item.sourced?.key ?? ''}`} id={isFirst ? `en-retard-${item.agentId}` : undefined}>
                    <th scope="row" data-label={t('admin.assign.col.client')}>
                      {item.clientName}
                    </th>
                    <td data-label={t('admin.assign.col.agent')}>{item.agentName}</td>
                    <td data-label={t('workspace.queue.col.work')}>
                      <a href={workHref(item)}>{kind}</a>
                    </td>
                    <td data-label={t('admin.dash.col.due')}>
                      <time dateTime={item.dueAt}>{formatDateTime(item.dueAt, ctx.locale)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
