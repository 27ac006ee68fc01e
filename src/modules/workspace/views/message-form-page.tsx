import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import type { ViewContext } from '../../../ui/view-context';
import type { ClientIdentity } from '../../accounts/directory.service';
import { MESSAGE_BODY_MAX, MESSAGE_SUBJECT_MAX } from '../../messages/message.service';
import { CLIENTS_PATH, clientPath, messageFormPath } from './paths';

/** A message to the client from their file; `formKey` makes a double submission write one message. */
export function MessageFormPage({
  ctx,
  client,
  formKey,
  values = { subject: '', body: '' },
  errors = [],
}: {
  ctx: ViewContext;
  client: ClientIdentity;
  formKey: string;
  values?: { subject: string; body: string };
  errors?: FieldError[];
}) {
  const { t } = ctx;
  const subjectError = errorFor(errors, 'subject');
  const bodyError = errorFor(errors, 'body');
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={[{ label: t('workspace.clients.title'), href: CLIENTS_PATH }, { label: client.display_name, href: clientPath(client.id) }, { label: t('workspace.message.title') }]} />
      <h1>{t('workspace.message.title')}</h1>
      <p>{t('workspace.propose.for', { name: client.display_name })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={messageFormPath(client.id)} class="app-form">
        <input type="hidden" name="cle" value={formKey} />
        <Field id="subject" label={t('workspace.message.subject')} error={subjectError}>
          <input type="text" id="subject" name="subject" value={values.subject} maxLength={MESSAGE_SUBJECT_MAX} {...describedBy('subject', { error: subjectError })} />
        </Field>
        <Field id="body" label={t('workspace.message.body')} hint={t('workspace.message.bodyHint')} error={bodyError}>
          <textarea id="body" name="body" rows={8} maxLength={MESSAGE_BODY_MAX} {...describedBy('body', { hint: true, error: bodyError })}>
            {values.body}
          </textarea>
        </Field>
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('workspace.message.send')}
          </button>
          <a href={clientPath(client.id)}>{t('workspace.appointment.back')}</a>
        </div>
      </PostForm>
    </div>
  );
}
