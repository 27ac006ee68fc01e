import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { WorkItem } from '../work-queue.service';

/** One business day of hours: below it, the deadline is told in hours left rather than as a date. */
const HOURS_SHOWN = 8;

/** « En retard », « Dû dans 3 h ouvrables » or « Dû le jeudi 3 décembre 2026 à 16 h 00 », Québec business time. */
export function DueLabel({ ctx, item }: { ctx: ViewContext; item: WorkItem }) {
  const { t, locale } = ctx;
  if (item.isOverdue) return <StatusTag tone="danger">{t('workspace.queue.overdue')}</StatusTag>;
  const hours = Math.floor(item.businessHoursLeft);
  const text =
    item.businessHoursLeft < 1
      ? t('workspace.queue.dueInLessThanOne')
      : hours <= HOURS_SHOWN
        ? t('workspace.queue.dueIn', { hours })
        : t('workspace.queue.dueOn', { date: formatLongDate(item.dueAt, locale), time: formatTime(item.dueAt, locale) });
  return <time dateTime={item.dueAt}>{text}</time>;
}
