import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../errors';
import { requireRole } from '../http/guards';
import { pathId } from '../http/params';
import { EmptyState } from '../../ui/components/form';
import { formatDateTime } from '../../ui/format/datetime';
import { outboxMail, recentOutboxMail } from './outbox.service';

/**
 * GET /dev/courriels: the outbox, for developers running without SMTP, with each mail's calendar
 * file. It does not exist in production (404), and even in development only an administrator
 * sees it, since it shows other people's e-mail addresses.
 */
export async function outboxDevRoutes(app: FastifyInstance): Promise<void> {
  app.get('/dev/courriels', { preHandler: [async () => assertNotProduction(app), requireRole('admin')] }, async (request, reply) => {
    const { t } = request;
    const mails = await recentOutboxMail(app.database.db);
    return reply.page({
      title: t('mail.dev.title'),
      body: () => (
        <>
          <h1>{t('mail.dev.title')}</h1>
          <p>{t(app.config.SMTP_URL ? 'mail.dev.smtpConfigured' : 'mail.dev.intro')}</p>
          {mails.length === 0 ? (
            <EmptyState>{t('mail.dev.empty')}</EmptyState>
          ) : (
            <table class="app-outbox-table">
              <caption class="app-visually-hidden">{t('mail.dev.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mail.dev.created')}</th>
                  <th scope="col">{t('mail.dev.to')}</th>
                  <th scope="col">{t('mail.dev.subject')}</th>
                  <th scope="col">{t('mail.dev.body')}</th>
                  <th scope="col">{t('mail.dev.calendar')}</th>
                  <th scope="col">{t('mail.dev.status')}</th>
                  <th scope="col">{t('mail.dev.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {mails.map((mail) => (
                  <tr key={mail.id}>
                    <td>
                      <time datetime={mail.created_at}>{formatDateTime(mail.created_at, request.locale)}</time>
                    </td>
                    <td>{mail.to_address}</td>
                    <td>{mail.subject}</td>
                    <td>
                      <pre class="app-outbox-table__body">{mail.body_text}</pre>
                    </td>
                    <td>
                      {mail.calendar_ics ? (
                        <a href={`/dev/courriels/${mail.id}/calendrier.ics`} download>
                          {t('mail.dev.calendarLink', { method: mail.calendar_method ?? '' })}
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{t(`mail.dev.state.${mail.status}`)}</td>
                    <td>{mail.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ),
    });
  });

  // The calendar file a mail carries, as the person's calendar receives it (same conditions).
  app.get('/dev/courriels/:id/calendrier.ics', { preHandler: [async () => assertNotProduction(app), requireRole('admin')] }, async (request, reply) => {
    const mail = await outboxMail(app.database.db, pathId(request));
    if (!mail?.calendar_ics) throw new NotFoundError();
    return reply
      .type(`text/calendar; charset=utf-8; method=${mail.calendar_method ?? 'PUBLISH'}`)
      .header('content-disposition', 'attachment; filename="rendez-vous.ics"')
      .send(mail.calendar_ics);
  });
}

function assertNotProduction(app: FastifyInstance): void {
  if (app.config.NODE_ENV === 'production') throw new NotFoundError();
}
