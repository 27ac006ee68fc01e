import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { Conversation, ConversationEntry } from '../conversation.service';

/** A text's paragraphs (blank-line-separated blocks), its single line breaks kept. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>
          {paragraph.split('\n').map((line, i) => (
            <>
              {i > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/**
 * A conversation, oldest first: each entry says who wrote it and when. `viewer` decides how the
 * client's replies are signed: « Vous » for the client, their name for staff.
 */
export function ConversationThread({ ctx, conversation, viewer, clientName }: { ctx: ViewContext; conversation: Conversation; viewer: 'client' | 'staff'; clientName: string }) {
  const { t, locale } = ctx;
  const author = (entry: ConversationEntry) => (entry.kind === 'reply' ? (viewer === 'client' ? t('messages.conversation.you') : clientName) : (entry.authorName ?? t('messages.conversation.service')));
  return (
    <ol class="app-conversation" aria-label={t('messages.conversation.label')}>
      {conversation.entries.map((entry) => (
        <li
          key={`${entry.kind}-${entry.id}`}
          id={`${entry.kind === 'reply' ? 'reponse' : 'message'}-${entry.id}`}
          class={`app-conversation__entry app-conversation__entry--${entry.kind === 'reply' ? (viewer === 'client' ? 'own' : 'other') : viewer === 'client' ? 'other' : 'own'}`}
        >
          <p class="app-conversation__meta">
            <strong class="app-conversation__author">{author(entry)}</strong>{' '}
            <time dateTime={entry.at}>{t('messages.conversation.written', { date: formatLongDate(entry.at, locale), time: formatTime(entry.at, locale) })}</time>
          </p>
          <div class="app-conversation__body">
            <Paragraphs text={entry.kind === 'reply' ? entry.body : locale === 'en' ? entry.body.en : entry.body.fr} />
          </div>
          {viewer === 'staff' && entry.kind === 'reply' && (
            <p class="app-conversation__state">
              {entry.readAt
                ? t('messages.conversation.readBy', { name: entry.readByName ?? '', date: formatLongDate(entry.readAt, locale), time: formatTime(entry.readAt, locale) })
                : t('messages.conversation.unreadReply')}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
