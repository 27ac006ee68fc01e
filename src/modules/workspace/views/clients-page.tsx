import { pluralForm } from '../../../platform/i18n/plural';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import type { ViewContext } from '../../../ui/view-context';
import { formatDateTime, formatLongDate } from '../../../ui/format/datetime';
import { fileNumber } from '../../accounts/directory.service';
import type { ClientList, ClientListEntry, ClientOrder, ClientSort } from '../client-list.service';
import { hasNeeds, NeedsFlags, SpokenLanguages } from './needs-flags';
import { CLIENT_SORT_SLUGS, CLIENTS_PATH, clientPath, clientsHref } from './paths';

const COLUMN_KEYS = { name: 'workspace.clients.col.name', next: 'workspace.clients.col.next', plan: 'workspace.clients.col.plan', contact: 'workspace.clients.col.lastContact' } as const;

/**
 * « Mes clients »: the caseload, searchable by name, e-mail or file number, sorted by a column's
 * header link, paged: every view is a URL (a GET form and links: bookmarkable, kept, no JS).
 */
export function ClientsPage({ ctx, result, search, order }: { ctx: ViewContext; result: ClientList; search: string; order: ClientOrder }) {
  const { t } = ctx;
  const pageHref = (page: number) => clientsHref({ search, ...order, page });
  const Sortable = ({ column }: { column: ClientSort }) => <SortHeader ctx={ctx} column={column} search={search} order={order} />;
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
            <SortFields order={order} />
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
          <caption class="app-visually-hidden">{t(`workspace.clients.caption.${order.descending ? 'desc' : 'asc'}`, { column: t(COLUMN_KEYS[order.sort]) })}</caption>
          <thead>
            <tr>
              <Sortable column="name" />
              <th scope="col">{t('workspace.clients.col.email')}</th>
              <th scope="col">{t('workspace.clients.col.file')}</th>
              <th scope="col">{t('workspace.clients.col.language')}</th>
              <th scope="col">{t('workspace.clients.col.needs')}</th>
              <Sortable column="next" />
              <Sortable column="plan" />
              <Sortable column="contact" />
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

/** The sort kept when a search is sent (the search starts again from page 1). */
function SortFields({ order }: { order: ClientOrder }) {
  return (
    <>
      {order.sort !== 'name' && <input type="hidden" name="tri" value={CLIENT_SORT_SLUGS[order.sort]} />}
      {order.descending && <input type="hidden" name="ordre" value="desc" />}
    </>
  );
}

/**
 * A column header that sorts: a link to the list sorted by it (A to Z first; the other way when it
 * already is), `aria-sort` on the column the list is sorted by, as screen readers announce it.
 */
function SortHeader({ ctx, column, search, order }: { ctx: ViewContext; column: ClientSort; search: string; order: ClientOrder }) {
  const { t } = ctx;
  const isSorted = order.sort === column;
  const nextDescending = isSorted && !order.descending;
  return (
    <th scope="col" aria-sort={isSorted ? (order.descending ? 'descending' : 'ascending') : undefined}>
      <a href={clientsHref({ search, sort: column, descending: nextDescending })} class="app-sort-link">
        {t(COLUMN_KEYS[column])}
        <span class="app-visually-hidden"> ({t(nextDescending ? 'workspace.clients.sort.desc' : 'workspace.clients.sort.asc')})</span>
        {isSorted && (
          <span class="app-sort-link__arrow" aria-hidden="true">
            {order.descending ? ' ▼' : ' ▲'}
          </span>
        )}
      </a>
    </th>
  );
}

/** The columns after the file number: languages, needs, next appointment, plan, last contact. */
function ClientColumns({ ctx, locale, entry }: { ctx: ViewContext; locale: string; entry: ClientListEntry | undefined }) {
  const { t } = ctx;
  const none = t('workspace.clients.none.value');
  const plan = entry?.plan ?? { kind: 'none' as const };
  return (
    <>
      <td data-label={t('workspace.clients.col.language')}>
        {t(`workspace.lang.${locale as 'fr' | 'en'}`)}
        <SpokenLanguages ctx={ctx} needs={entry} />
      </td>
      <td data-label={t('workspace.clients.col.needs')}>{hasNeeds(entry) ? <NeedsFlags ctx={ctx} needs={entry} /> : none}</td>
      <td data-label={t('workspace.clients.col.next')}>{entry?.nextAppointmentAt ? <time dateTime={entry.nextAppointmentAt}>{formatDateTime(entry.nextAppointmentAt, ctx.locale)}</time> : none}</td>
      <td data-label={t('workspace.clients.col.plan')}>{plan.kind === 'none' ? t('workspace.clients.plan.none') : t(`workspace.clients.plan.${plan.kind}.${pluralForm(ctx.locale, plan.toDo)}`, { count: plan.toDo })}</td>
      <td data-label={t('workspace.clients.col.lastContact')}>{entry?.lastContactAt ? <time dateTime={entry.lastContactAt}>{formatLongDate(entry.lastContactAt, ctx.locale)}</time> : none}</td>
    </>
  );
}
