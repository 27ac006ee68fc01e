import type { MessageKey } from '../../../platform/i18n/catalog';
import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { describedBy, EmptyState, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { formatDay } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { Absence, AvailabilityPage as AvailabilityData } from '../availability.service';
import { WORKDAYS } from '../availability.service';

const KINDS = ['vacances', 'formation', 'autre'] as const;

/** What the hours form shows per day: as saved, or as typed when refused. */
export type HoursValues = Record<number, { isWorking: boolean; start: string; end: string }>;
export type AbsenceValues = { kind: string; label: string; startsOn: string; endsOn: string };

export interface AvailabilityPageProps {
  data: AvailabilityData;
  /** '/espace/disponibilites', or the manager's path for that agent. */
  basePath: string;
  /** The manager's breadcrumb; none on the agent's own page. */
  crumbs?: Array<{ label: string; href?: string }>;
  isOwn: boolean;
  businessHours: { start: number; end: number };
  hours?: HoursValues;
  absence?: AbsenceValues;
  errors?: FieldError[];
  notice?: string;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The week as saved, as the form's values. */
export function hoursValuesOf(data: AvailabilityData): HoursValues {
  return Object.fromEntries(data.week.map((d) => [d.weekday, d.hours ? { isWorking: true, start: hhmm(d.hours.startMinute), end: hhmm(d.hours.endMinute) } : { isWorking: false, start: '', end: '' }]));
}

/** One absence in words: « Vacances — Du lundi 21 décembre 2026 au vendredi 1er janvier 2027 ». */
function absenceText(ctx: ViewContext, absence: Absence): { what: string; when: string } {
  const { t } = ctx;
  const what = [t(`availability.kind.${absence.kind}` as MessageKey), absence.label].filter(Boolean).join(' — ');
  const when =
    absence.startsOn === absence.endsOn
      ? t('availability.absences.oneDay', { date: formatDay(absence.startsOn, ctx.locale) })
      : t('availability.absences.range', { start: formatDay(absence.startsOn, ctx.locale), end: formatDay(absence.endsOn, ctx.locale) });
  return { what, when };
}

/** « Mes disponibilités »: the weekly hours (Monday to Friday), the absences, and a form to add one. */
export function AvailabilityPage({ ctx, data, basePath, crumbs, isOwn, businessHours, hours, absence, errors = [], notice }: AvailabilityPageProps & { ctx: ViewContext }) {
  const { t } = ctx;
  const title = isOwn ? t('availability.title') : t('availability.titleOf', { name: data.agent.name });
  const week = hours ?? hoursValuesOf(data);
  const values = absence ?? { kind: '', label: '', startsOn: '', endsOn: '' };
  const error = (field: string) => errorFor(errors, field);
  return (
    <div class="app-narrow">
      {crumbs && <Breadcrumb ctx={ctx} items={[...crumbs, { label: title }]} />}
      <h1>{title}</h1>
      <p>{isOwn ? t('availability.intro') : t('availability.introOf', { name: data.agent.name })}</p>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary ctx={ctx} errors={errors} />

      <h2 id="hours">{t('availability.hours.title')}</h2>
      <p>{data.isBusinessHours ? t('availability.hours.businessHours', { start: businessHours.start, end: businessHours.end }) : t('availability.hours.own')}</p>
      <PostForm ctx={ctx} action={`${basePath}/heures`} class="app-form">
        <p class="app-field__hint" id="hours-hint">
          {t('availability.hours.hint')}
        </p>
        {WORKDAYS.map((weekday) => {
          const day = week[weekday] ?? { isWorking: false, start: '', end: '' };
          const dayError = error(`day${weekday}`);
          return (
            <fieldset
              key={weekday}
              id={`day${weekday}`}
              class={`app-fieldset app-availability-day${dayError ? ' app-field--error' : ''}`}
              aria-describedby={['hours-hint', dayError ? `day${weekday}-error` : ''].filter(Boolean).join(' ')}
            >
              <legend>{t(`availability.dayTitle.${weekday}` as MessageKey)}</legend>
              {dayError && (
                <p class="app-field__error" id={`day${weekday}-error`}>
                  {dayError}
                </p>
              )}
              <label class="app-checkbox">
                <input type="checkbox" name={`works${weekday}`} value="1" checked={day.isWorking} /> {t('availability.hours.works', { day: t(`availability.day.${weekday}` as MessageKey) })}
              </label>
              <div class="app-availability-day__times">
                <label for={`start${weekday}`}>{t('availability.hours.start')}</label>
                <input type="time" id={`start${weekday}`} name={`start${weekday}`} value={day.start} step={900} aria-invalid={dayError ? 'true' : undefined} />
                <label for={`end${weekday}`}>{t('availability.hours.end')}</label>
                <input type="time" id={`end${weekday}`} name={`end${weekday}`} value={day.end} step={900} aria-invalid={dayError ? 'true' : undefined} />
              </div>
            </fieldset>
          );
        })}
        <button type="submit" class="app-button">
          {t('availability.hours.submit')}
        </button>
      </PostForm>

      <h2 id="absences">{t('availability.absences.title')}</h2>
      {data.absences.length === 0 ? (
        <EmptyState>{t('availability.absences.empty')}</EmptyState>
      ) : (
        <ul class="app-availability-absences">
          {data.absences.map((a) => {
            const { what, when } = absenceText(ctx, a);
            return (
              <li key={a.id} class="app-availability-absences__item">
                <span>
                  <strong>{what}</strong> — {when}
                </span>
                <PostForm ctx={ctx} action={`${basePath}/absences/${a.id}/retirer`} class="app-inline-form">
                  <button type="submit" class="app-button app-button--secondary" aria-label={t('availability.absences.removeLabel', { what: `${what}, ${when}` })}>
                    {t('availability.absences.remove')}
                  </button>
                </PostForm>
              </li>
            );
          })}
        </ul>
      )}

      <h3 id="add-absence">{t('availability.absences.add')}</h3>
      <PostForm ctx={ctx} action={`${basePath}/absences`} class="app-form">
        <fieldset class={`app-fieldset${error('kind') ? ' app-field--error' : ''}`} id="kind" {...describedBy('kind', { error: error('kind') })}>
          <legend>{t('availability.absences.kind')}</legend>
          {error('kind') && (
            <p class="app-field__error" id="kind-error">
              {error('kind')}
            </p>
          )}
          {KINDS.map((kind) => (
            <label key={kind} class="app-radio">
              <input type="radio" name="kind" value={kind} checked={values.kind === kind} /> {t(`availability.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        <Field id="label" label={t('availability.absences.label')} hint={t('availability.absences.labelHint')} error={error('label')}>
          <input type="text" id="label" name="label" value={values.label} maxLength={100} {...describedBy('label', { hint: true, error: error('label') })} />
        </Field>
        <Field id="startsOn" label={t('availability.absences.startsOn')} error={error('startsOn')}>
          <input type="date" id="startsOn" name="startsOn" value={values.startsOn} {...describedBy('startsOn', { error: error('startsOn') })} />
        </Field>
        <Field id="endsOn" label={t('availability.absences.endsOn')} hint={t('availability.absences.datesHint')} error={error('endsOn')}>
          <input type="date" id="endsOn" name="endsOn" value={values.endsOn} {...describedBy('endsOn', { hint: true, error: error('endsOn') })} />
        </Field>
        <button type="submit" class="app-button">
          {t('availability.absences.submit')}
        </button>
      </PostForm>
    </div>
  );
}
