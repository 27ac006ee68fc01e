import { Breadcrumb } from '../../../../ui/components/breadcrumb';
import { EmptyState } from '../../../../ui/components/empty-state/empty-state';
import { Notice } from '../../../../ui/components/notice/notice';
import { StatusTag } from '../../../../ui/components/status-tag/status-tag';
import { formatDateTime } from '../../../../ui/format/datetime';
import type { ViewContext } from '../../../../ui/view-context';
import type { StaffNoteView } from '../../note.service';
import type { PlanNoteRevision } from '../../plan.tables';
import { LinkifiedText } from '../text';
import { editNotePath, fileCrumbs, newNotePath, planPath } from './staff-paths';
import { pluralForm } from '../../../../platform/i18n/plural';

/**
 * « Notes du dossier » for staff: every note of the file and of its actions, newest first, each
 * marked « Note au client » or « Note interne », with « Modifier » and its earlier texts.
 */
export function StaffNotesPage({ ctx, client, notes, notice }: { ctx: ViewContext; client: { id: number; display_name: string }; notes: StaffNoteView[]; notice?: string }) {
  const { t } = ctx;
  return (
    <>
      <Breadcrumb ctx={ctx} items={[...fileCrumbs(ctx, client), { label: t('planStaff.notes.title') }]} />
      {notice && <Notice kind="success">{notice}</Notice>}
      <h1>{t('planStaff.notes.title')}</h1>
      <p class="app-lead">{t('planStaff.client', { name: client.display_name })}</p>
      <div class="app-button-group">
        <a class="app-button" href={newNotePath(client.id)}>
          {t('planStaff.notes.add')}
        </a>
        <a class="app-button app-button--secondary" href={planPath(client.id)}>
          {t('planStaff.notes.planLink')}
        </a>
      </div>
      {notes.length === 0 ? (
        <EmptyState>{t('planStaff.notes.empty')}</EmptyState>
      ) : (
        <ul class="app-action-list">
          {notes.map(({ note, revisions }) => {
            const written = formatDateTime(note.created_at, ctx.locale);
            return (
              <li class="app-action-list__item" key={note.id} id={`note-${note.id}`}>
                <h2 class="app-card__title">
                  <StatusTag tone={note.visibility === 'interne' ? 'warning' : 'info'}>{t(`planStaff.note.${note.visibility}`)}</StatusTag>{' '}
                  {note.action_title === null ? t('planStaff.notes.onFile') : <span>{t('planStaff.notes.onAction', { title: note.action_title })}</span>}
                </h2>
                <p class="app-action-list__date">
                  {t('planStaff.notes.written', { date: written })}
                  {note.updated_at && <>, {t('planStaff.notes.edited', { date: formatDateTime(note.updated_at, ctx.locale) })}</>}
                </p>
                <div lang={note.lang}>
                  <LinkifiedText text={note.body} />
                </div>
                <p>
                  <a href={editNotePath(client.id, note.id)}>
                    {t('planStaff.notes.edit')}
                    <span class="app-visually-hidden"> {t('planStaff.notes.editNamed', { date: written })}</span>
                  </a>
                </p>
                {revisions.length > 0 && <NoteHistory ctx={ctx} revisions={revisions} lang={note.lang} />}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** A note's earlier texts, folded by default (a native <details>: keyboard and no-JS included). */
export function NoteHistory({ ctx, revisions, lang }: { ctx: ViewContext; revisions: PlanNoteRevision[]; lang: string }) {
  const { t } = ctx;
  const summary = t(`planStaff.notes.history.${pluralForm(ctx.locale, revisions.length)}`, { count: revisions.length });
  return (
    <details class="app-note-history">
      <summary>{summary}</summary>
      <ol class="app-note-list">
        {revisions.map((revision) => (
          <li class="app-note-list__item" key={revision.id}>
            <p class="app-action-list__date">{t('planStaff.notes.revision', { date: formatDateTime(revision.edited_at, ctx.locale) })}</p>
            <div lang={lang}>
              <LinkifiedText text={revision.body} />
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}
