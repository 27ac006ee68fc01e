import { pluralForm } from '../../../platform/i18n/plural';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { WorkItem } from '../work-queue.service';

/** « En retard depuis 2 h ouvrables », « … depuis 3 jours ouvrables »: the age in business time (work-queue.service). */
function lateText({ t, locale }: ViewContext, item: WorkItem): string {
  const late = item.lateness;
  if (!late) return t('workspace.queue.overdue');
  if (late.unit === 'lessThanHour') return t('workspace.queue.late.lessThanHour');
  if (late.unit === 'moreThanDays') return t('workspace.queue.late.moreThanDays', { count: late.count });
  return t(`workspace.queue.late.${late.unit}.${pluralForm(locale, late.count)}`, { count: late.count });
}

/** One business day of hours: below it, the deadline is told in hours left rather than as a date. */
const HOURS_SHOWN = 8;

/** « En retard depuis 2 h ouvrables », « Dû dans 3 h ouvrables » or « Dû le jeudi 3 décembre 2026 à 16 h 00 », Québec business time. */
export function DueLabel({ ctx, item }: { ctx: ViewContext; item: WorkItem }) {
  const { t, locale } = ctx;
  if (item.isOverdue) return <StatusTag tone="danger">{lateText(ctx, item)}</StatusTag>;
  const hours = Math.floor(item.businessHoursLeft);
  const text =
    item.businessHoursLeft < 1
      ? t('workspace.queue.dueInLessThanOne')
      : hours <= HOURS_SHOWN
        ? t('workspace.queue.dueIn', { hours })
        : t('workspace.queue.dueOn', { date: formatLongDate(item.dueAt, locale), time: formatTime(item.dueAt, locale) });
  return <time dateTime={item.dueAt}>{text}</time>;
}
