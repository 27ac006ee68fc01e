import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { formatDateTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { MessageKey } from '../../../platform/i18n/catalog';
import { pluralForm } from '../../../platform/i18n/plural';
import type { AgentChoice, AssignmentsOverview, LanguageNeed } from '../assignment.service';
import { type Team, teamName } from '../team.service';
import { ADMIN_PATH, agentCaseloadPath, assignRequestPath, requestTeamPath } from './paths';

/** The languages a client needs, in words (« Espagnol · interprète : Espagnol »). */
export function needText(ctx: ViewContext, need: LanguageNeed): string {
  const languages = need.codes.map((code) => ctx.t(`staff.lang.${code}` as MessageKey)).join(', ');
  return need.interpreter ? `${languages} · ${ctx.t('admin.assign.need.interpreter', { interpreter: need.interpreter })}` : languages;
}

function AgentOption({ ctx, agent, teams, selected }: { ctx: ViewContext; agent: AgentChoice; teams: Team[]; selected?: number | null }) {
  const team = teamName(teams, agent.team, ctx.locale);
  const label = team ? `${agent.display_name} (${team})` : agent.display_name;
  return (
    <option value={String(agent.id)} selected={agent.id === selected}>
      {ctx.t(`admin.assign.option.${pluralForm(ctx.locale, agent.clients)}`, { agent: label, count: agent.clients })}
    </option>
  );
}

/**
 * The agents one may choose (the service leaves out deactivated agents and invitees who have not
 * accepted), as <option>s with their team and caseload: the suggested ones (they speak what the
 * client needs) in a first group, then the others.
 */
export function AgentOptions({ ctx, agents, teams, need, selected }: { ctx: ViewContext; agents: AgentChoice[]; teams: Team[]; need?: LanguageNeed; selected?: number | null }) {
  const { t } = ctx;
  const suggested = agents.filter((agent) => agent.isSuggested);
  const others = agents.filter((agent) => !agent.isSuggested);
  const option = (agent: AgentChoice) => <AgentOption key={agent.id} ctx={ctx} agent={agent} teams={teams} selected={selected} />;
  const languages = need ? need.codes.map((code) => t(`staff.lang.${code}` as MessageKey)).join(', ') : '';
  return (
    <>
      <option value="">{t('admin.assign.choose')}</option>
      {suggested.length === 0 ? (
        others.map(option)
      ) : (
        <>
          <optgroup label={need ? t('admin.assign.suggested', { languages }) : t('admin.assign.suggestedAll')}>{suggested.map(option)}</optgroup>
          {others.length > 0 && <optgroup label={t('admin.assign.others')}>{others.map(option)}</optgroup>}
        </>
      )}
    </>
  );
}

/** The request's team, and a form to send it to another team's queue (the active teams of « Données de référence »). */
function TeamChoice({ ctx, teams, requestId, current, clientName }: { ctx: ViewContext; teams: Team[]; requestId: number; current: string; clientName: string }) {
  const { t } = ctx;
  const name = (code: string) => teamName(teams, code, ctx.locale) ?? code;
  const choices = teams.filter((team) => team.active === 1 || team.code === current).sort((a, b) => name(a.code).localeCompare(name(b.code), ctx.locale));
  return (
    <PostForm ctx={ctx} action={requestTeamPath(requestId)} class="app-inline-form">
      <label class="app-visually-hidden" for={`team-${requestId}`}>
        {t('admin.assign.teamFor', { name: clientName })}
      </label>
      <select id={`team-${requestId}`} name="team">
        {choices.some((team) => team.code === current) || (
          <option value={current} selected>
            {current}
          </option>
        )}
        {choices.map((team) => (
          <option key={team.code} value={team.code} selected={team.code === current}>
            {name(team.code)}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="app-button app-button--secondary" aria-label={t('admin.assign.sendToTeamLabel', { name: clientName })}>
        {t('admin.assign.sendToTeam')}
      </button>
    </PostForm>
  );
}

/** « Réassigner »: caseloads by agent, and the unassigned requests with an « Assigner » form each. */
export function AssignmentsPage({ ctx, overview, notice, warning }: { ctx: ViewContext; overview: AssignmentsOverview; notice?: string; warning?: string }) {
  const { t } = ctx;
  const { teams } = overview;
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
              <th scope="col">{t('admin.assign.col.language')}</th>
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
                <td data-label={t('admin.assign.col.team')}>
                  <TeamChoice ctx={ctx} teams={teams} requestId={request.id} current={request.team} clientName={request.clientName} />
                </td>
                <td data-label={t('admin.assign.col.language')}>{needText(ctx, request.need)}</td>
                <td data-label={t('admin.assign.col.submitted')}>
                  <time dateTime={request.submittedAt}>{formatDateTime(request.submittedAt, ctx.locale)}</time>
                </td>
                <td data-label={t('admin.assign.col.assign')}>
                  <PostForm ctx={ctx} action={assignRequestPath(request.id)} class="app-inline-form">
                    <label class="app-visually-hidden" for={`agent-${request.id}`}>
                      {t('admin.assign.agentFor', { name: request.clientName })}
                    </label>
                    <select id={`agent-${request.id}`} name="agent">
                      <AgentOptions ctx={ctx} agents={request.choices} teams={teams} need={request.need} />
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
              <td data-label={t('admin.assign.col.team')}>{teamName(teams, agent.team, ctx.locale) ?? t('admin.assign.noTeam')}</td>
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
