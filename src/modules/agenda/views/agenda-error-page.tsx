import { Notice } from '../../../ui/components/notice/notice';
import type { ViewContext } from '../../../ui/view-context';

/** A malformed `?vue=…&date=…`: what is wrong, and the way back to this week. */
export function AgendaErrorPage({ ctx, message, back }: { ctx: ViewContext; message: string; back: string }) {
  return (
    <>
      <h1>{ctx.t('agenda.error.title')}</h1>
      <Notice kind="warning" isUrgent>
        {message}
      </Notice>
      <p>
        <a href={back}>{ctx.t('agenda.error.back')}</a>
      </p>
    </>
  );
}
