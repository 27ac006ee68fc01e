import { Breadcrumb, type Crumb } from '../../../ui/components/breadcrumb';
import { formatDateTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { PlanAction, PlanNote } from '../plan.tables';
import { actionCrumbs, HOME_PATH } from './plan-breadcrumbs';
import { LinkifiedText } from './text';

/** A note opened whole; its breadcrumb leads back to the action it is on, or to the plan home. */
export function NotePage({ ctx, note, action }: { ctx: ViewContext; note: PlanNote; action: PlanAction | null }) {
  const { t } = ctx;
  const title = t('plan.notes.heading');
  const trail: Crumb[] = action ? actionCrumbs(ctx, action) : [{ label: t('plan.title'), href: HOME_PATH }];
  return (
    <>
      <Breadcrumb ctx={ctx} items={[...trail, { label: title }]} />
      <h1>{title}</h1>
      <article class="app-card app-note">
        <p class="app-note__date">
          <time dateTime={note.created_at}>{formatDateTime(note.created_at, ctx.locale)}</time>
        </p>
        <div class="app-note__body" lang={note.lang}>
          <LinkifiedText text={note.body} />
        </div>
      </article>
    </>
  );
}
