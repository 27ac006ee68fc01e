import type { VNode } from 'preact';
import { formatDay } from '../../../ui/format/datetime';
import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { isActionLate } from '../action-due';
import type { PlanAction, PlanNote } from '../plan.tables';
import { NoteList } from './note-list';
import { actionCrumbs, actionPath } from './plan-breadcrumbs';
import { LinkifiedText } from './text';

export interface ActionPageProps {
  ctx: ViewContext;
  action: PlanAction;
  notes: PlanNote[];
  /** What other modules add under the action (its referrals), each rendering its own section. */
  sections?: Array<(ctx: ViewContext) => VNode>;
  /** Québec's date today (YYYY-MM-DD), to flag an action « En retard ». */
  today: string;
  /** Shown after a change (no-JS round trip) in the polite live region. */
  notice?: string;
  /** A stale form was refused: say so, and show the current state. */
  conflict?: boolean;
}

/**
 * Guide 3.3 and 3.4: « Date de fin : » (the day it was completed, empty before), the agent's
 * « À terminer d'ici le » with « En retard » once passed, the description, the « J'ai terminé » switch (a real
 * form; the script turns it into an in-place update), « Informations utiles » and the notes.
 */
export function ActionPage({ ctx, action, notes, sections = [], today, notice, conflict }: ActionPageProps) {
  const { t } = ctx;
  const isDone = action.status === 'completee';
  return (
    <>
      <Breadcrumb ctx={ctx} items={actionCrumbs(ctx, action)} />
      {conflict && (
        <Notice kind="warning" isUrgent>
          {t('plan.action.conflict')}
        </Notice>
      )}
      <h1 lang={action.lang}>{action.title}</h1>
      <p class="app-action__end-date">
        <span class="app-action__end-date-label">{t('plan.action.endDate')}</span> <span data-end-date>{action.completed_on ? formatDay(action.completed_on, ctx.locale) : ''}</span>
      </p>
      {action.due_on && (
        <p class="app-action__due-date">
          {t('plan.action.dueOn', { date: formatDay(action.due_on, ctx.locale) })}{' '}
          <span data-late-flag hidden={!isActionLate(action, today)}>
            <StatusTag tone="warning">{t('plan.action.late')}</StatusTag>
          </span>
        </p>
      )}
      <div class="app-action__description" lang={action.lang}>
        <LinkifiedText text={action.description} />
      </div>
      <PostForm ctx={ctx} action={`${actionPath(action.id)}/terminer`} class="app-switch-form" module="app-action-toggle">
        <input type="hidden" name="version" value={String(action.version)} data-version />
        <button type="submit" class="app-switch" role="switch" aria-checked={isDone ? 'true' : 'false'}>
          <span class="app-switch__track" aria-hidden="true">
            <span class="app-switch__thumb" />
          </span>
          <span class="app-switch__label">{t('plan.action.done')}</span>
        </button>
      </PostForm>
      <div
        class="app-live"
        role="status"
        data-live
        data-message-done={t('plan.action.nowDone')}
        data-message-todo={t('plan.action.nowTodo')}
        data-message-conflict={t('plan.action.conflict')}
        data-message-failed={t('plan.action.failed')}
        data-message-offline={t('pwa.offline.actionNeedsConnection')}
      >
        {notice}
      </div>
      <div class="app-action__panels">
        <section class="app-card" aria-labelledby="action-info-heading">
          <h2 id="action-info-heading" class="app-card__title">
            {t('plan.action.usefulInfo')}
          </h2>
          {action.useful_info.trim() ? (
            <div lang={action.lang}>
              <LinkifiedText text={action.useful_info} />
            </div>
          ) : (
            <p>{t('plan.action.noInfo')}</p>
          )}
        </section>
        <section class="app-card" aria-labelledby="action-notes-heading">
          <h2 id="action-notes-heading" class="app-card__title">
            {t('plan.notes.heading')}
          </h2>
          <NoteList ctx={ctx} notes={notes} emptyKey="plan.action.noNotes" />
        </section>
      </div>
      {sections.map((section) => section(ctx))}
    </>
  );
}
