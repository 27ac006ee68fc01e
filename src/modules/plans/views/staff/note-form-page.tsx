import { Breadcrumb } from '../../../../ui/components/breadcrumb';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../../ui/components/form';
import { Notice } from '../../../../ui/components/notice/notice';
import { StatusTag } from '../../../../ui/components/status-tag/status-tag';
import type { ViewContext } from '../../../../ui/view-context';
import { NOTE_BODY_MAX } from '../../note.service';
import type { PlanAction, PlanNote, PlanNoteRevision } from '../../plan.tables';
import { editNotePath, newNotePath, notesCrumbs, notesPath } from './staff-paths';
import { NoteHistory } from './staff-notes-page';

export interface NoteFormValues {
  visibility: string;
  actionId: string;
  body: string;
}

export interface NoteFormPageProps {
  ctx: ViewContext;
  client: { id: number; display_name: string };
  /** The actions of the client's plan, for « Action visée » (a new note only). */
  actions?: Pick<PlanAction, 'id' | 'title' | 'lang'>[];
  /** Editing: the note at its version, with its history. */
  editing?: { note: PlanNote; actionTitle: string | null; revisions: PlanNoteRevision[] };
  values: NoteFormValues;
  errors?: FieldError[];
  problem?: string;
  /** « Ajouter une note »: the key that makes this form, sent twice, add one note. */
  formKey?: string;
}

/**
 * « Ajouter une note » with « Note au client » / « Note interne » and an optional action, or
 * « Modifier » one note (its text only: the earlier text goes into the history shown below).
 */
export function NoteFormPage({ ctx, client, actions = [], editing, values, errors = [], problem, formKey }: NoteFormPageProps) {
  const { t } = ctx;
  const heading = t(editing ? 'planStaff.noteForm.editTitle' : 'planStaff.noteForm.newTitle');
  const error = (field: string) => errorFor(errors, field);
  const visibilityError = error('visibility');
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={notesCrumbs(ctx, client, { label: heading })} />
      <h1>{heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {problem && (
        <Notice kind="warning" isUrgent>
          {problem}
        </Notice>
      )}
      <PostForm ctx={ctx} action={editing ? editNotePath(client.id, editing.note.id) : newNotePath(client.id)} class="app-form">
        {editing ? (
          <>
            <input type="hidden" name="version" value={String(editing.note.version)} />
            <p>
              <StatusTag tone={editing.note.visibility === 'interne' ? 'warning' : 'info'}>{t(`planStaff.note.${editing.note.visibility}`)}</StatusTag>{' '}
              {editing.actionTitle === null ? t('planStaff.notes.onFile') : t('planStaff.notes.onAction', { title: editing.actionTitle })}
            </p>
          </>
        ) : (
          <>
            {formKey && <input type="hidden" name="cle" value={formKey} />}
            <fieldset class={`app-fieldset${visibilityError ? ' app-field--error' : ''}`} id="visibility" aria-describedby={visibilityError ? 'visibility-error' : undefined}>
              <legend>
                <strong>{t('planStaff.noteForm.visibility')}</strong>
              </legend>
              {visibilityError && (
                <p class="app-field__error" id="visibility-error">
                  {visibilityError}
                </p>
              )}
              {(['client', 'interne'] as const).map((kind) => (
                <div key={kind} class="app-radio">
                  <input type="radio" id={`visibility-${kind}`} name="visibility" value={kind} checked={values.visibility === kind} aria-describedby={`visibility-${kind}-hint`} />{' '}
                  <label for={`visibility-${kind}`}>{t(`planStaff.note.${kind}`)}</label>
                  <p class="app-field__hint" id={`visibility-${kind}-hint`}>
                    {t(kind === 'client' ? 'planStaff.noteForm.clientHint' : 'planStaff.noteForm.interneHint')}
                  </p>
                </div>
              ))}
            </fieldset>
            <Field id="actionId" label={t('planStaff.noteForm.action')} hint={t('planStaff.noteForm.actionHint')} error={error('actionId')}>
              <select id="actionId" name="actionId" {...describedBy('actionId', { hint: true, error: error('actionId') })}>
                <option value="">{t('planStaff.noteForm.actionNone')}</option>
                {actions.map((action) => (
                  <option key={action.id} value={String(action.id)} selected={values.actionId === String(action.id)} lang={action.lang}>
                    {action.title}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
        <Field id="body" label={t('planStaff.noteForm.body')} hint={editing ? t('planStaff.noteForm.editHint') : undefined} error={error('body')}>
          <textarea id="body" name="body" rows={8} maxLength={NOTE_BODY_MAX} {...describedBy('body', { hint: Boolean(editing), error: error('body') })}>
            {values.body}
          </textarea>
        </Field>
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t(editing ? 'planStaff.noteForm.save' : 'planStaff.noteForm.add')}
          </button>
          <a href={notesPath(client.id)}>{t('planStaff.back.notes')}</a>
        </div>
      </PostForm>
      {editing && editing.revisions.length > 0 && <NoteHistory ctx={ctx} revisions={editing.revisions} lang={editing.note.lang} />}
    </div>
  );
}
