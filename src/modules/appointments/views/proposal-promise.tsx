import type { MessageKey } from '../../../platform/i18n/catalog';
import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';

/**
 * « Votre premier rendez-vous vous sera proposé au plus tard le … » or, after a cancellation,
 * « Un nouveau rendez-vous vous sera proposé au plus tard le … », in Québec time.
 */
export function ProposalPromise({ ctx, kind, dueAt }: { ctx: ViewContext; kind: 'first' | 'new'; dueAt: string }) {
  const { t, locale } = ctx;
  const key: MessageKey = kind === 'first' ? 'appointments.next.firstProposal' : 'appointments.next.reproposal';
  return <p class={`app-next__promise app-next__promise--${kind}`}>{t(key, { date: formatLongDate(dueAt, locale), time: formatTime(dueAt, locale) })}</p>;
}
