import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import { inLocale } from '../message.service';
import type { Message } from '../message.tables';

/** The message centre: newest first; an unread message is bold and says « Non lu » in words. */
export function MessageListPage({ ctx, messages }: { ctx: ViewContext; messages: Message[] }) {
  const { t, locale } = ctx;
  return (
    <>
      <h1>{t('messages.title')}</h1>
      {messages.length === 0 ? (
        <EmptyState>{t('messages.empty')}</EmptyState>
      ) : (
        <ul class="app-message-list" aria-label={t('messages.caption')}>
          {messages.map((message) => {
            const unread = message.read_at === null;
            return (
              <li key={message.id} class={`app-message-list__item${unread ? ' app-message-list__item--unread' : ''}`}>
                <a class="app-message-list__link" href={`/messages/${message.id}`}>
                  {inLocale(message, locale).subject}
                </a>
                <span class="app-message-list__meta">
                  <span class={`app-message-list__state${unread ? ' app-message-list__state--unread' : ''}`}>{t(unread ? 'messages.unread' : 'messages.read')}</span>
                  <span>{t('messages.receivedAt', { date: formatLongDate(message.created_at, locale), time: formatTime(message.created_at, locale) })}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
