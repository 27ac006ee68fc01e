import { Breadcrumb } from '../../../../ui/components/breadcrumb';
import { PostForm } from '../../../../ui/components/form';
import { Notice } from '../../../../ui/components/notice/notice';
import { SummaryList } from '../../../../ui/components/summary-list/summary-list';
import type { ViewContext } from '../../../../ui/view-context';
import { DOMAIN_LABEL_KEYS } from '../../domains';
import type { PlanAction } from '../../plan.tables';
import { actionPath, planCrumbs, planPath } from './staff-paths';
import { pluralForm } from '../../../../platform/i18n/plural';

/** « Retirer »: asks before removing an action (and its notes); the removal is a POST at this version. */
export function RemoveActionPage({ ctx, client, action, noteCount, problem }: { ctx: ViewContext; client: { id: number; display_name: string }; action: PlanAction; noteCount: number; problem?: string }) {
  const { t } = ctx;
  const notes = noteCount === 0 ? t('planStaff.remove.notes.zero') : t(`planStaff.remove.notes.${pluralForm(ctx.locale, noteCount)}`, { count: noteCount });
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={planCrumbs(ctx, client, { label: t('planStaff.remove.title') })} />
      <h1>{t('planStaff.remove.title')}</h1>
      {problem && (
        <Notice kind="warning" isUrgent>
          {problem}
        </Notice>
      )}
      <p>{t('planStaff.remove.intro')}</p>
      <SummaryList
        rows={[
          { key: t('planStaff.field.domain'), value: t(DOMAIN_LABEL_KEYS[action.domain]) },
          { key: t('planStaff.field.title'), value: <span lang={action.lang}>{action.title}</span> },
          { key: t('planStaff.action.status'), value: t(`planStaff.action.status.${action.status}`) },
        ]}
      />
      <p>{notes}</p>
      <PostForm ctx={ctx} action={`${actionPath(client.id, action.id)}/retirer`} class="app-form">
        <input type="hidden" name="version" value={String(action.version)} />
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('planStaff.remove.confirm')}
          </button>
          <a href={planPath(client.id)}>{t('planStaff.back.plan')}</a>
        </div>
      </PostForm>
    </div>
  );
}
