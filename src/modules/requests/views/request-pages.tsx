import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../platform/i18n/catalog';
import { Choices as SharedChoices } from '../../../ui/components/choices/choices';
import { DateInput } from '../../../ui/components/date-input/date-input';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, Notice, PostForm } from '../../../ui/components/form';
import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { SummaryList } from '../../../ui/components/summary-list/summary-list';
import { formatLongDate } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { ClientRequestView } from '../request-draft.service';
import { DAYS, type FirstAppointment, type Identification, LANGUAGES, LOCATIONS, MODES, PERIODS, REGIONS, STATUSES } from '../request-draft.schema';
import { fileNumber } from '../../accounts/directory.service';
import { FileReference } from '../../accounts/views/file-reference';
import { NOTICE_PATH } from './collection-notice';
import { NoNews } from './no-news';
import { PromisedMoment } from './promised-moment';
import { zoneLabel, zoneOptions } from '../../../platform/i18n/time-zones';

export const STEP_PATH = { identification: '/demande/identification', firstAppointment: '/demande/premier-rendez-vous', summary: '/demande/recapitulatif' } as const;

/** Form values as posted (strings and lists), so a refused form comes back as typed. */
export type FormValues = Record<string, string | string[]>;

const asList = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []);
const asText = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** The question patterns' groups of radios and checkboxes, from the posted values. */
function Choices({
  name,
  legend,
  options,
  label,
  values,
  errors,
  type,
  hint,
  conditional,
}: {
  name: string;
  legend: string;
  options: readonly string[];
  label: (option: string) => string;
  values: FormValues;
  errors: FieldError[];
  type: 'radio' | 'checkbox';
  hint?: string;
  conditional?: Record<string, ComponentChildren>;
}) {
  return (
    <SharedChoices
      name={name}
      legend={legend}
      type={type}
      hint={hint}
      error={errorFor(errors, name)}
      chosen={asList(values[name])}
      options={options.map((value) => ({ value, label: label(value) }))}
      conditional={conditional}
    />
  );
}

/** The business hours of the periods offered (BUSINESS_DAY_START_HOUR, BUSINESS_DAY_END_HOUR): a period never offers hours the service cannot book. */
interface BusinessHours {
  start: number;
  end: number;
}

/** « 13 h », "1 p.m.", "noon": an hour as people say it, never broken across lines. */
function hourText(hour: number, locale: 'fr' | 'en'): string {
  if (locale === 'fr') return `${hour}\u00a0h`;
  if (hour === 12) return 'noon';
  return `${hour % 12 === 0 ? 12 : hour % 12}\u00a0${hour < 12 ? 'a.m.' : 'p.m.'}`;
}

/** « Après-midi (13 h à 16 h) »: the period with the hours it covers (morning until noon, afternoon from 13 h), or its name alone without the hours. */
function periodLabel(ctx: ViewContext, period: string, hours?: BusinessHours): string {
  const name = ctx.t(`intake.period.${period}` as MessageKey);
  if (!hours) return name;
  const [from, to] = period === 'matin' ? [hours.start, 12] : [13, hours.end];
  return ctx.t('intake.period.hours', { period: name, start: hourText(from, ctx.locale), end: hourText(to, ctx.locale) });
}

/** A calendar day (`2026-03-15`) as people write it: « 15 mars 2026 », "March 15, 2026" (French writes the 1st « 1er »). */
export function calendarDate(day: string, locale: 'fr' | 'en'): string {
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day.slice(0, 10)}T12:00:00Z`));
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

function StepShell({ ctx, n, title, errors, children }: { ctx: ViewContext; n: number; title: string; errors: FieldError[]; children: ComponentChildren }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <p class="app-caption">
        {t('intake.title')} — {t('intake.stepOf', { n })}
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {n < 3 && <p>{t('intake.savedHint')}</p>}
      {children}
    </div>
  );
}

export function identificationValues(answer: Identification | undefined): FormValues {
  if (!answer) return { adults: '0', children: '0' };
  const { arrivalDate, ...rest } = answer;
  const [year = '', month = '', day = ''] = arrivalDate.split('-');
  return { ...rest, 'arrivalDate-day': String(Number(day)), 'arrivalDate-month': String(Number(month)), 'arrivalDate-year': year, adults: String(answer.adults), children: String(answer.children) };
}

export function firstAppointmentValues(answer: FirstAppointment | undefined, defaultZone: string): FormValues {
  if (!answer) return { timeZone: defaultZone };
  return { ...answer, interpreter: answer.interpreter ? 'oui' : 'non' };
}

/** « Identification ». */
export function IdentificationPage({ ctx, values, errors = [], back }: { ctx: ViewContext; values: FormValues; errors?: FieldError[]; back?: string }) {
  const { t } = ctx;
  const error = (field: string) => errorFor(errors, field);
  const text = (field: string) => asText(values[field]);
  return (
    <StepShell ctx={ctx} n={1} title={t('intake.identification')} errors={errors}>
      <p>
        <a href={NOTICE_PATH}>{t('intake.notice.link')}</a>
      </p>
      <PostForm ctx={ctx} action={STEP_PATH.identification} class="app-form">
        {back && <input type="hidden" name="retour" value="recapitulatif" />}
        <Choices type="radio" name="location" legend={t('intake.location')} options={LOCATIONS} label={(o) => t(`intake.location.${o}` as MessageKey)} values={values} errors={errors} />
        <DateInput
          id="arrivalDate"
          legend={t('intake.arrivalDate')}
          hint={t('intake.arrivalDateHint')}
          error={errors.find((e) => e.field.startsWith('arrivalDate'))?.message}
          values={{ day: text('arrivalDate-day'), month: text('arrivalDate-month'), year: text('arrivalDate-year') }}
          labels={{ day: t('intake.date.day'), month: t('intake.date.month'), year: t('intake.date.year') }}
        />
        <Field id="status" label={t('intake.status')} error={error('status')}>
          <select id="status" name="status" {...describedBy('status', { error: error('status') })}>
            <option value="">{t('intake.status.choose')}</option>
            {STATUSES.map((code) => (
              <option key={code} value={code} selected={text('status') === code}>
                {t(`intake.status.${code}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="fileNumber" label={t('intake.fileNumber')} hint={t('intake.fileNumberHint')} error={error('fileNumber')}>
          <input id="fileNumber" name="fileNumber" type="text" maxLength={40} spellcheck={false} value={text('fileNumber')} {...describedBy('fileNumber', { hint: true, error: error('fileNumber') })} />
        </Field>
        <fieldset class="app-fieldset">
          <legend>{t('intake.household')}</legend>
          <Field id="adults" label={t('intake.adults')} error={error('adults')}>
            <input id="adults" name="adults" type="number" inputMode="numeric" min={0} max={20} class="app-input--short" value={text('adults')} {...describedBy('adults', { error: error('adults') })} />
          </Field>
          <Field id="children" label={t('intake.children')} error={error('children')}>
            <input id="children" name="children" type="number" inputMode="numeric" min={0} max={20} class="app-input--short" value={text('children')} {...describedBy('children', { error: error('children') })} />
          </Field>
        </fieldset>
        <Choices type="checkbox" name="languages" legend={t('intake.languages')} options={LANGUAGES} label={(o) => t(`intake.lang.${o}` as MessageKey)} values={values} errors={errors} />
        <Field id="otherLanguages" label={t('intake.otherLanguages')} error={error('otherLanguages')}>
          <input id="otherLanguages" name="otherLanguages" type="text" maxLength={200} value={text('otherLanguages')} {...describedBy('otherLanguages', { error: error('otherLanguages') })} />
        </Field>
        <button type="submit" class="app-button">
          {t('intake.continue')}
        </button>
      </PostForm>
    </StepShell>
  );
}

/** « Premier rendez-vous ». */
export function FirstAppointmentPage({ ctx, values, errors = [], back, hours }: { ctx: ViewContext; values: FormValues; errors?: FieldError[]; back?: string; hours: BusinessHours }) {
  const { t } = ctx;
  const error = (field: string) => errorFor(errors, field);
  const text = (field: string) => asText(values[field]);
  const zones = zoneOptions(ctx.locale, text('timeZone'));
  return (
    <StepShell ctx={ctx} n={2} title={t('intake.firstAppointment')} errors={errors}>
      <PostForm ctx={ctx} action={STEP_PATH.firstAppointment} class="app-form">
        {back && <input type="hidden" name="retour" value="recapitulatif" />}
        <Choices
          type="radio"
          name="mode"
          legend={t('intake.mode')}
          options={MODES}
          label={(o) => t(`intake.mode.${o}` as MessageKey)}
          values={values}
          errors={errors}
          conditional={{
            en_personne: (
              <Field id="region" label={t('intake.region')} hint={t('intake.regionHint')} error={error('region')}>
                <select id="region" name="region" {...describedBy('region', { hint: true, error: error('region') })}>
                  <option value="">{t('intake.region.choose')}</option>
                  {REGIONS.map((region) => (
                    <option key={region} value={region} selected={text('region') === region}>
                      {region}
                    </option>
                  ))}
                </select>
              </Field>
            ),
          }}
        />
        <Field id="phone" label={t('intake.phone')} hint={t('intake.phoneHint')} error={error('phone')}>
          <input id="phone" name="phone" type="tel" autoComplete="tel" maxLength={25} value={text('phone')} {...describedBy('phone', { hint: true, error: error('phone') })} />
        </Field>
        <Field id="timeZone" label={t('intake.timeZone')} hint={t('intake.timeZoneHint')} error={error('timeZone')}>
          <select id="timeZone" name="timeZone" {...describedBy('timeZone', { hint: true, error: error('timeZone') })}>
            {zones.map((zone) => (
              <option key={zone.value} value={zone.value} selected={text('timeZone') === zone.value}>
                {zone.label}
              </option>
            ))}
          </select>
        </Field>
        <h2>{t('intake.availability')}</h2>
        <Choices type="checkbox" name="days" legend={t('intake.days')} options={DAYS} label={(o) => t(`intake.day.${o}` as MessageKey)} values={values} errors={errors} />
        <Choices type="checkbox" name="periods" legend={t('intake.periods')} options={PERIODS} label={(o) => periodLabel(ctx, o, hours)} values={values} errors={errors} />
        <h2>{t('intake.needs')}</h2>
        <Choices
          type="radio"
          name="interpreter"
          legend={t('intake.interpreter')}
          options={['oui', 'non']}
          label={(o) => t(o === 'oui' ? 'intake.yes' : 'intake.no')}
          values={values}
          errors={errors}
          conditional={{
            oui: (
              <Field id="interpreterLanguage" label={t('intake.interpreterLanguage')} hint={t('intake.interpreterLanguageHint')} error={error('interpreterLanguage')}>
                <input
                  id="interpreterLanguage"
                  name="interpreterLanguage"
                  type="text"
                  maxLength={100}
                  value={text('interpreterLanguage')}
                  {...describedBy('interpreterLanguage', { hint: true, error: error('interpreterLanguage') })}
                />
              </Field>
            ),
          }}
        />
        <Field id="accessibility" label={t('intake.accessibility')} hint={t('intake.accessibilityHint')} error={error('accessibility')}>
          <textarea id="accessibility" name="accessibility" rows={3} maxLength={500} {...describedBy('accessibility', { hint: true, error: error('accessibility') })}>
            {text('accessibility')}
          </textarea>
        </Field>
        <button type="submit" class="app-button">
          {t('intake.continue')}
        </button>
      </PostForm>
      <p>
        <a href={STEP_PATH.identification}>{t('intake.back')}</a>
      </p>
    </StepShell>
  );
}

/** Every answer, in the person's language (used by the summary and « Mes dossiers »). */
export function answerRows(ctx: ViewContext, identification: Identification, first: FirstAppointment, editable: boolean, hours?: BusinessHours) {
  const { t } = ctx;
  const modify = (path: string, what: string) => (editable ? { href: `${path}?retour=recapitulatif`, label: t('intake.modify'), visuallyHiddenText: what } : undefined);
  const idRow = (key: string, value: string) => ({ key, value, action: modify(STEP_PATH.identification, key) });
  const rdvRow = (key: string, value: string) => ({ key, value, action: modify(STEP_PATH.firstAppointment, key) });
  const languages = [...identification.languages.map((code) => t(`intake.lang.${code}` as MessageKey)), identification.otherLanguages].filter(Boolean).join(', ');
  const identificationRows = [
    idRow(t('intake.location'), t(`intake.location.${identification.location}` as MessageKey)),
    idRow(t('intake.arrivalDate'), calendarDate(identification.arrivalDate, ctx.locale)),
    idRow(t('intake.status'), t(`intake.status.${identification.status}` as MessageKey)),
    idRow(t('intake.fileNumber'), identification.fileNumber || t('intake.notGiven')),
    idRow(t('intake.adults'), String(identification.adults)),
    idRow(t('intake.children'), String(identification.children)),
    idRow(t('intake.languages'), languages),
  ];
  const firstRows = [
    rdvRow(t('intake.mode'), t(`intake.mode.${first.mode}` as MessageKey) + (first.region ? ` — ${first.region}` : '')),
    rdvRow(t('intake.phone'), first.phone || t('intake.notGiven')),
    rdvRow(t('intake.timeZone'), zoneLabel(first.timeZone, ctx.locale)),
    rdvRow(t('intake.days'), first.days.map((d) => t(`intake.day.${d}` as MessageKey)).join(', ')),
    rdvRow(t('intake.periods'), first.periods.map((p) => periodLabel(ctx, p, hours)).join(', ')),
    rdvRow(t('intake.interpreter'), first.interpreter ? `${t('intake.yes')} — ${first.interpreterLanguage}` : t('intake.no')),
    rdvRow(t('intake.accessibility'), first.accessibility || t('intake.none')),
  ];
  return { identificationRows, firstRows };
}

/** « Récapituler la demande »: every answer with « Modifier », then « Transmettre la demande ». */
export function SummaryPage({ ctx, identification, first, errors = [], hours }: { ctx: ViewContext; identification: Identification; first: FirstAppointment; errors?: FieldError[]; hours: BusinessHours }) {
  const { t } = ctx;
  const { identificationRows, firstRows } = answerRows(ctx, identification, first, true, hours);
  return (
    <StepShell ctx={ctx} n={3} title={t('intake.summary')} errors={errors}>
      <h2>{t('intake.identification')}</h2>
      <SummaryList rows={identificationRows} />
      <h2>{t('intake.firstAppointment')}</h2>
      <SummaryList rows={firstRows} />
      <p>{t('intake.transmitIntro')}</p>
      <PostForm ctx={ctx} action="/demande/transmettre">
        <button type="submit" class="app-button" id="transmit">
          {t('intake.transmit')}
        </button>
      </PostForm>
    </StepShell>
  );
}

export function ConfirmationPage({ ctx, moment, dueAt }: { ctx: ViewContext; moment: string; dueAt: string }) {
  const { t } = ctx;
  return (
    <div class="app-narrow">
      <h1>{t('intake.confirmation.title')}</h1>
      <Notice kind="success">{t('intake.confirmation.body')}</Notice>
      {ctx.account && <FileReference ctx={ctx} clientId={ctx.account.id} />}
      <p>
        <time dateTime={dueAt}>{t('intake.confirmation.promise', { moment })}</time>
      </p>
      <NoNews ctx={ctx} dueAt={dueAt} />
      <p>
        <a class="app-button" href="/mes-dossiers">
          {t('intake.confirmation.next')}
        </a>
      </p>
    </div>
  );
}

const STATUS_TONE = { transmise: 'info', prise_en_charge: 'warning', suivie: 'success', fermee: 'neutral' } as const;

/**
 * « Mes dossiers »: the request, its file number, status and dates, the promised moment (computed
 * as « Accompagnement Québec »'s next steps compute it, `firstProposalDueAt`; after a cancellation,
 * the new appointment's, `reproposalDueAt`) with whom to call once it has passed, the agent.
 */
export function MyFilesPage({
  ctx,
  requests,
  hasDraft,
  firstProposalDueAt,
  reproposalDueAt,
}: {
  ctx: ViewContext;
  requests: ClientRequestView[];
  hasDraft: boolean;
  firstProposalDueAt?: string;
  /** The client cancelled an appointment: a new one will be proposed by then (gone once proposed). */
  reproposalDueAt?: string;
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('shell.dossiers.title')}</h1>
      {requests.length === 0 &&
        (hasDraft ? (
          <>
            <p>{t('dossiers.draft')}</p>
            <p>
              <a class="app-button" href="/demande">
                {t('dossiers.resume')}
              </a>
            </p>
          </>
        ) : (
          <>
            <p>{t('dossiers.none')}</p>
            <p>
              <a class="app-button" href="/demande">
                {t('dossiers.start')}
              </a>
            </p>
          </>
        ))}
      {requests.map((request) => {
        // The open request waiting for its first appointment: the promise as the next steps compute it.
        const dueAt = request.firstProposedAt || request.closedAt ? undefined : (firstProposalDueAt ?? request.dueAt ?? undefined);
        // The open request whose client cancelled an appointment: the new one's promise, as the cancellation gave it.
        const newDueAt = request.closedAt ? undefined : reproposalDueAt;
        const callBy = dueAt ?? newDueAt;
        return (
          <section key={request.id} aria-labelledby={`request-${request.id}`}>
            <h2 id={`request-${request.id}`}>{t('dossiers.request')}</h2>
            <SummaryList
              rows={[
                ctx.account && { key: t('file.number'), value: fileNumber(ctx.account.id) },
                { key: t('dossiers.status'), value: <StatusTag tone={STATUS_TONE[request.status]}>{t(`dossiers.status.${request.status}` as MessageKey)}</StatusTag> },
                { key: t('dossiers.submittedAt'), value: formatLongDate(request.submittedAt, ctx.locale) },
                dueAt && { key: t('dossiers.dueAt'), value: <PromisedMoment ctx={ctx} dueAt={dueAt} /> },
                request.takenAt && { key: t('dossiers.takenAt'), value: formatLongDate(request.takenAt, ctx.locale) },
                request.firstProposedAt && { key: t('dossiers.firstProposedAt'), value: formatLongDate(request.firstProposedAt, ctx.locale) },
                request.closedAt && { key: t('dossiers.closedAt'), value: formatLongDate(request.closedAt, ctx.locale) },
                newDueAt && { key: t('dossiers.reproposalDueAt'), value: <PromisedMoment ctx={ctx} dueAt={newDueAt} /> },
                request.agentName && { key: t('dossiers.agent'), value: request.agentName },
              ]}
            />
            {callBy && <NoNews ctx={ctx} dueAt={callBy} />}
          </section>
        );
      })}
      {/* The referrals module serves « Mes orientations » (it imports requests, so the path is written out, as the menu does). */}
      <section aria-labelledby="my-referrals">
        <h2 id="my-referrals">{t('referrals.nav.client')}</h2>
        <p>{t('referrals.dossiers.intro')}</p>
        <p>
          <a href="/mes-orientations">{t('referrals.dossiers.link')}</a>
        </p>
      </section>
    </>
  );
}
