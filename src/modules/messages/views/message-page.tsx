import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import { inLocale } from '../message.service';
import type { Message } from '../message.tables';

/** One message, whole; its paragraphs are the blank-line-separated blocks of its text. */
export function MessagePage({ ctx, message }: { ctx: ViewContext; message: Message }) {
  const { t, locale } = ctx;
  const { subject, body } = inLocale(message, locale);
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('messages.title'), href: '/messages' }, { label: subject }]} />
      <h1>{subject}</h1>
      <p class="app-message__meta">{t('messages.receivedAt', { date: formatLongDate(message.created_at, locale), time: formatTime(message.created_at, locale) })}</p>
      <div class="app-message__body">
        {body.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>
            {paragraph.split('\n').map((line, i) => (
              <>
                {i > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        ))}
      </div>
      <p>
        <a href="/messages">{t('messages.back')}</a>
      </p>
    </>
  );
}
