import { pluralForm } from '../../../platform/i18n/plural';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import type { ViewContext } from '../../../ui/view-context';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { formatDateTime, formatLongDate } from '../../../ui/format/datetime';
import { fileNumber } from '../../accounts/directory.service';
import type { ClientList, ClientListEntry } from '../client-list.service';
import { CLIENTS_PATH, clientPath } from './paths';

/** « Mes clients »: the caseload, searchable by name, e-mail or file number, paged (a GET form: bookmarkable, no JS). */
export function ClientsPage({ ctx, result, search }: { ctx: ViewContext; result: ClientList; search: string }) {
  const { t } = ctx;
  const pageHref = (page: number) => `${CLIENTS_PATH}?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(page) })}`;
  return (
    <>
      <h1>{t('workspace.clients.title')}</h1>
      <form method="get" action={CLIENTS_PATH} class="app-search" role="search">
        <div class="app-field">
          <label for="q">{t('workspace.clients.search')}</label>
          <p class="app-field__hint" id="q-hint">
            {t('workspace.clients.searchHint')}
          </p>
          <div class="app-search__row">
            <input type="search" id="q" name="q" value={search} maxLength={200} aria-describedby="q-hint" autocomplete="off" />
            <button type="submit" class="app-button">
              {t('workspace.clients.searchButton')}
            </button>
          </div>
        </div>
      </form>
      <p role="status">{t(`workspace.clients.count.${pluralForm(ctx.locale, result.total)}`, { count: result.total })}</p>
      {result.clients.length === 0 ? (
        <EmptyState>{t(search ? 'workspace.clients.empty' : 'workspace.clients.none')}</EmptyState>
      ) : (
        <table class="app-table">
          <caption class="app-visually-hidden">{t('workspace.clients.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.clients.col.name')}</th>
              <th scope="col">{t('workspace.clients.col.email')}</th>
              <th scope="col">{t('workspace.clients.col.file')}</th>
              <th scope="col">{t('workspace.clients.col.language')}</th>
              <th scope="col">{t('workspace.clients.col.needs')}</th>
              <th scope="col">{t('workspace.clients.col.next')}</th>
              <th scope="col">{t('workspace.clients.col.plan')}</th>
              <th scope="col">{t('workspace.clients.col.lastContact')}</th>
            </tr>
          </thead>
          <tbody>
            {result.clients.map((client) => (
              <tr key={client.id}>
                <th scope="row" data-label={t('workspace.clients.col.name')}>
                  <a href={clientPath(client.id)}>{client.display_name}</a>
                </th>
                <td data-label={t('workspace.clients.col.email')}>{client.email}</td>
                <td data-label={t('workspace.clients.col.file')}>{fileNumber(client.id)}</td>
                <ClientColumns ctx={ctx} locale={client.locale} entry={result.details.get(client.id)} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.pages > 1 && (
        <nav class="app-pagination" aria-label={t('workspace.clients.pagination')}>
          {result.page > 1 && (
            <a href={pageHref(result.page - 1)} rel="prev">
              {t('workspace.clients.previous')}
            </a>
          )}
          <span>{t('workspace.clients.page', { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages && (
            <a href={pageHref(result.page + 1)} rel="next">
              {t('workspace.clients.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}

/** The columns after the file number: languages, needs, next appointment, plan, last contact. */
function ClientColumns({ ctx, locale, entry }: { ctx: ViewContext; locale: string; entry: ClientListEntry | undefined }) {
  const { t } = ctx;
  const none = t('workspace.clients.none.value');
  const plan = entry?.plan ?? { kind: 'none' as const };
  // Only what the client asked for: an interpreter, or their own words on accessibility.
  const needs = entry && (entry.interpreter !== null || entry.accessibility) ? entry : undefined;
  return (
    <>
      <td data-label={t('workspace.clients.col.language')}>
        {t(`workspace.lang.${locale as 'fr' | 'en'}`)}
        {entry && entry.languages.length > 0 && <p class="app-table__detail">{t('workspace.clients.speaks', { languages: entry.languages.join(', ') })}</p>}
      </td>
      <td data-label={t('workspace.clients.col.needs')}>
        {needs ? (
          <>
            {needs.interpreter !== null && <StatusTag tone="warning">{needs.interpreter ? t('workspace.clients.interpreterIn', { language: needs.interpreter }) : t('workspace.clients.interpreter')}</StatusTag>}
            {needs.interpreter !== null && needs.accessibility && ' '}
            {needs.accessibility && <StatusTag tone="info">{t('workspace.clients.accessibility')}</StatusTag>}
            {needs.accessibility && <p class="app-table__detail app-preserve-lines">{needs.accessibility}</p>}
          </>
        ) : (
          none
        )}
      </td>
      <td data-label={t('workspace.clients.col.next')}>{entry?.nextAppointmentAt ? <time dateTime={entry.nextAppointmentAt}>{formatDateTime(entry.nextAppointmentAt, ctx.locale)}</time> : none}</td>
      <td data-label={t('workspace.clients.col.plan')}>{plan.kind === 'none' ? t('workspace.clients.plan.none') : t(`workspace.clients.plan.${plan.kind}.${pluralForm(ctx.locale, plan.toDo)}`, { count: plan.toDo })}</td>
      <td data-label={t('workspace.clients.col.lastContact')}>{entry?.lastContactAt ? <time dateTime={entry.lastContactAt}>{formatLongDate(entry.lastContactAt, ctx.locale)}</time> : none}</td>
    </>
  );
}
