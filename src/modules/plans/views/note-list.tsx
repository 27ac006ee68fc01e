import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { formatDateTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { PlanNote } from '../plan.tables';
import { excerpt } from './text';

/**
 * Notes as the guide lists them (date and time, then the start of the text). Each is a plain
 * link to its page: one click or Enter opens it — never a double-click.
 */
export function NoteList({ ctx, notes, emptyKey }: { ctx: ViewContext; notes: PlanNote[]; emptyKey: 'plan.notes.empty' | 'plan.action.noNotes' }) {
  if (notes.length === 0) return <EmptyState>{ctx.t(emptyKey)}</EmptyState>;
  return (
    <ul class="app-note-list">
      {notes.map((note) => {
        const when = formatDateTime(note.created_at, ctx.locale);
        return (
          <li class="app-note-list__item" key={note.id}>
            <a class="app-note-list__link" href={`/accompagnement-quebec/notes/${note.id}`}>
              <span class="app-visually-hidden">{ctx.t('plan.notes.open')} </span>
              <time class="app-note-list__date" dateTime={note.created_at}>
                {when}
              </time>
              <span class="app-note-list__excerpt" lang={note.lang}>
                {excerpt(note.body)}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
