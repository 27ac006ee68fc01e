import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { ConversationSummary } from '../conversation.service';

/** The message centre: one line per conversation, the most recently active first; an unread one is bold and says « Non lu » in words. */
export function MessageListPage({ ctx, conversations }: { ctx: ViewContext; conversations: ConversationSummary[] }) {
  const { t, locale } = ctx;
  return (
    <>
      <h1>{t('messages.title')}</h1>
      {conversations.length === 0 ? (
        <EmptyState>{t('messages.empty')}</EmptyState>
      ) : (
        <ul class="app-message-list" aria-label={t('messages.caption')}>
          {conversations.map((conversation) => {
            const unread = conversation.unreadMessages > 0;
            const when = { date: formatLongDate(conversation.lastAt, locale), time: formatTime(conversation.lastAt, locale) };
            return (
              <li key={conversation.threadId} class={`app-message-list__item${unread ? ' app-message-list__item--unread' : ''}`}>
                <a class="app-message-list__link" href={`/messages/${conversation.threadId}`}>
                  {locale === 'en' ? conversation.subject.en : conversation.subject.fr}
                </a>
                <span class="app-message-list__meta">
                  <span class={`app-message-list__state${unread ? ' app-message-list__state--unread' : ''}`}>{t(unread ? 'messages.unread' : 'messages.read')}</span>
                  {conversation.count > 1 && <span>{t('messages.conversation.count', { count: conversation.count })}</span>}
                  <span>{t(conversation.count > 1 ? 'messages.lastAt' : 'messages.receivedAt', when)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
