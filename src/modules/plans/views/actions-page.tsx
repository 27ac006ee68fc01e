import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { Tabs } from '../../../ui/components/tabs/tabs';
import { formatDay, formatLongDate } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import { DOMAIN_LABEL_KEYS } from '../domains';
import type { ActionsTab, DomainGroup } from '../plan.service';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { isActionLate } from '../action-due';
import type { PlanAction } from '../plan.tables';
import { actionPath, actionsPath, HOME_PATH } from './plan-breadcrumbs';
import { pluralForm } from '../../../platform/i18n/plural';

/**
 * « Mes actions » (guide 3.2 step 3): tabs « À faire » / « Complétées » as links, a progress
 * overview, then the five domains as native <details>, open (the plan at a glance, no five clicks),
 * that close one by one by click or keyboard, or all at once with « Tout replier » (a link: no JS needed).
 */
export function ActionsPage({ ctx, tab, groups, today, isCollapsed = false }: { ctx: ViewContext; tab: ActionsTab; groups: DomainGroup[]; today: string; isCollapsed?: boolean }) {
  const { t } = ctx;
  const isDone = tab === 'completees';
  const tabIsEmpty = groups.every((group) => group.actions.length === 0);
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('plan.title'), href: HOME_PATH }, { label: t('plan.myActions') }]} />
      <h1>{t('plan.myActions')}</h1>
      <Tabs
        label={t('plan.tabs.label')}
        isUppercase
        items={[
          { href: actionsPath('a-faire'), label: t('plan.tabs.todo'), isCurrent: !isDone },
          { href: actionsPath('completees'), label: t('plan.tabs.done'), isCurrent: isDone },
        ]}
      />
      <div class="app-actions-layout">
        <section class="app-actions-layout__main" aria-labelledby="plan-domains-heading">
          <h2 id="plan-domains-heading" class="app-visually-hidden">
            {t(isDone ? 'plan.domains.heading.done' : 'plan.domains.heading.todo')}
          </h2>
          {!tabIsEmpty && (
            <p class="app-actions-layout__toggle">
              <a href={isCollapsed ? actionsPath(tab) : `${actionsPath(tab)}&replie=1`}>{t(isCollapsed ? 'plan.domains.expandAll' : 'plan.domains.collapseAll')}</a>
            </p>
          )}
          {tabIsEmpty ? (
            <EmptyState>{t(isDone ? 'plan.empty.tab.done' : 'plan.empty.tab.todo')}</EmptyState>
          ) : (
            groups.map((group) => <DomainSection ctx={ctx} group={group} isDone={isDone} isOpen={!isCollapsed} today={today} key={group.domain} />)
          )}
        </section>
        <ProgressOverview ctx={ctx} groups={groups} />
      </div>
    </>
  );
}

function DomainSection({ ctx, group, isDone, isOpen, today }: { ctx: ViewContext; group: DomainGroup; isDone: boolean; isOpen: boolean; today: string }) {
  const { t } = ctx;
  const count = group.actions.length;
  const prefix = isDone ? 'plan.count.done' : 'plan.count.todo';
  const countText = count === 0 ? t(`${prefix}.zero`) : t(`${prefix}.${pluralForm(ctx.locale, count)}`, { count });
  return (
    <details class="app-domain" id={`domaine-${group.domain}`} open={isOpen}>
      <summary class="app-domain__summary">
        <span class="app-domain__name">{t(DOMAIN_LABEL_KEYS[group.domain])}</span>
        <span class="app-domain__count">{countText}</span>
      </summary>
      <div class="app-domain__body">
        {count === 0 ? (
          <EmptyState>{t(isDone ? 'plan.empty.domain.done' : 'plan.empty.domain.todo')}</EmptyState>
        ) : (
          <ul class="app-action-list">
            {group.actions.map((action) => (
              <ActionRow ctx={ctx} action={action} today={today} key={action.id} />
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

/**
 * An action in a list: its title (a link to its page) and its date: « Date de fin » once done,
 * else the agent's « À terminer d'ici le » (with « En retard » once passed), else the day it was added.
 */
function ActionRow({ ctx, action, today }: { ctx: ViewContext; action: PlanAction; today: string }) {
  const { t } = ctx;
  return (
    <li class="app-action-list__item">
      <a class="app-action-list__title" href={actionPath(action.id)} lang={action.lang}>
        {action.title}
      </a>
      <span class="app-action-list__date">
        {action.status === 'completee' && action.completed_on
          ? `${t('plan.action.endDate')} ${formatDay(action.completed_on, ctx.locale)}`
          : action.due_on
            ? t('plan.action.dueOn', { date: formatDay(action.due_on, ctx.locale) })
            : t('plan.action.addedOn', { date: formatLongDate(action.created_at, ctx.locale) })}
      </span>
      {isActionLate(action, today) && <StatusTag tone="warning">{t('plan.action.late')}</StatusTag>}
    </li>
  );
}

/** Done / total per domain, as a sentence a screen reader reads whole; the bar is decoration. */
function ProgressOverview({ ctx, groups }: { ctx: ViewContext; groups: DomainGroup[] }) {
  const { t } = ctx;
  return (
    <section class="app-card app-progress-overview" aria-labelledby="plan-progress-heading">
      <h2 id="plan-progress-heading" class="app-card__title">
        {t('plan.progress.heading')}
      </h2>
      <ul class="app-progress-list">
        {groups.map((group) => (
          <li class="app-progress-list__item" key={group.domain}>
            <span class="app-progress-list__text">
              {group.total === 0
                ? t('plan.progress.none', { domain: t(DOMAIN_LABEL_KEYS[group.domain]) })
                : t(`plan.progress.${pluralForm(ctx.locale, group.done)}`, {
                    domain: t(DOMAIN_LABEL_KEYS[group.domain]),
                    done: group.done,
                    total: group.total,
                  })}
            </span>
            <progress class="app-progress-list__bar" max={Math.max(group.total, 1)} value={group.done} aria-hidden="true" />
          </li>
        ))}
      </ul>
    </section>
  );
}
