import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { formatDateTime, formatLongDate } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { ApiToken } from '../api-token.tables';

export const DEVICES_PATH = '/profil/appareils';

/** « Appareils connectés »: each device signed in to the API, newest first, with « Retirer ». */
export function DevicesPage({ ctx, tokens, removed }: { ctx: ViewContext; tokens: ApiToken[]; removed: boolean }) {
  const { t } = ctx;
  return (
    <>
      {removed && <Notice kind="success">{t('devices.removed')}</Notice>}
      <h1>{t('devices.title')}</h1>
      <p>{t('devices.intro')}</p>
      {tokens.length === 0 ? (
        <EmptyState>{t('devices.empty')}</EmptyState>
      ) : (
        <table class="app-table">
          <caption class="app-visually-hidden">{t('devices.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('devices.col.device')}</th>
              <th scope="col">{t('devices.col.created')}</th>
              <th scope="col">{t('devices.col.lastUsed')}</th>
              <th scope="col">{t('devices.col.expires')}</th>
              <th scope="col">{t('devices.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.label}</th>
                <td>{formatDateTime(token.created_at, ctx.locale)}</td>
                <td>{token.last_used_at ? formatDateTime(token.last_used_at, ctx.locale) : '—'}</td>
                <td>{formatLongDate(token.expires_at, ctx.locale)}</td>
                <td>
                  <PostForm ctx={ctx} action={`${DEVICES_PATH}/${token.id}/retirer`}>
                    <button type="submit" class="app-button app-button--secondary" aria-label={t('devices.remove.label', { device: token.label })}>
                      {t('devices.remove')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
