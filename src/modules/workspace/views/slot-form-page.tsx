import { Breadcrumb } from '../../../ui/components/breadcrumb';
import { describedBy, ErrorSummary, errorFor, Field, type FieldError, PostForm } from '../../../ui/components/form';
import { Notice } from '../../../ui/components/notice/notice';
import { formatZoneName } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { ClientIdentity } from '../../accounts/directory.service';
import type { OpenReproposal } from '../../appointments/appointment.service';
import type { ClientNeeds, FreeSlot } from '../../appointments/appointment-slots.service';
import { ClientNeedsSummary, SlotList } from './free-slots';
import { CLIENTS_PATH, clientPath } from './paths';
import { ReproposalNotice } from './reproposal-notice';

export const DURATIONS = [30, 45, 60, 90, 120] as const;
const KINDS = ['evaluation', 'suivi'] as const;
const MODES = ['telephone', 'visioconference', 'en_personne'] as const;

export interface SlotFormValues {
  kind: string;
  date: string;
  time: string;
  duration: string;
  mode: string;
  phoneNumber: string;
  videoLink: string;
  address: string;
  note: string;
  version?: string;
}

export interface SlotFormPageProps {
  client: ClientIdentity;
  action: string;
  /** « Proposer un rendez-vous » or « Modifier »: the change asks why and carries the version seen. */
  isChange: boolean;
  values: SlotFormValues;
  errors?: FieldError[];
  warning?: string;
  hours: { start: number; end: number };
  /** The client cancelled and waits for this proposal: when it is due and their availability. */
  reproposal?: OpenReproposal;
  /** A date in the future for the hint (the first free day). */
  exampleDate: string;
  /** What the client said about when and how to meet. */
  needs?: ClientNeeds;
  /** The next free slots (the client's availability first), each a link that fills the form. */
  offer?: { slots: readonly FreeSlot[]; hrefOf: (slot: FreeSlot) => string; durationMinutes: number; searchAction: string; businessDays: number };
  /** A refused moment: the free slots nearest to it. */
  nearest?: readonly FreeSlot[];
}

/** « Moments libres »: a GET form for the duration, then the slots as links. */
function FreeSlotsSection({ ctx, offer, chosen }: { ctx: ViewContext; offer: NonNullable<SlotFormPageProps['offer']>; chosen: { date: string; time: string } }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="free-slots-title" class="app-free-slots-section">
      <h2 id="free-slots-title">{t('workspace.slots.title')}</h2>
      <p>{t('workspace.slots.intro', { minutes: offer.durationMinutes })}</p>
      <form method="get" action={offer.searchAction} class="app-form app-free-slots__duration">
        <label for="slot-duration">{t('workspace.slots.duration')}</label>{' '}
        <select id="slot-duration" name="duree">
          {DURATIONS.map((minutes) => (
            <option key={minutes} value={String(minutes)} selected={offer.durationMinutes === minutes}>
              {t('workspace.propose.minutes', { minutes })}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="app-button app-button--secondary">
          {t('workspace.slots.show')}
        </button>
      </form>
      {offer.slots.length > 0 ? <SlotList ctx={ctx} slots={offer.slots} hrefOf={offer.hrefOf} chosen={chosen} /> : <p>{t('workspace.slots.none', { days: offer.businessDays })}</p>}
    </section>
  );
}

/** « Proposer un rendez-vous » (and « Modifier »): Type, Date, Heure, Durée, Mode and what the mode needs. */
export function SlotFormPage({ ctx, client, action, isChange, values, errors = [], warning, hours, reproposal, exampleDate, needs, offer, nearest }: SlotFormPageProps & { ctx: ViewContext }) {
  const { t } = ctx;
  const title = t(isChange ? 'workspace.modify.title' : 'workspace.propose.title');
  const error = (field: string) => errorFor(errors, field);
  const text = (id: keyof SlotFormValues, label: string, hint: string, type: 'text' | 'date' | 'time' | 'tel' | 'url' = 'text', maxLength = 300) => (
    <Field id={id} label={label} hint={hint} error={error(id)}>
      <input type={type as 'text'} id={id} name={id} value={values[id] ?? ''} {...(type === 'date' || type === 'time' ? {} : { maxLength })} {...describedBy(id, { hint: true, error: error(id) })} />
    </Field>
  );
  return (
    <div class="app-narrow">
      <Breadcrumb ctx={ctx} items={[{ label: t('workspace.clients.title'), href: CLIENTS_PATH }, { label: client.display_name, href: clientPath(client.id) }, { label: title }]} />
      <h1>{title}</h1>
      <p>{t('workspace.propose.for', { name: client.display_name })}</p>
      {reproposal && <ReproposalNotice ctx={ctx} reproposal={reproposal} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      {warning && (
        <Notice kind="warning" isUrgent>
          {warning}
        </Notice>
      )}
      {nearest && nearest.length > 0 && offer && (
        <section aria-labelledby="nearest-title" class="app-free-slots-nearest">
          <h2 id="nearest-title">{t('workspace.slots.nearest')}</h2>
          <SlotList ctx={ctx} slots={nearest} hrefOf={offer.hrefOf} />
        </section>
      )}
      {client.time_zone !== 'America/Toronto' && <Notice>{t('workspace.propose.clientZone', { zone: formatZoneName(client.time_zone, ctx.locale) })}</Notice>}
      {needs && <ClientNeedsSummary ctx={ctx} needs={needs} />}
      {offer && <FreeSlotsSection ctx={ctx} offer={offer} chosen={{ date: values.date, time: values.time }} />}
      <PostForm ctx={ctx} action={action} class="app-form">
        {values.version && <input type="hidden" name="version" value={values.version} />}
        <fieldset class={`app-fieldset${error('kind') ? ' app-field--error' : ''}`} id="kind" {...describedBy('kind', { error: error('kind') })}>
          <legend>{t('workspace.propose.kind')}</legend>
          {error('kind') && (
            <p class="app-field__error" id="kind-error">
              {error('kind')}
            </p>
          )}
          {KINDS.map((kind) => (
            <label key={kind} class="app-radio">
              <input type="radio" name="kind" value={kind} checked={values.kind === kind} /> {t(`appointments.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        {/* Real date and time inputs (a picker on a phone); the hint still says the format for browsers that show a text field. */}
        {text('date', t('workspace.propose.date'), t('workspace.propose.dateHint', { example: exampleDate }), 'date')}
        {text('time', t('workspace.propose.time'), t('workspace.propose.timeHint', { start: hours.start, end: hours.end }), 'time')}
        <Field id="duration" label={t('workspace.propose.duration')} error={error('duration')}>
          <select id="duration" name="duration" {...describedBy('duration', { error: error('duration') })}>
            {DURATIONS.map((minutes) => (
              <option key={minutes} value={String(minutes)} selected={values.duration === String(minutes)}>
                {t('workspace.propose.minutes', { minutes })}
              </option>
            ))}
          </select>
        </Field>
        <fieldset class={`app-fieldset${error('mode') ? ' app-field--error' : ''}`} id="mode" {...describedBy('mode', { error: error('mode') })}>
          <legend>{t('workspace.propose.mode')}</legend>
          {error('mode') && (
            <p class="app-field__error" id="mode-error">
              {error('mode')}
            </p>
          )}
          {MODES.map((mode) => (
            <label key={mode} class="app-radio">
              <input type="radio" name="mode" value={mode} checked={values.mode === mode} /> {t(`appointments.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        {text('phoneNumber', t('workspace.propose.phone'), t('workspace.propose.phoneHint'), 'tel', 50)}
        {text('videoLink', t('workspace.propose.link'), t('workspace.propose.linkHint'), 'url', 300)}
        {text('address', t('workspace.propose.address'), t('workspace.propose.addressHint'), 'text', 300)}
        {isChange && text('note', t('workspace.propose.note'), t('workspace.propose.noteHint'), 'text', 500)}
        <div class="app-button-group">
          <button type="submit" class="app-button">
            {t(isChange ? 'workspace.modify.submit' : 'workspace.propose.submit')}
          </button>
          <a href={clientPath(client.id)}>{t('workspace.appointment.back')}</a>
        </div>
      </PostForm>
    </div>
  );
}
