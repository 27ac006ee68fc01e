import type { Crumb } from '../../../ui/components/breadcrumb';
import type { ViewContext } from '../../../ui/view-context';
import type { PlanAction } from '../plan.tables';

export const HOME_PATH = '/accompagnement-quebec';

export function actionsPath(tab: 'a-faire' | 'completees' = 'a-faire'): string {
  return `${HOME_PATH}/actions?onglet=${tab}`;
}

export function actionPath(actionId: number): string {
  return `${HOME_PATH}/actions/${actionId}`;
}

/** « Accompagnement Québec > Mes actions > <title> », « Mes actions » opening the action's tab. */
export function actionCrumbs(ctx: ViewContext, action: PlanAction): Crumb[] {
  return [
    { label: ctx.t('plan.title'), href: HOME_PATH },
    { label: ctx.t('plan.myActions'), href: actionsPath(action.status === 'completee' ? 'completees' : 'a-faire') },
    { label: action.title, href: actionPath(action.id) },
  ];
}
