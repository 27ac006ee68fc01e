import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';

/** « jeudi 3 décembre 2026 à 10 h 00 » in a `<time>` element, Québec time. */
export function When({ ctx, at }: { ctx: ViewContext; at: string }) {
  return <time dateTime={at}>{ctx.t('admin.when', { date: formatLongDate(at, ctx.locale), time: formatTime(at, ctx.locale) })}</time>;
}
