import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';
import type { WorkItem } from '../work-queue.service';
import { DueLabel } from './due-label';
import { clientPath, conversationPath, staffAppointmentPath } from './paths';

/** « Ma file de travail »: one list of what is due, overdue first. */
export function WorkQueuePage({ ctx, items, notice, warning }: { ctx: ViewContext; items: WorkItem[]; notice?: string; warning?: string }) {
  const { t } = ctx;
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
      {items.length === 0 ? (
        <EmptyState>{t('workspace.queue.empty')}</EmptyState>
      ) : (
        <table class="app-table app-work-queue">
          <caption class="app-visually-hidden">{t('workspace.queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.queue.col.client')}</th>
              <th scope="col">{t('workspace.queue.col.work')}</th>
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
                <td data-label={t('workspace.queue.col.due')}>
                  <DueLabel ctx={ctx} item={item} />
                </td>
                <td data-label={t('workspace.queue.col.actions')}>
                  {item.sourced ? (
                    <a href={item.sourced.href} aria-label={t(item.sourced.openLabelKey, { name: item.clientName })}>
                      {t(item.sourced.openKey)}
                    </a>
                  ) : item.takeRequestId !== undefined ? (
                    <PostForm ctx={ctx} action={`/espace/demandes/${item.takeRequestId}/prendre`} class="app-inline-form">
                      <button type="submit" class="app-button app-button--small" aria-label={t('workspace.queue.takeLabel', { name: item.clientName })}>
                        {t('workspace.queue.take')}
                      </button>
                    </PostForm>
                  ) : item.kind === 'outcome' && item.appointmentId ? (
                    // Straight to the appointment: « Présent » is the next click.
                    <a href={staffAppointmentPath(item.appointmentId)} aria-label={t('workspace.outcome.recordLabel', { name: item.clientName })}>
                      {t('workspace.outcome.record')}
                    </a>
                  ) : item.threadId !== undefined ? (
                    <a href={conversationPath(item.clientId, item.threadId)} aria-label={t('workspace.queue.readReplyLabel', { name: item.clientName })}>
                      {t('workspace.queue.readReply')}
                    </a>
                  ) : (
                    <a href={clientPath(item.clientId)} aria-label={t('workspace.queue.openLabel', { name: item.clientName })}>
                      {t('workspace.queue.open')}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
