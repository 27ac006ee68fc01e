import { Breadcrumb } from '../../../ui/components/breadcrumb';
import type { FieldError } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';
import type { Conversation } from '../conversation.service';
import { ConversationThread } from './conversation';
import { ReplyForm } from './reply-form';

export interface ReplyState {
  /** False when the client has no agent yet: nobody would read a reply. */
  canReply: boolean;
  formKey: string;
  body?: string;
  errors?: FieldError[];
  isSent?: boolean;
}

/** One conversation of the message centre, oldest first, and « Répondre » below it. */
export function MessagePage({ ctx, conversation, reply }: { ctx: ViewContext; conversation: Conversation; reply: ReplyState }) {
  const { t, locale } = ctx;
  const subject = locale === 'en' ? conversation.subject.en : conversation.subject.fr;
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('messages.title'), href: '/messages' }, { label: subject }]} />
      <h1>{subject}</h1>
      {reply.isSent && <Notice kind="success">{t('messages.reply.sent')}</Notice>}
      <ConversationThread ctx={ctx} conversation={conversation} viewer="client" clientName="" />
      {reply.canReply ? (
        <ReplyForm ctx={ctx} action={`/messages/${conversation.threadId}/repondre`} formKey={reply.formKey} body={reply.body} errors={reply.errors} />
      ) : (
        <Notice kind="warning">{t('messages.reply.NO_AGENT')}</Notice>
      )}
      <p>
        <a href="/messages">{t('messages.back')}</a>
      </p>
    </>
  );
}
