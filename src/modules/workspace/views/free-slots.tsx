import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import { SummaryList } from '../../../ui/components/summary-list/summary-list';
import { formatDateTime } from '../../../ui/format/datetime';
import type { MessageKey } from '../../../platform/i18n/catalog';
import type { ViewContext } from '../../../ui/view-context';
import type { ClientNeeds, FreeSlot } from '../../appointments/appointment-slots.service';

/** One free slot as a link that fills the form's date and time (a link: no JS, one keystroke). */
function SlotLink({ ctx, slot, href, isChosen }: { ctx: ViewContext; slot: FreeSlot; href: string; isChosen: boolean }) {
  const { t } = ctx;
  return (
    <li class="app-free-slots__item">
      <a href={href} class="app-free-slots__link" aria-current={isChosen ? 'true' : undefined}>
        {formatDateTime(slot.startsAt, ctx.locale)}
      </a>
      {slot.isInClientAvailability && (
        <>
          {' '}
          <StatusTag tone="success">{t('workspace.slots.inAvailability')}</StatusTag>
        </>
      )}
      {isChosen && (
        <>
          {' '}
          <StatusTag tone="info">{t('workspace.slots.chosen')}</StatusTag>
        </>
      )}
    </li>
  );
}

export interface SlotListProps {
  slots: readonly FreeSlot[];
  /** The address that fills the form with that slot. */
  hrefOf: (slot: FreeSlot) => string;
  chosen?: { date: string; time: string };
}

/** The list of slots, the form's chosen one marked. */
export function SlotList({ ctx, slots, hrefOf, chosen }: SlotListProps & { ctx: ViewContext }) {
  return (
    <ul class="app-free-slots">
      {slots.map((slot) => (
        <SlotLink key={slot.startsAt} ctx={ctx} slot={slot} href={hrefOf(slot)} isChosen={chosen?.date === slot.date && chosen?.time === slot.time} />
      ))}
    </ul>
  );
}

/**
 * What the client said about when and how to meet: days, periods, the last « Vos disponibilités »,
 * languages, interpreter, accessibility. What they typed keeps its lines, in its own words
 * (`.app-preserve-lines`, as the re-proposal notice shows it).
 */
export function ClientNeedsSummary({ ctx, needs }: { ctx: ViewContext; needs: ClientNeeds }) {
  const { t } = ctx;
  const notGiven = t('workspace.needs.notGiven');
  const list = (values: string[], prefix: string) => values.map((v) => t(`${prefix}${v}` as MessageKey)).join(', ') || notGiven;
  const own = (words: string) => <span class="app-preserve-lines">{words}</span>;
  const listed = needs.languages.map((code) => t(`intake.lang.${code}` as MessageKey)).join(', ');
  const languages = listed || needs.otherLanguages ? [listed, needs.otherLanguages && own(needs.otherLanguages)].filter(Boolean).flatMap((part, i) => (i > 0 ? [', ', part] : [part])) : notGiven;
  return (
    <section aria-labelledby="client-needs-title" class="app-client-needs">
      <h2 id="client-needs-title">{t('workspace.needs.title')}</h2>
      <SummaryList
        rows={[
          { key: t('intake.days'), value: list(needs.days, 'intake.day.') },
          { key: t('intake.periods'), value: list(needs.periods, 'intake.period.') },
          needs.cancellationAvailability !== null && { key: t('workspace.needs.cancellation'), value: own(needs.cancellationAvailability) },
          { key: t('intake.languages'), value: languages },
          { key: t('workspace.needs.interpreter'), value: needs.interpreter ? [`${t('intake.yes')} — `, own(needs.interpreterLanguage)] : t('intake.no') },
          { key: t('workspace.needs.accessibility'), value: needs.accessibility ? own(needs.accessibility) : t('intake.none') },
        ]}
      />
    </section>
  );
}
