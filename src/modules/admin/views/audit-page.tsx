import { pluralForm } from '../../../platform/i18n/plural';
import { AUDIT_ACTIONS, auditActionLabel, isAuditAction } from '../../../platform/audit/audit-labels';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import type { ViewContext } from '../../../ui/view-context';
import { When } from './when';
import type { AuditLine, AuditSearch } from '../audit-log.service';
import { AUDIT_PATH } from './paths';

/**
 * « Journal d'audit »: a GET search form (bookmarkable, no JS), the lines newest first, pages, CSV
 * export of the same search. People read each action's sentence (audit-actions.ts), never its code.
 */
export function AuditPage({ ctx, search, result }: { ctx: ViewContext; search: AuditSearch; result: { rows: AuditLine[]; total: number; page: number; pages: number } }) {
  const { t, locale } = ctx;
  const actions = AUDIT_ACTIONS.map((action) => ({ action, label: auditActionLabel(t, action) })).sort((a, b) => a.label.localeCompare(b.label, locale));
  // A bookmarked search by the start of a code (`appointment.`) still filters; the list keeps it chosen.
  const kept = search.action && !isAuditAction(search.action) ? search.action : undefined;
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...Object.fromEntries(Object.entries(search).filter(([, v]) => v)), ...extra }).toString();
  const field = (name: keyof AuditSearch, label: string, hint?: string) => (
    <div class="app-field">
      <label for={name}>{label}</label>
      {hint && (
        <p class="app-field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <input type="text" id={name} name={name} value={search[name]} maxLength={200} aria-describedby={hint ? `${name}-hint` : undefined} />
    </div>
  );
  return (
    <>
      <h1>{t('admin.nav.audit')}</h1>
      <p>{t('admin.audit.intro')}</p>
      <form method="get" action={AUDIT_PATH} class="app-form" role="search">
        {field('person', t('admin.audit.person'), t('admin.audit.personHint'))}
        {field('client', t('admin.audit.client'), t('admin.audit.clientHint'))}
        <div class="app-field">
          <label for="action">{t('admin.audit.action')}</label>
          <select id="action" name="action">
            <option value="" selected={!search.action}>
              {t('admin.audit.anyAction')}
            </option>
            {kept && (
              <option value={kept} selected>
                {kept}
              </option>
            )}
            {actions.map(({ action, label }) => (
              <option key={action} value={action} selected={search.action === action}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {field('from', t('admin.audit.from'), t('admin.ref.field.dateHint'))}
        {field('to', t('admin.audit.to'), t('admin.ref.field.dateHint'))}
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('admin.audit.search')}
          </button>
          <a href={`${AUDIT_PATH}.csv?${query({})}`} download>
            {t('admin.audit.export')}
          </a>
        </div>
      </form>
      <p role="status">{t(`admin.audit.count.${pluralForm(locale, result.total)}`, { count: result.total })}</p>
      {result.rows.length === 0 ? (
        <EmptyState>{t('admin.audit.empty')}</EmptyState>
      ) : (
        <table class="app-table">
          <caption class="app-visually-hidden">{t('admin.audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.col.at')}</th>
              <th scope="col">{t('admin.audit.person')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.client')}</th>
              <th scope="col">{t('admin.audit.col.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" data-label={t('admin.audit.col.at')}>
                  <When ctx={ctx} at={row.at} />
                </th>
                <td data-label={t('admin.audit.person')}>{row.actor_name ?? t('admin.audit.system')}</td>
                <td data-label={t('admin.audit.action')}>{auditActionLabel(t, row.action)}</td>
                <td data-label={t('admin.audit.client')}>{row.client_name ?? ''}</td>
                <td data-label={t('admin.audit.col.subject')}>{row.subject_type ? `${t(subjectKey(row.subject_type))} ${row.subject_id ?? ''}`.trim() : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.pages > 1 && (
        <nav class="app-pagination" aria-label={t('workspace.clients.pagination')}>
          {result.page > 1 && (
            <a href={`${AUDIT_PATH}?${query({ page: String(result.page - 1) })}`} rel="prev">
              {t('workspace.clients.previous')}
            </a>
          )}
          <span>{t('workspace.clients.page', { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages && (
            <a href={`${AUDIT_PATH}?${query({ page: String(result.page + 1) })}`} rel="next">
              {t('workspace.clients.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}

/** The kinds of object audit lines name, each read as a word (« Note 12 »), never as its code. */
const SUBJECTS = [
  'account',
  'referral',
  'appointment',
  'plan_action',
  'message',
  'intake_request',
  'calendar_feed',
  'plan_note',
  'plan',
  'partner',
  'api_token',
  'team',
  'message_reply',
  'intake_draft',
  'client_file',
] as const;

function subjectKey(type: string): `admin.audit.subject.${(typeof SUBJECTS)[number] | 'other'}` {
  return (SUBJECTS as readonly string[]).includes(type) ? `admin.audit.subject.${type as (typeof SUBJECTS)[number]}` : 'admin.audit.subject.other';
}
