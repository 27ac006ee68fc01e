import type { VNode } from 'preact';
import { Breadcrumb } from '../../../../ui/components/breadcrumb';
import { EmptyState } from '../../../../ui/components/empty-state/empty-state';
import { PostForm } from '../../../../ui/components/form';
import { Notice } from '../../../../ui/components/notice/notice';
import { StatusTag } from '../../../../ui/components/status-tag/status-tag';
import { SummaryList } from '../../../../ui/components/summary-list/summary-list';
import { formatDateTime, formatDay } from '../../../../ui/format/datetime';
import type { ViewContext } from '../../../../ui/view-context';
import { newReferralPath } from '../../../workspace/views/paths';
import { DOMAIN_LABEL_KEYS } from '../../domains';
import type { StaffActionView, StaffPlanView } from '../../plan-editing.service';
import type { PlanNote } from '../../plan.tables';
import { excerpt, LinkifiedText } from '../text';
import { actionPath, catalogueActionsPath, editNotePath, fileCrumbs, newActionPath, newNotePath, notesPath, planPath } from './staff-paths';

export interface StaffPlanPageProps {
  ctx: ViewContext;
  view: StaffPlanView;
  /** What other modules add under each action (its referrals), by action id. */
  sections?: Map<number, Array<(ctx: ViewContext) => VNode>>;
  /** What the last change did (after its redirect). */
  notice?: string;
  /** Why the last request changed nothing. */
  problem?: string;
}

/**
 * The agent's plan page: the plan by domain (draft or published), each action with what the
 * client did (« J'ai terminé » and when) and its notes, and the buttons that change it. Every
 * button is a small POST form or a link: the page works without JavaScript.
 */
export function StaffPlanPage({ ctx, view, sections, notice, problem }: StaffPlanPageProps) {
  const { t } = ctx;
  const { client, plan } = view;
  return (
    <>
      <Breadcrumb ctx={ctx} items={[...fileCrumbs(ctx, client), { label: t('planStaff.plan.title') }]} />
      {problem && (
        <Notice kind="warning" isUrgent>
          {problem}
        </Notice>
      )}
      {notice && <Notice kind="success">{notice}</Notice>}
      <h1>{t('planStaff.plan.title')}</h1>
      <p class="app-lead">{t('planStaff.client', { name: client.display_name })}</p>
      {plan ? (
        <>
          <p>
            {t('planStaff.plan.statusLabel')} <StatusTag tone={plan.status === 'publie' ? 'success' : 'warning'}>{t(`planStaff.status.${plan.status}`)}</StatusTag>
          </p>
          <p>{plan.status === 'publie' ? t('planStaff.plan.publishedHint', { date: formatDateTime(plan.published_at ?? plan.created_at, ctx.locale) }) : t('planStaff.plan.draftHint')}</p>
          <div class="app-button-group">
            <a class="app-button" href={catalogueActionsPath(client.id)}>
              {t('planStaff.plan.addFromCatalogue')}
            </a>
            <a class="app-button app-button--secondary" href={newActionPath(client.id)}>
              {t('planStaff.plan.addAction')}
            </a>
            <a class="app-button app-button--secondary" href={notesPath(client.id)}>
              {t('planStaff.plan.notesLink')}
            </a>
          </div>
          {/* Where the in-place moves (with JavaScript) say what they did. */}
          <p class="app-visually-hidden" aria-live="polite" data-plan-move-live />
          {view.domains.map(({ domain, actions }) => (
            <section key={domain} aria-labelledby={`domaine-${domain}`}>
              <h2 id={`domaine-${domain}`}>{t(DOMAIN_LABEL_KEYS[domain])}</h2>
              {actions.length === 0 ? (
                <EmptyState>{t('planStaff.domain.empty')}</EmptyState>
              ) : (
                <ol class="app-action-list" data-module="app-plan-move" data-message-moved={t('planStaff.done.moved')} data-message-failed={t('planStaff.move.failed')}>
                  {actions.map((item) => (
                    <ActionItem key={item.action.id} ctx={ctx} clientId={client.id} item={item} sections={sections?.get(item.action.id) ?? []} />
                  ))}
                </ol>
              )}
            </section>
          ))}
          {plan.status === 'brouillon' && (
            <section class="app-card" aria-labelledby="publier">
              <h2 id="publier" class="app-card__title">
                {t('planStaff.plan.publish')}
              </h2>
              <p>{t('planStaff.plan.publishHint')}</p>
              <PostForm ctx={ctx} action={`${planPath(client.id)}/publier`}>
                <button type="submit" class="app-button">
                  {t('planStaff.plan.publish')}
                </button>
              </PostForm>
            </section>
          )}
        </>
      ) : (
        <>
          <EmptyState>{t('planStaff.plan.none')}</EmptyState>
          {view.mayCreate ? (
            <PostForm ctx={ctx} action={`${planPath(client.id)}/creer`} class="app-form">
              <button type="submit" class="app-button">
                {t('planStaff.plan.create')}
              </button>
            </PostForm>
          ) : (
            <p>{t('planStaff.plan.noAssessment')}</p>
          )}
          <p>
            <a href={notesPath(client.id)}>{t('planStaff.plan.notesLink')}</a>
          </p>
        </>
      )}
    </>
  );
}

function ActionItem({ ctx, clientId, item, sections }: { ctx: ViewContext; clientId: number; item: StaffActionView; sections: Array<(ctx: ViewContext) => VNode> }) {
  const { t } = ctx;
  const { action, notes } = item;
  const path = actionPath(clientId, action.id);
  const isDone = action.status === 'completee';
  const named = (
    <span class="app-visually-hidden">
      {ctx.locale === 'fr' ? '\u202f: ' : ': '}
      {action.title}
    </span>
  );
  return (
    <li class="app-action-list__item" id={`action-${action.id}`}>
      <h3 lang={action.lang}>{action.title}</h3>
      {action.description && (
        <div lang={action.lang}>
          <LinkifiedText text={action.description} />
        </div>
      )}
      <SummaryList
        rows={[
          { key: t('planStaff.action.status'), value: <StatusTag tone={isDone ? 'success' : 'neutral'}>{t(`planStaff.action.status.${action.status}`)}</StatusTag> },
          { key: t('planStaff.action.dueOn'), value: action.due_on ? formatDay(action.due_on, ctx.locale) : t('planStaff.action.none') },
          { key: t('planStaff.action.completedOn'), value: action.completed_on ? t('planStaff.action.completedOnValue', { date: formatDay(action.completed_on, ctx.locale) }) : t('planStaff.action.notCompleted') },
          { key: t('planStaff.action.updatedAt'), value: <time dateTime={action.updated_at}>{formatDateTime(action.updated_at, ctx.locale)}</time> },
          {
            key: t('planStaff.action.usefulInfo'),
            value: action.useful_info ? (
              <div lang={action.lang}>
                <LinkifiedText text={action.useful_info} />
              </div>
            ) : (
              t('planStaff.action.noInfo')
            ),
          },
        ]}
      />
      {sections.map((section) => section(ctx))}
      <h4>{t('planStaff.action.notes')}</h4>
      <StaffNoteExcerpts ctx={ctx} clientId={clientId} notes={notes} />
      <div class="app-button-group" role="group" aria-label={t('planStaff.action.actionsOf', { title: action.title })}>
        <a href={`${path}/modifier`}>
          {t('planStaff.action.edit')}
          {named}
        </a>
        {/* Both moves are always there, hidden at the domain's edge, so that a move in place can show them again. */}
        <div class="app-move-form" data-move="haut" hidden={item.isFirst}>
          <PostForm ctx={ctx} action={`${path}/deplacer`}>
            <input type="hidden" name="direction" value="haut" />
            <button type="submit" class="app-button app-button--secondary">
              {t('planStaff.action.moveUp')}
              {named}
            </button>
          </PostForm>
        </div>
        <div class="app-move-form" data-move="bas" hidden={item.isLast}>
          <PostForm ctx={ctx} action={`${path}/deplacer`}>
            <input type="hidden" name="direction" value="bas" />
            <button type="submit" class="app-button app-button--secondary">
              {t('planStaff.action.moveDown')}
              {named}
            </button>
          </PostForm>
        </div>
        <a href={newNotePath(clientId, action.id)}>
          {t('planStaff.action.addNote')}
          {named}
        </a>
        <a href={newReferralPath(clientId, action.id)}>
          {t('referrals.new.link')}
          {named}
        </a>
        <a href={`${path}/retirer`}>
          {t('planStaff.action.remove')}
          {named}
        </a>
      </div>
    </li>
  );
}

/** Notes of an action for staff: kind (« Note interne » marked), date, excerpt, each opening its edit page. */
export function StaffNoteExcerpts({ ctx, clientId, notes }: { ctx: ViewContext; clientId: number; notes: PlanNote[] }) {
  const { t } = ctx;
  if (notes.length === 0) return <EmptyState>{t('planStaff.action.noNotes')}</EmptyState>;
  return (
    <ul class="app-note-list">
      {notes.map((note) => (
        <li class="app-note-list__item" key={note.id}>
          <StatusTag tone={note.visibility === 'interne' ? 'warning' : 'info'}>{t(`planStaff.note.${note.visibility}`)}</StatusTag>{' '}
          <a href={editNotePath(clientId, note.id)}>
            <time dateTime={note.created_at}>{formatDateTime(note.created_at, ctx.locale)}</time>
          </a>
          <p lang={note.lang}>{excerpt(note.body)}</p>
        </li>
      ))}
    </ul>
  );
}
