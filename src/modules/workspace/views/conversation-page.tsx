import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';
import type { ClientIdentity } from '../../accounts/directory.service';
import type { Conversation } from '../../messages/conversation.service';
import { ConversationThread } from '../../messages/views/conversation';
import { CLIENTS_PATH, clientPath, conversationPath } from './paths';

/**
 * One conversation of the client's message centre, as staff see it: the client's replies say
 * whether they were read and by whom; « Marquer la réponse comme lue » closes the queue's item,
 * and answering (the same conversation, the same subject) does too.
 */
export function ConversationPage({
  ctx,
  client,
  conversation,
  formKey,
  body = '',
  errors = [],
  notice,
}: {
  ctx: ViewContext;
  client: ClientIdentity;
  conversation: Conversation;
  formKey: string;
  body?: string;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t, locale } = ctx;
  const subject = locale === 'en' ? conversation.subject.en : conversation.subject.fr;
  const path = conversationPath(client.id, conversation.threadId);
  const error = errorFor(errors, 'body');
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={[{ label: t('workspace.clients.title'), href: CLIENTS_PATH }, { label: client.display_name, href: clientPath(client.id) }, { label: subject }]} />
      <h1>{subject}</h1>
      <p>{t('workspace.propose.for', { name: client.display_name })}</p>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ConversationThread ctx={ctx} conversation={conversation} viewer="staff" clientName={client.display_name} />
      {conversation.unreadReplies > 0 && (
        <PostForm ctx={ctx} action={`${path}/lu`} class="app-inline-form">
          <button type="submit" class="app-button app-button--secondary">
            {t('workspace.conversation.markRead')}
          </button>
        </PostForm>
      )}
      <h2 id="repondre">{t('workspace.conversation.answer')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={`${path}/repondre`} class="app-form">
        <input type="hidden" name="cle" value={formKey} />
        <Field id="body" label={t('workspace.message.body')} hint={t('workspace.conversation.answerHint')} error={error}>
          <textarea id="body" name="body" rows={6} {...describedBy('body', { hint: true, error })}>
            {body}
          </textarea>
        </Field>
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('workspace.conversation.send')}
          </button>
          <a href={clientPath(client.id)}>{t('workspace.appointment.back')}</a>
        </div>
      </PostForm>
    </div>
  );
}
