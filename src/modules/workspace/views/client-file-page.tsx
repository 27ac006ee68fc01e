import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { Notice } from '../../../ui/components/notice/notice';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { SummaryList } from '../../../ui/components/summary-list/summary-list';
import { Tabs } from '../../../ui/components/tabs/tabs';
import { formatDateTime, formatLongDate, formatTime, formatZoneName } from '../../../ui/format/datetime';
import { auditActionLabel } from '../../../platform/audit/audit-labels';
import { PhoneLink } from '../../../ui/components/phone-link/phone-link';
import type { ViewContext } from '../../../ui/view-context';
import { fileNumber } from '../../accounts/directory.service';
import { RequestAnswers } from '../../requests/views/request-answers';
import type { ClientFile } from '../client-file.service';
import { CLIENTS_PATH, clientPath, clientReferralsPath, conversationPath, messageFormPath, proposePath, staffAppointmentPath } from './paths';
import { ReproposalNotice } from './reproposal-notice';
import { StaffStatusLabel } from './staff-status-label';

/** The client's file: identity, request, appointments (both tabs), plan and notes, messages sent, timeline. */
export function ClientFilePage({ ctx, file, notice }: { ctx: ViewContext; file: ClientFile; notice?: string }) {
  const { t, locale } = ctx;
  const { client, request } = file;
  const base = clientPath(client.id);
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('workspace.clients.title'), href: CLIENTS_PATH }, { label: client.display_name }]} />
      <h1>{t('workspace.file.title', { name: client.display_name })}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}

      <h2>{t('workspace.file.identity')}</h2>
      <SummaryList
        rows={[
          { key: t('workspace.file.name'), value: client.display_name },
          { key: t('workspace.file.number'), value: fileNumber(client.id) },
          { key: t('workspace.file.email'), value: <a href={`mailto:${client.email}`}>{client.email}</a> },
          { key: t('workspace.file.phone'), value: client.phone ? <PhoneLink ctx={ctx} phone={client.phone} /> : t('workspace.file.noPhone') },
          { key: t('workspace.file.language'), value: t(`workspace.lang.${client.locale}`) },
          { key: t('workspace.file.timeZone'), value: formatZoneName(client.time_zone, locale) },
        ]}
      />

      <h2>{t('workspace.file.request')}</h2>
      {request ? (
        <SummaryList
          rows={[
            { key: t('workspace.file.requestSubmitted'), value: formatDateTime(request.submitted_at, locale) },
            { key: t('workspace.file.requestAnswered'), value: request.first_proposed_at ? formatDateTime(request.first_proposed_at, locale) : t('workspace.file.requestWaiting') },
          ]}
        />
      ) : (
        <EmptyState>{t('workspace.file.noRequest')}</EmptyState>
      )}
      {request && <RequestAnswers ctx={ctx} answers={request.answers} />}

      <h2>{t('workspace.file.appointments')}</h2>
      {file.reproposal && <ReproposalNotice ctx={ctx} reproposal={file.reproposal} />}
      <p>
        <a class="app-button" href={proposePath(client.id)}>
          {t('workspace.file.propose')}
        </a>
      </p>
      <Tabs label={t('appointments.tabs')} items={(['planifie', 'termine'] as const).map((name) => ({ href: `${base}?onglet=${name}#rendez-vous`, label: t(`appointments.tab.${name}`), isCurrent: name === file.tab }))} />
      <div id="rendez-vous">
        {file.appointments.length === 0 ? (
          <EmptyState>{t(file.tab === 'planifie' ? 'workspace.file.noPlanned' : 'workspace.file.noFinished')}</EmptyState>
        ) : (
          <table class="app-table">
            <caption class="app-visually-hidden">{t(`appointments.caption.${file.tab}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('appointments.col.date')}</th>
                <th scope="col">{t('appointments.col.time')}</th>
                <th scope="col">{t('appointments.col.kind')}</th>
                <th scope="col">{t('appointments.col.mode')}</th>
                <th scope="col">{t('appointments.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {file.appointments.map(({ appointment, reason, awaitingOutcome }) => (
                <tr key={appointment.id}>
                  <td data-label={t('appointments.col.date')}>
                    <a href={staffAppointmentPath(appointment.id)}>{formatLongDate(appointment.starts_at, locale)}</a>
                  </td>
                  <td data-label={t('appointments.col.time')}>{formatTime(appointment.starts_at, locale)}</td>
                  <td data-label={t('appointments.col.kind')}>{t(`appointments.kind.${appointment.kind}`)}</td>
                  <td data-label={t('appointments.col.mode')}>{t(`appointments.mode.${appointment.mode}`)}</td>
                  <td data-label={t('appointments.col.status')}>
                    <StaffStatusLabel ctx={ctx} appointment={appointment} reason={reason} isAwaitingOutcome={awaitingOutcome} gender={client.grammatical_gender} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <h2>{t('workspace.file.plan')}</h2>
      <p>
        <a href={`${base}/plan`}>{t('workspace.file.planLink')}</a>
      </p>
      <h2>{t('workspace.file.notes')}</h2>
      <p>
        <a href={`${base}/notes`}>{t('workspace.file.notesLink')}</a>
      </p>
      <h2>{t('referrals.file.heading')}</h2>
      <p>
        <a href={clientReferralsPath(client.id)}>{t('referrals.file.link')}</a>
      </p>

      <h2>{t('workspace.file.conversations')}</h2>
      <p>
        <a href={messageFormPath(client.id)}>{t('workspace.file.writeMessage')}</a>
      </p>
      {file.messages.length === 0 ? (
        <EmptyState>{t('workspace.file.messagesEmpty')}</EmptyState>
      ) : (
        <ul class="app-plain-list">
          {file.messages.map((conversation) => (
            <li key={conversation.threadId}>
              <time dateTime={conversation.lastAt}>{formatDateTime(conversation.lastAt, locale)}</time> —{' '}
              <a href={conversationPath(client.id, conversation.threadId)}>{locale === 'en' ? conversation.subject.en : conversation.subject.fr}</a>
              {conversation.count > 1 && ` (${t('workspace.file.conversationCount', { count: conversation.count })})`}{' '}
              <StatusTag tone={conversation.unreadMessages === 0 ? 'success' : 'neutral'}>{t(conversation.unreadMessages === 0 ? 'workspace.file.read' : 'workspace.file.unread')}</StatusTag>
              {conversation.unreadReplies > 0 && (
                <>
                  {' '}
                  <StatusTag tone="warning">{t('workspace.file.replyToRead')}</StatusTag>
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('workspace.file.timeline')}</h2>
      {file.timeline.length === 0 ? (
        <EmptyState>{t('workspace.file.timelineEmpty')}</EmptyState>
      ) : (
        <ol class="app-timeline">
          {file.timeline.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.at}>
                {formatLongDate(entry.at, locale)} {formatTime(entry.at, locale)}
              </time>{' '}
              — {auditActionLabel(t, entry.action)}
              {entry.actorName && ` ${t('workspace.file.by', { name: entry.actorName })}`}
              {entry.note && <p class="app-timeline__note">{t('workspace.file.timelineNote', { note: entry.note })}</p>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
