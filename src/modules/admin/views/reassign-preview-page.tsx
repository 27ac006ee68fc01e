import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { ReassignmentPreview } from '../assignment.service';
import { needText } from './assignments-page';
import { ADMIN_PATH, ASSIGN_PATH, agentCaseloadPath, REASSIGN_CONFIRM_PATH } from './paths';

/**
 * « Réassigner », second step: each client that changes agent, each of their planned future
 * appointments and what will happen to it; « Confirmer » posts the same choice again with the
 * fingerprint of what was shown (without JavaScript, a second form post).
 */
export function ReassignPreviewPage({ ctx, preview, fromAgentId, note, warning }: { ctx: ViewContext; preview: ReassignmentPreview; fromAgentId: number; note: string; warning?: string }) {
  const { t, locale } = ctx;
  const agent = preview.agent.name;
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('admin.crumb'), href: ADMIN_PATH }, { label: t('admin.assign.title'), href: ASSIGN_PATH }, { label: t('admin.reassign.preview.crumb') }]} />
      <h1>{t('admin.reassign.preview.title', { agent })}</h1>
      {warning && (
        <Notice kind="warning" isUrgent>
          {warning}
        </Notice>
      )}
      <p>{t('admin.reassign.preview.intro', { agent })}</p>
      {preview.clients.length === 0 && <EmptyState>{t('admin.reassign.preview.nobody', { agent })}</EmptyState>}
      {preview.clients.map((client) => (
        <section key={client.id} aria-labelledby={`client-${client.id}`}>
          <h2 id={`client-${client.id}`}>{client.name}</h2>
          {client.need.codes.length > 0 &&
            (client.isSpoken ? (
              <p>{t('admin.reassign.preview.spoken', { agent, languages: needText(ctx, client.need) })}</p>
            ) : (
              <Notice kind="warning">{t('admin.reassign.preview.notSpoken', { agent, languages: needText(ctx, client.need) })}</Notice>
            ))}
          {client.appointments.length === 0 ? (
            <p>{t('admin.reassign.preview.noAppointment')}</p>
          ) : (
            <table class="app-table">
              <caption class="app-visually-hidden">{t('admin.reassign.preview.caption', { name: client.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('appointments.col.date')}</th>
                  <th scope="col">{t('appointments.col.kind')}</th>
                  <th scope="col">{t('appointments.col.mode')}</th>
                  <th scope="col">{t('admin.reassign.preview.col.fate')}</th>
                </tr>
              </thead>
              <tbody>
                {client.appointments.map(({ appointment, fate }) => (
                  <tr key={appointment.id}>
                    <th scope="row" data-label={t('appointments.col.date')}>
                      {t('admin.when', { date: formatLongDate(appointment.starts_at, locale), time: formatTime(appointment.starts_at, locale) })}
                    </th>
                    <td data-label={t('appointments.col.kind')}>{t(`appointments.kind.${appointment.kind}`)}</td>
                    <td data-label={t('appointments.col.mode')}>{t(`appointments.mode.${appointment.mode}`)}</td>
                    <td data-label={t('admin.reassign.preview.col.fate')}>
                      {fate.action === 'move' ? (
                        <StatusTag tone="success">{t('admin.reassign.preview.move', { agent })}</StatusTag>
                      ) : (
                        <>
                          <StatusTag tone="warning">{t('admin.reassign.preview.cancel', { agent })}</StatusTag> {t(`admin.reassign.why.${fate.why}`, { agent })}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <p>{t('admin.reassign.preview.message')}</p>
      <PostForm ctx={ctx} action={REASSIGN_CONFIRM_PATH} class="app-form">
        <input type="hidden" name="from" value={String(fromAgentId)} />
        <input type="hidden" name="agent" value={String(preview.agent.id)} />
        {preview.clients.map((client) => (
          <input key={client.id} type="hidden" name="clients" value={String(client.id)} />
        ))}
        <input type="hidden" name="note" value={note} />
        <input type="hidden" name="apercu" value={preview.fingerprint} />
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t('admin.reassign.preview.confirm')}
          </button>
          <a href={agentCaseloadPath(fromAgentId)}>{t('admin.cancel')}</a>
        </div>
      </PostForm>
    </>
  );
}
