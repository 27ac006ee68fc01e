import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { StatusTag, type StatusTone } from '../../../ui/components/status-tag/status-tag';
import { fill } from '../../../ui/fill';
import { formatDay, formatLongDate, formatTime } from '../../../ui/format/datetime';
import type { Translate } from '../../../platform/i18n/translate';
import type { ViewContext } from '../../../ui/view-context';
import { staffAppointmentPath } from '../../workspace/views/paths';
import type { Agenda, AgendaDay, AgendaEntry, AgendaStatus } from '../agenda.service';
import { agendaPathOf, agendaUrl, FEED_SUBSCRIBE_PATH, feedRevokePath } from './paths';

const TONES: Record<AgendaStatus, StatusTone> = { planifie: 'info', resultat_a_inscrire: 'warning', termine: 'success', absent: 'warning', annule: 'danger' };

function statusLabel(ctx: ViewContext, status: AgendaStatus): string {
  return status === 'resultat_a_inscrire' ? ctx.t('agenda.status.resultat_a_inscrire') : ctx.t(`appointments.status.${status}`);
}

/** The agenda's title: « Mon agenda », or the agent's name for a manager. */
export function agendaTitle(t: Translate, agenda: Pick<Agenda, 'isOwn' | 'agentName'>): string {
  return agenda.isOwn ? t('agenda.title.own') : t('agenda.title.of', { name: agenda.agentName ?? '' });
}

/**
 * « Mon agenda »: a section per day, its heading the date, then what closes the day, the agent's
 * absences and the list of appointments in time order — the order a screen reader reads and a
 * phone shows; a wide screen lays a week's days side by side. Links only, no script.
 */
export function AgendaPage({ ctx, agenda, feed, notice }: { ctx: ViewContext; agenda: Agenda; feed: { liveSince?: string }; notice?: string }) {
  const { t } = ctx;
  const base = agendaPathOf(agenda.isOwn ? undefined : agenda.agentId);
  const shown = agenda.days;
  const period =
    agenda.view === 'jour' ? formatDay(agenda.date, ctx.locale) : t('agenda.heading.week', { from: formatDay(shown[0]?.date ?? agenda.date, ctx.locale), to: formatDay(shown.at(-1)?.date ?? agenda.date, ctx.locale) });
  return (
    <>
      <h1>{agendaTitle(t, agenda)}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p class="app-agenda__period">{period}</p>
      <nav class="app-agenda__nav" aria-label={t('agenda.browse')}>
        <ul class="app-agenda__links">
          <li>
            <a href={agendaUrl(base, agenda.view, agenda.previous)}>{t(`agenda.previous.${agenda.view}`)}</a>
          </li>
          <li>
            <a href={agendaUrl(base, agenda.view)}>{t('agenda.today')}</a>
          </li>
          <li>
            <a href={agendaUrl(base, agenda.view, agenda.next)}>{t(`agenda.next.${agenda.view}`)}</a>
          </li>
        </ul>
        <ul class="app-agenda__links" aria-label={t('agenda.views')}>
          {(['jour', 'semaine'] as const).map((view) => (
            <li key={view}>
              <a href={agendaUrl(base, view, agenda.date)} aria-current={view === agenda.view ? 'true' : undefined}>
                {t(`agenda.view.${view}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class={`app-agenda__days app-agenda__days--${agenda.view}`}>
        {shown.map((day) => (
          <DaySection key={day.date} ctx={ctx} day={day} />
        ))}
      </div>
      {agenda.view === 'semaine' && <p>{t('agenda.weekend')}</p>}
      <FeedSection ctx={ctx} agenda={agenda} feed={feed} base={base} />
    </>
  );
}

function DaySection({ ctx, day }: { ctx: ViewContext; day: AgendaDay }) {
  const { t, locale } = ctx;
  const headingId = `jour-${day.date}`;
  return (
    <section class={`app-agenda__day${day.isToday ? ' app-agenda__day--today' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <time dateTime={day.date}>{formatDay(day.date, locale)}</time>
        {day.isToday && <span class="app-agenda__today">{t('agenda.today')}</span>}
      </h2>
      {day.holiday && (
        // The calendar names holidays in French only: said with a French voice in English.
        <p class="app-agenda__closed">{fill(t('agenda.holiday', { name: '{name}' }), { name: <span lang={locale === 'fr' ? undefined : 'fr'}>{day.holiday}</span> })}</p>
      )}
      {day.closure && <p class="app-agenda__closed">{t('agenda.closure', { label: locale === 'fr' ? day.closure.labelFr : day.closure.labelEn })}</p>}
      {day.absences.map((absence) => (
        <p key={absence.id} class="app-agenda__absence">
          {t('agenda.absence', { kind: t(`agenda.absence.kind.${absence.kind}`) })}
          {absence.label && ` (${absence.label})`}
          {absence.startsOn !== absence.endsOn && `, ${t('agenda.absence.range', { from: formatDay(absence.startsOn, locale), to: formatDay(absence.endsOn, locale) })}`}
        </p>
      ))}
      {day.entries.length === 0 ? (
        <p class="app-agenda__empty">{t('agenda.empty')}</p>
      ) : (
        <ul class="app-agenda__list" aria-label={t('agenda.appointments', { date: formatDay(day.date, locale) })}>
          {day.entries.map((entry) => (
            <EntryItem key={entry.appointmentId} ctx={ctx} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function EntryItem({ ctx, entry }: { ctx: ViewContext; entry: AgendaEntry }) {
  const { t, locale } = ctx;
  return (
    <li class={`app-agenda__entry app-agenda__entry--${entry.status}`}>
      <p class="app-agenda__time">
        {fill(t('agenda.entry.time'), {
          start: <time dateTime={entry.startsAt}>{formatTime(entry.startsAt, locale)}</time>,
          end: <time dateTime={entry.endsAt}>{formatTime(entry.endsAt, locale)}</time>,
        })}
      </p>
      <p class="app-agenda__client">{entry.isLinked ? <a href={staffAppointmentPath(entry.appointmentId)}>{entry.clientName}</a> : entry.clientName}</p>
      <p>
        {t(`appointments.kind.${entry.kind}`)}, {t(`appointments.mode.${entry.mode}`).toLowerCase()}
      </p>
      <StatusTag tone={TONES[entry.status]}>{statusLabel(ctx, entry.status)}</StatusTag>
    </li>
  );
}

/**
 * « S'abonner à mon agenda » for the agent; for a manager, whether an address is live, with
 * « Révoquer » (a lost phone, a departure). The secret itself is shown once, on its own page.
 */
function FeedSection({ ctx, agenda, feed, base }: { ctx: ViewContext; agenda: Agenda; feed: { liveSince?: string }; base: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="abonnement">
      <h2 id="abonnement">{agenda.isOwn ? t('agenda.feed.heading') : t('agenda.feed.headingOf')}</h2>
      {agenda.isOwn && <p>{t('agenda.feed.intro')}</p>}
      <p>{feed.liveSince ? t('agenda.feed.live', { date: formatLongDate(feed.liveSince, ctx.locale) }) : t('agenda.feed.none')}</p>
      {agenda.isOwn && (
        <PostForm ctx={ctx} action={FEED_SUBSCRIBE_PATH} class="app-inline-form">
          <button type="submit" class="app-button">
            {feed.liveSince ? t('agenda.feed.renew') : t('agenda.feed.subscribe')}
          </button>
        </PostForm>
      )}{' '}
      {feed.liveSince && (
        <PostForm ctx={ctx} action={feedRevokePath(base)} class="app-inline-form">
          <button type="submit" class="app-button app-button--secondary" aria-label={t('agenda.feed.revokeLabel')}>
            {t('agenda.feed.revoke')}
          </button>
        </PostForm>
      )}
    </section>
  );
}
