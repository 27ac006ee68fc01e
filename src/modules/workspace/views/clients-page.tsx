import { pluralForm } from '../../../platform/i18n/plural';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import type { ViewContext } from '../../../ui/view-context';
import { type CaseloadPage, fileNumber } from '../../accounts/directory.service';
import { CLIENTS_PATH, clientPath } from './paths';

/** « Mes clients »: the caseload, searchable by name, e-mail or file number, paged (a GET form: bookmarkable, no JS). */
export function ClientsPage({ ctx, result, search }: { ctx: ViewContext; result: CaseloadPage; search: string }) {
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
                <td data-label={t('workspace.clients.col.language')}>{t(`workspace.lang.${client.locale}`)}</td>
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
