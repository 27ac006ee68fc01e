import { SummaryListLine } from '../../../ui/components/summary-list/summary-list';
import { fill } from '../../../ui/fill';
import { differsFromQuebec, formatDateTime, formatZoneName, QUEBEC_ZONE } from '../../../ui/format/datetime';
import type { ViewContext } from '../../../ui/view-context';

/**
 * A promised moment in « Mes dossiers »: « mardi 8 décembre 2026 à 16 h 00 (heure du Québec) »,
 * and for a client whose zone shows another clock then, a second line in their time, the zone
 * named in words (« mardi 8 décembre 2026 à 22 h 00 (heure de Paris) »). The service counts in
 * Québec time; the line in their own time spares them the conversion.
 */
export function PromisedMoment({ ctx, dueAt }: { ctx: ViewContext; dueAt: string }) {
  const { t, locale } = ctx;
  const zone = ctx.account?.time_zone || QUEBEC_ZONE;
  const inZone = (at: string) => t('dossiers.zoned', { moment: formatDateTime(dueAt, locale, at), zone: formatZoneName(at, locale) });
  // The <time> holds the moment alone, as the other promises' do; the zone's name follows it.
  const quebec = fill(t('dossiers.zoned'), { moment: <time dateTime={dueAt}>{formatDateTime(dueAt, locale)}</time>, zone: formatZoneName(QUEBEC_ZONE, locale) });
  if (!differsFromQuebec(dueAt, zone)) return <>{quebec}</>;
  return (
    <>
      <SummaryListLine>{quebec}</SummaryListLine>
      <SummaryListLine>{inZone(zone)}</SummaryListLine>
    </>
  );
}
