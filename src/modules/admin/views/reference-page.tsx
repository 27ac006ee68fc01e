import { pluralForm } from '../../../platform/i18n/plural';
import { MOMENT_CHOICE_SETTINGS_PATH } from '../../availability/views/paths';
import { formatDay } from '../../../ui/format/datetime';
import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { EmptyState } from '../../../ui/components/empty-state/empty-state';
import { PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import type { ViewContext } from '../../../ui/view-context';
import { DOMAIN_LABEL_KEYS, type DomainCode } from '../../plans/domains';
import { PARTNERS_PATH } from '../../referrals/views/partners-admin-pages';
import type { CancellationReason, CatalogueEntry, ClosureDaysView } from '../reference-data.service';
import type { Team } from '../team.service';
import { ADMIN_PATH, catalogueEntryPath, closureDayPath, NEW_ACTION_PATH, NEW_CLOSURE_PATH, NEW_REASON_PATH, NEW_TEAM_PATH, reasonPath, teamPath } from './paths';

/** « Retirer » / « Rétablir » and « Modifier » for one entry (a POST each: no change on GET). */
function EntryActions({ ctx, editHref, base, name, isActive }: { ctx: ViewContext; editHref: string; base: string; name: string; isActive: boolean }) {
  const { t } = ctx;
  return (
    <div class="app-inline-form">
      <a href={editHref} aria-label={t('admin.editLabel', { name })}>
        {t('admin.edit')}
      </a>
      <PostForm ctx={ctx} action={`${base}/${isActive ? 'retirer' : 'retablir'}`} class="app-inline-form">
        <button type="submit" class="app-button app-button--secondary" aria-label={t(isActive ? 'admin.retireLabel' : 'admin.restoreLabel', { name })}>
          {t(isActive ? 'admin.retire' : 'admin.restore')}
        </button>
      </PostForm>
    </div>
  );
}

function ActiveTag({ ctx, isActive }: { ctx: ViewContext; isActive: boolean }) {
  return <StatusTag tone={isActive ? 'success' : 'neutral'}>{ctx.t(isActive ? 'admin.active' : 'admin.retired')}</StatusTag>;
}

/** « Équipes »: each team's names, region and state; agents and requests are sent to one of these. */
function TeamsSection({ ctx, teams }: { ctx: ViewContext; teams: Team[] }) {
  const { t, locale } = ctx;
  return (
    <>
      <h2 id="equipes">{t('admin.ref.teams')}</h2>
      <p>{t('admin.ref.teamsIntro')}</p>
      <p>
        <a href={NEW_TEAM_PATH} class="app-button app-button--secondary">
          {t('admin.ref.addTeam')}
        </a>
      </p>
      <table class="app-table">
        <caption class="app-visually-hidden">{t('admin.ref.teamsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.col.labelFr')}</th>
            <th scope="col">{t('admin.col.labelEn')}</th>
            <th scope="col">{t('admin.ref.col.region')}</th>
            <th scope="col">{t('admin.col.status')}</th>
            <th scope="col">{t('admin.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.code}>
              <th scope="row" data-label={t('admin.col.labelFr')} lang="fr">
                {team.name_fr}
              </th>
              <td data-label={t('admin.col.labelEn')} lang="en">
                {team.name_en}
              </td>
              <td data-label={t('admin.ref.col.region')}>{team.region ?? t('admin.ref.noRegion')}</td>
              <td data-label={t('admin.col.status')}>
                <ActiveTag ctx={ctx} isActive={team.active === 1} />
              </td>
              <td data-label={t('admin.col.actions')}>
                <EntryActions ctx={ctx} editHref={teamPath(team.code)} base={teamPath(team.code)} name={locale === 'en' ? team.name_en : team.name_fr} isActive={team.active === 1} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** « Données de référence »: teams, cancellation reasons, the action catalogue, closure days, and the holidays (read only). */
export function ReferencePage({
  ctx,
  teams,
  reasons,
  catalogue,
  closures,
  notice,
}: {
  ctx: ViewContext;
  teams: Team[];
  reasons: CancellationReason[];
  catalogue: CatalogueEntry[];
  closures: ClosureDaysView;
  notice?: string;
}) {
  const { t, locale } = ctx;
  return (
    <>
      <Breadcrumb ctx={ctx} items={[{ label: t('admin.crumb'), href: ADMIN_PATH }, { label: t('admin.ref.title') }]} />
      <h1>{t('admin.ref.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('admin.ref.intro')}</p>

      <TeamsSection ctx={ctx} teams={teams} />

      <h2 id="organismes">{t('referrals.nav.partners')}</h2>
      <p>
        <a href={PARTNERS_PATH}>{t('referrals.ref.link')}</a>
      </p>

      <h2 id="raisons">{t('admin.ref.reasons')}</h2>
      <p>
        <a href={NEW_REASON_PATH} class="app-button app-button--secondary">
          {t('admin.ref.addReason')}
        </a>
      </p>
      <table class="app-table">
        <caption class="app-visually-hidden">{t('admin.ref.reasonsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.col.labelFr')}</th>
            <th scope="col">{t('admin.col.labelEn')}</th>
            <th scope="col">{t('admin.col.order')}</th>
            <th scope="col">{t('admin.col.status')}</th>
            <th scope="col">{t('admin.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {reasons.map((reason) => (
            <tr key={reason.code}>
              <th scope="row" data-label={t('admin.col.labelFr')} lang="fr">
                {reason.label_fr}
              </th>
              <td data-label={t('admin.col.labelEn')} lang="en">
                {reason.label_en}
              </td>
              <td data-label={t('admin.col.order')}>{reason.sort_order}</td>
              <td data-label={t('admin.col.status')}>
                <ActiveTag ctx={ctx} isActive={reason.active === 1} />
              </td>
              <td data-label={t('admin.col.actions')}>
                <EntryActions ctx={ctx} editHref={reasonPath(reason.code)} base={reasonPath(reason.code)} name={locale === 'en' ? reason.label_en : reason.label_fr} isActive={reason.active === 1} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="catalogue">{t('admin.ref.catalogue')}</h2>
      <p>
        <a href={NEW_ACTION_PATH} class="app-button app-button--secondary">
          {t('admin.ref.addAction')}
        </a>
      </p>
      <table class="app-table">
        <caption class="app-visually-hidden">{t('admin.ref.catalogueCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.ref.col.title')}</th>
            <th scope="col">{t('admin.ref.col.domain')}</th>
            <th scope="col">{t('admin.ref.col.duration')}</th>
            <th scope="col">{t('admin.col.status')}</th>
            <th scope="col">{t('admin.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {catalogue.map((entry) => {
            const title = locale === 'en' ? entry.title_en : entry.title_fr;
            return (
              <tr key={entry.id}>
                <th scope="row" data-label={t('admin.ref.col.title')}>
                  {title}
                </th>
                <td data-label={t('admin.ref.col.domain')}>{t(DOMAIN_LABEL_KEYS[entry.domain as DomainCode])}</td>
                <td data-label={t('admin.ref.col.duration')}>{t(`admin.ref.days.${pluralForm(ctx.locale, entry.default_duration_days)}`, { count: entry.default_duration_days })}</td>
                <td data-label={t('admin.col.status')}>
                  <ActiveTag ctx={ctx} isActive={entry.active === 1} />
                </td>
                <td data-label={t('admin.col.actions')}>
                  <EntryActions ctx={ctx} editHref={catalogueEntryPath(entry.id)} base={catalogueEntryPath(entry.id)} name={title} isActive={entry.active === 1} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2 id="fermetures">{t('admin.ref.closures')}</h2>
      <p>{t('admin.ref.closuresIntro')}</p>
      <p>
        <a href={NEW_CLOSURE_PATH} class="app-button app-button--secondary">
          {t('admin.ref.addClosure')}
        </a>
      </p>
      {closures.days.length === 0 ? (
        <EmptyState>{t('admin.ref.noClosures')}</EmptyState>
      ) : (
        <table class="app-table">
          <caption class="app-visually-hidden">{t('admin.ref.closuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.ref.col.date')}</th>
              <th scope="col">{t('admin.col.labelFr')}</th>
              <th scope="col">{t('admin.col.labelEn')}</th>
              <th scope="col">{t('admin.col.status')}</th>
              <th scope="col">{t('admin.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {closures.days.map((day) => (
              <tr key={day.date}>
                <th scope="row" data-label={t('admin.ref.col.date')}>
                  <time dateTime={day.date}>{formatDay(day.date, ctx.locale)}</time>
                </th>
                <td data-label={t('admin.col.labelFr')} lang="fr">
                  {day.label_fr}
                </td>
                <td data-label={t('admin.col.labelEn')} lang="en">
                  {day.label_en}
                </td>
                <td data-label={t('admin.col.status')}>
                  <ActiveTag ctx={ctx} isActive={day.active === 1} />
                </td>
                <td data-label={t('admin.col.actions')}>
                  <EntryActions ctx={ctx} editHref={closureDayPath(day.date)} base={closureDayPath(day.date)} name={day.date} isActive={day.active === 1} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="feries">{t('admin.ref.holidays')}</h2>
      <p>{t('admin.ref.holidaysIntro')}</p>
      <table class="app-table">
        <caption class="app-visually-hidden">{t('admin.ref.holidaysCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.ref.col.date')}</th>
            <th scope="col">{t('admin.ref.col.holiday')}</th>
          </tr>
        </thead>
        <tbody>
          {closures.holidays.map((holiday) => (
            <tr key={holiday.date}>
              <th scope="row" data-label={t('admin.ref.col.date')}>
                <time dateTime={holiday.date}>{formatDay(holiday.date, ctx.locale)}</time>
              </th>
              <td data-label={t('admin.ref.col.holiday')} lang="fr">
                {holiday.name}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="choix-du-moment">{t('availability.choice.title')}</h2>
      <p>
        <a href={MOMENT_CHOICE_SETTINGS_PATH}>{t('availability.choice.title')}</a>
      </p>
    </>
  );
}
