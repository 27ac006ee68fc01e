import { PhoneLink } from '../../../ui/components/phone-link/phone-link';
import { fill } from '../../../ui/fill';
import { DEFAULT_SITE, openingHours } from '../../../ui/site';
import type { ViewContext } from '../../../ui/view-context';
import { promisedMoment } from '../request-draft.service';

/** « Si vous n'avez pas de nouvelles d'ici le …, appelez le … »: whom to call once a promised moment has passed. */
export function NoNews({ ctx, dueAt }: { ctx: ViewContext; dueAt: string }) {
  const { contact } = ctx.site ?? DEFAULT_SITE;
  return (
    <p class="app-no-news">
      {fill(ctx.t('intake.noNews'), {
        moment: <time dateTime={dueAt}>{promisedMoment(dueAt, ctx.locale)}</time>,
        phone: <PhoneLink ctx={ctx} phone={contact.phone} />,
        tollFree: <PhoneLink ctx={ctx} phone={contact.phoneTollFree} />,
        hours: openingHours(contact.hours, ctx.locale),
      })}
    </p>
  );
}
