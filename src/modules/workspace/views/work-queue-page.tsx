import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import type { MessageKey } from '../../../platform/i18n/catalog';
import type { ViewContext } from '../../../ui/view-context';
import type { ClientNeeds } from '../client-needs';
import type { QueueFilter, WorkItem, WorkQueueView } from '../work-queue.service';
import { DueLabel } from './due-label';
import { hasNeeds, NeedsFlags, SpokenLanguages } from './needs-flags';
import { clientPath, clientPlanPath, conversationPath, proposePath, staffAppointmentPath } from './paths';
import { QueueCounts, QueueFilterForm } from './queue-filters';

const isFiltered = (filter: QueueFilter) => filter.kind !== undefined || filter.scope !== 'team' || filter.overdueOnly;

/** « Ma file de travail »: counts per kind, filters, then one list of what is due, overdue first. */
export function WorkQueuePage({ ctx, view, filter, notice, warning }: { ctx: ViewContext; view: WorkQueueView; filter: QueueFilter; notice?: string; warning?: string }) {
  const { t } = ctx;
  const { items } = view;
  return (
    <>
      <h1>{t('workspace.queue.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {warning && (
        <Notice kind="warning" isUrgent>
          {warning}
        </Notice>
      )}
      <p>{t('workspace.queue.intro')}</p>
      <QueueCounts ctx={ctx} view={view} filter={filter} />
      <QueueFilterForm ctx={ctx} filter={filter} />
      {items.length === 0 ? (
        <EmptyState>{t(isFiltered(filter) ? 'workspace.queue.emptyFiltered' : 'workspace.queue.empty')}</EmptyState>
      ) : (
        <table class="app-table app-work-queue">
          <caption class="app-visually-hidden">{t('workspace.queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.queue.col.client')}</th>
              <th scope="col">{t('workspace.queue.col.work')}</th>
              <th scope="col">{t('workspace.queue.col.needs')}</th>
              <th scope="col">{t('workspace.queue.col.due')}</th>
              <th scope="col">{t('workspace.queue.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.kind}-${item.clientId}-${item.appointmentId ?? item.takeRequestId ?? item.threadId ?? item.sourced?.key ?? ''}`} class={item.isOverdue ? 'app-work-queue__row--overdue' : undefined}>
                <th scope="row" data-label={t('workspace.queue.col.client')}>
                  {item.clientName}
                </th>
                <td data-label={t('workspace.queue.col.work')}>
                  {item.kind === 'sourced' ? item.sourced && t(item.sourced.kindKey) : t(`workspace.queue.kind.${item.kind}`)}
                  {item.availability && <p class="app-work-queue__availability app-preserve-lines">{t('workspace.queue.availability', { text: item.availability })}</p>}
                </td>
                <td data-label={t('workspace.queue.col.needs')}>
                  <NeedsCell ctx={ctx} needs={view.needs.get(item.clientId)} />
                </td>
                <td data-label={t('workspace.queue.col.due')}>
                  <DueLabel ctx={ctx} item={item} />
                </td>
                <td data-label={t('workspace.queue.col.actions')}>
                  <WorkLink ctx={ctx} item={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The interpreter and accessibility tags, then the languages the client speaks; « Aucun » when the request said nothing. */
function NeedsCell({ ctx, needs }: { ctx: ViewContext; needs: ClientNeeds | undefined }) {
  if (!needs || (!hasNeeds(needs) && needs.languages.length === 0)) return <>{ctx.t('workspace.clients.none.value')}</>;
  return (
    <>
      <NeedsFlags ctx={ctx} needs={needs} />
      <SpokenLanguages ctx={ctx} needs={needs} />
    </>
  );
}

/**
 * Where the work is done, one click away: take the request; propose the appointment (a request
 * already taken, a cancellation to re-propose: the form shows the client's availability); the past
 * appointment (« Présent » is the next click); the plan to publish; the conversation to read; or
 * the link another module gave.
 */
function WorkLink({ ctx, item }: { ctx: ViewContext; item: WorkItem }) {
  const { t } = ctx;
  const name = item.clientName;
  if (item.sourced)
    return (
      <a href={item.sourced.href} aria-label={t(item.sourced.openLabelKey, { name })}>
        {t(item.sourced.openKey)}
      </a>
    );
  if (item.takeRequestId !== undefined)
    return (
      <PostForm ctx={ctx} action={`/espace/demandes/${item.takeRequestId}/prendre`} class="app-inline-form">
        <button type="submit" class="app-button app-button--small" aria-label={t('workspace.queue.takeLabel', { name })}>
          {t('workspace.queue.take')}
        </button>
      </PostForm>
    );
  const [href, textKey, labelKey] = destinationOf(item);
  return (
    <a href={href} aria-label={t(labelKey, { name })}>
      {t(textKey)}
    </a>
  );
}

type Destination = [href: string, text: MessageKey, label: MessageKey];

function destinationOf(item: WorkItem): Destination {
  switch (item.kind) {
    case 'request':
    case 'reproposal':
      return [proposePath(item.clientId), 'workspace.queue.propose', 'workspace.queue.proposeLabel'];
    case 'outcome':
      if (item.appointmentId) return [staffAppointmentPath(item.appointmentId), 'workspace.outcome.record', 'workspace.outcome.recordLabel'];
      break;
    case 'plan':
      return [clientPlanPath(item.clientId), 'workspace.queue.openPlan', 'workspace.queue.openPlanLabel'];
    case 'reply':
      if (item.threadId !== undefined) return [conversationPath(item.clientId, item.threadId), 'workspace.queue.readReply', 'workspace.queue.readReplyLabel'];
      break;
  }
  return [clientPath(item.clientId), 'workspace.queue.open', 'workspace.queue.openLabel'];
}
