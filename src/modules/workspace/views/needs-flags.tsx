import { StatusTag } from '../../../ui/components/status-tag/status-tag';
import type { ViewContext } from '../../../ui/view-context';
import type { ClientNeeds } from '../client-needs';

/** Whether the client asked for an interpreter or wrote about accessibility. */
export const hasNeeds = (needs: ClientNeeds | undefined): boolean => needs !== undefined && (needs.interpreter !== null || needs.accessibility !== null);

/**
 * What the client asked for, as tags: « Interprète : wolof », « Accessibilité » and their own words.
 * Only what they asked for; nothing (null) when they asked for neither.
 */
export function NeedsFlags({ ctx, needs }: { ctx: ViewContext; needs: ClientNeeds | undefined }) {
  const { t } = ctx;
  if (!needs || !hasNeeds(needs)) return null;
  return (
    <>
      {needs.interpreter !== null && <StatusTag tone="warning">{needs.interpreter ? t('workspace.clients.interpreterIn', { language: needs.interpreter }) : t('workspace.clients.interpreter')}</StatusTag>}
      {needs.interpreter !== null && needs.accessibility && ' '}
      {needs.accessibility && <StatusTag tone="info">{t('workspace.clients.accessibility')}</StatusTag>}
      {needs.accessibility && <p class="app-table__detail app-preserve-lines">{needs.accessibility}</p>}
    </>
  );
}

/** « Parle : français, wolof » under a name or a language, when the request said. */
export function SpokenLanguages({ ctx, needs }: { ctx: ViewContext; needs: ClientNeeds | undefined }) {
  if (!needs || needs.languages.length === 0) return null;
  return <p class="app-table__detail">{ctx.t('workspace.clients.speaks', { languages: needs.languages.join(', ') })}</p>;
}
