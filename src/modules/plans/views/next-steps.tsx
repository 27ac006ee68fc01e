import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../platform/i18n/catalog';
import { SummaryList } from '../../../ui/components/summary-list/summary-list';
import { formatLongDate } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';
import type { NextSteps } from '../next-steps.service';
import { appointmentSummaryRows } from '../../appointments/views/appointment-parts';
import { ProposalPromise } from '../../appointments/views/proposal-promise';
import { pluralForm } from '../../../platform/i18n/plural';

/** A translated sentence with one `{link}` in it, the link written out in the sentence. */
function withLink(text: string, link: ComponentChildren): ComponentChildren {
  const [before, after = ''] = text.split('{link}');
  return (
    <>
      {before}
      {link}
      {after}
    </>
  );
}

/** « Prochaines étapes » on the client's « Accompagnement Québec » page: always shown, whatever the plan's state. */
export function NextStepsPanel({ ctx, next }: { ctx: ViewContext; next: NextSteps }) {
  const { t, locale } = ctx;
  const appointment = next.nextAppointment;
  const unread = ctx.unreadCount;
  const messagesKey: MessageKey = unread === 0 ? 'plan.next.messages.none' : `plan.next.messages.${pluralForm(locale, unread)}`;
  const nothing = !next.firstProposalDueAt && !next.reproposalDueAt && !appointment;
  return (
    <section class="app-card app-next" aria-labelledby="next-steps-heading">
      <h2 id="next-steps-heading" class="app-card__title">
        {t('plan.next.heading')}
      </h2>
      {next.firstProposalDueAt && <ProposalPromise ctx={ctx} kind="first" dueAt={next.firstProposalDueAt} />}
      {next.reproposalDueAt && <ProposalPromise ctx={ctx} kind="new" dueAt={next.reproposalDueAt} />}
      {nothing && <p class="app-next__none">{t('plan.next.none')}</p>}
      {appointment && (
        <div class="app-next__appointment">
          <h3 class="app-next__subtitle">{t('plan.next.appointment')}</h3>
          <SummaryList rows={appointmentSummaryRows(ctx, appointment)} />
          <p>
            <a href={`/rendez-vous/${appointment.id}`}>
              {t('plan.next.appointmentLink')}
              <span class="app-visually-hidden"> {t('plan.next.appointmentLinkHidden', { date: formatLongDate(appointment.starts_at, locale) })}</span>
            </a>
          </p>
        </div>
      )}
      <p class="app-next__messages">{withLink(t(messagesKey, { count: unread }), <a href="/messages">{t('messages.title')}</a>)}</p>
    </section>
  );
}
