import { pluralForm } from '../../../platform/i18n/plural';
import { Choices } from '../../../ui/components/choices/choices';
import type { ViewContext } from '../../../ui/view-context';
import { QUEUE_KINDS, type QueueFilter, type WorkQueueView } from '../work-queue.service';
import { QUEUE_KIND_SLUGS, QUEUE_PATH, queueHref } from './paths';

/**
 * The counts per kind, each a link to the queue narrowed to that kind (the other filters kept):
 * what choosing a kind would show, within « Mes dossiers » / « Mon équipe » and « En retard ».
 */
export function QueueCounts({ ctx, view, filter }: { ctx: ViewContext; view: WorkQueueView; filter: QueueFilter }) {
  const { t, locale } = ctx;
  const total = QUEUE_KINDS.reduce((sum, kind) => sum + view.counts[kind], 0);
  const kinds = QUEUE_KINDS.filter((kind) => view.counts[kind] > 0);
  return (
    <nav class="app-queue-counts" aria-label={t('workspace.queue.counts')}>
      <p class="app-queue-counts__total">
        <a href={queueHref({ ...filter, kind: undefined })} aria-current={filter.kind === undefined ? 'page' : undefined}>
          {t(`workspace.queue.total.${pluralForm(locale, total)}`, { count: total })}
        </a>
      </p>
      {kinds.length > 0 && (
        <ul class="app-queue-counts__list">
          {kinds.map((kind) => (
            <li key={kind}>
              <a href={queueHref({ ...filter, kind })} aria-current={filter.kind === kind ? 'page' : undefined}>
                {t(`workspace.queue.count.${kind}.${pluralForm(locale, view.counts[kind])}`, { count: view.counts[kind] })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

/** The filters as a GET form: the URL says the view (bookmarkable, kept), and it works without JavaScript. */
export function QueueFilterForm({ ctx, filter }: { ctx: ViewContext; filter: QueueFilter }) {
  const { t } = ctx;
  return (
    <form method="get" action={QUEUE_PATH} class="app-queue-filters" aria-label={t('workspace.queue.filters')}>
      <div class="app-field">
        <label for="type">{t('workspace.queue.filter.kind')}</label>
        <select id="type" name="type">
          <option value="" selected={filter.kind === undefined}>
            {t('workspace.queue.filter.kind.all')}
          </option>
          {QUEUE_KINDS.map((kind) => (
            <option key={kind} value={QUEUE_KIND_SLUGS[kind]} selected={filter.kind === kind}>
              {t(`workspace.queue.kindOption.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <Choices
        name="vue"
        type="radio"
        legend={t('workspace.queue.filter.scope')}
        hint={t('workspace.queue.filter.scope.hint')}
        options={[
          { value: 'mes-dossiers', label: t('workspace.queue.filter.scope.mine') },
          { value: 'equipe', label: t('workspace.queue.filter.scope.team') },
        ]}
        chosen={[filter.scope === 'mine' ? 'mes-dossiers' : 'equipe']}
      />
      <div class="app-checkbox">
        <input type="checkbox" id="retard" name="retard" value="1" checked={filter.overdueOnly} />
        <label for="retard">{t('workspace.queue.filter.overdue')}</label>
      </div>
      <div class="app-button-group">
        <button type="submit" class="app-button">
          {t('workspace.queue.filter.apply')}
        </button>
        <a href={QUEUE_PATH}>{t('workspace.queue.filter.reset')}</a>
      </div>
    </form>
  );
}
