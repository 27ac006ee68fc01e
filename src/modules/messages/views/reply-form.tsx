import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import type { ViewContext } from '../../../ui/view-context';

/** « Répondre »: the client's answer in a conversation; `formKey` makes a double submission write one reply. */
export function ReplyForm({ ctx, action, formKey, body = '', errors = [] }: { ctx: ViewContext; action: string; formKey: string; body?: string; errors?: FieldError[] }) {
  const { t } = ctx;
  const error = errorFor(errors, 'reponse');
  return (
    <section class="app-reply" aria-labelledby="repondre">
      <h2 id="repondre">{t('messages.reply.title')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={action} class="app-form">
        <input type="hidden" name="cle" value={formKey} />
        <Field id="reponse" label={t('messages.reply.label')} hint={t('messages.reply.hint')} error={error}>
          <textarea id="reponse" name="reponse" rows={6} {...describedBy('reponse', { hint: true, error })}>
            {body}
          </textarea>
        </Field>
        <button type="submit" class="app-button">
          {t('messages.reply.submit')}
        </button>
      </PostForm>
    </section>
  );
}
