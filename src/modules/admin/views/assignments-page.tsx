import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { formatDateTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { AgentCaseload, AssignmentsOverview } from '../assignment.service';
import { ADMIN_PATH, agentCaseloadPath, assignRequestPath } from './paths';

/** The active agents who have accepted their invitation, as <option>s, with their team. */
export function AgentOptions({ ctx, agents, selected }: { ctx: ViewContext; agents: AgentCaseload[]; selected?: number | null }) {
  return (
    <>
      <option value="">{ctx.t('admin.assign.choose')}</option>
      {agents
        .filter((agent) => agent.active && agent.accepted)
        .map((agent) => (
          <option key={agent.id} value={String(agent.id)} selected={agent.id === selected}>
            {agent.team ? `${agent.display_name} (${agent.team})` : agent.display_name}
          </option>
        ))}
    </>
  );
}

/** « Réassigner »: caseloads by agent, and the unassigned requests with an « Assigner » form each. */
export function AssignmentsPage({ ctx, overview, notice, warning }: { ctx: ViewContext; overview: AssignmentsOverview; notice?: string; warning?: string }) {
  const { t } = ctx;
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('admin.crumb'), href: ADMIN_PATH }, { label: t('admin.assign.title') }]} />
      <h1>{t('admin.assign.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {warning && <Notice kind="warning">{warning}</Notice>}
      <p>{t('admin.assign.intro')}</p>

      <h2>{t('admin.assign.unassigned')}</h2>
      {overview.unassigned.length === 0 ? (
        <EmptyState>{t('admin.assign.noUnassigned')}</EmptyState>
      ) : (
        <table class="app-table">
          <caption class="app-visually-hidden">{t('admin.assign.unassignedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.assign.col.client')}</th>
              <th scope="col">{t('admin.assign.col.team')}</th>
              <th scope="col">{t('admin.assign.col.submitted')}</th>
              <th scope="col">{t('admin.assign.col.assign')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.unassigned.map((request) => (
              <tr key={request.id}>
                <th scope="row" data-label={t('admin.assign.col.client')}>
                  {request.clientName}
                </th>
                <td data-label={t('admin.assign.col.team')}>{request.team}</td>
                <td data-label={t('admin.assign.col.submitted')}>
                  <time dateTime={request.submittedAt}>{formatDateTime(request.submittedAt, ctx.locale)}</time>
                </td>
                <td data-label={t('admin.assign.col.assign')}>
                  <PostForm ctx={ctx} action={assignRequestPath(request.id)} class="app-inline-form">
                    <label class="app-visually-hidden" for={`agent-${request.id}`}>
                      {t('admin.assign.agentFor', { name: request.clientName })}
                    </label>
                    <select id={`agent-${request.id}`} name="agent">
                      <AgentOptions ctx={ctx} agents={overview.agents} />
                    </select>{' '}
                    <button type="submit" class="app-button app-button--secondary" aria-label={t('admin.assign.assignLabel', { name: request.clientName })}>
                      {t('admin.assign.assign')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('admin.assign.agents')}</h2>
      <table class="app-table">
        <caption class="app-visually-hidden">{t('admin.assign.agentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.assign.col.agent')}</th>
            <th scope="col">{t('admin.assign.col.team')}</th>
            <th scope="col">{t('admin.assign.col.clients')}</th>
            <th scope="col">{t('admin.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.agents.map((agent) => (
            <tr key={agent.id}>
              <th scope="row" data-label={t('admin.assign.col.agent')}>
                {agent.display_name} {!agent.active && <StatusTag tone="neutral">{t('admin.assign.inactive')}</StatusTag>}
              </th>
              <td data-label={t('admin.assign.col.team')}>{agent.team ?? t('admin.assign.noTeam')}</td>
              <td data-label={t('admin.assign.col.clients')}>{agent.clients}</td>
              <td data-label={t('admin.col.actions')}>
                <a href={agentCaseloadPath(agent.id)} aria-label={t('admin.assign.openLabel', { name: agent.display_name })}>
                  {t('admin.assign.open')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
