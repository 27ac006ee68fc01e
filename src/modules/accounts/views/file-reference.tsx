import { fill } from '../../../ui/fill';
import type { ViewContext } from '../../../ui/view-context';
import { fileNumber } from '../directory.service';

/**
 * « Votre numéro de dossier : AQ-000123 », the reference staff look a client up by (the
 * caseload's search reads it), for the client to quote when they call.
 */
export function FileReference({ ctx, clientId }: { ctx: ViewContext; clientId: number }) {
  return <p class="app-file-reference">{fill(ctx.t('file.reference'), { number: <strong>{fileNumber(clientId)}</strong> })}</p>;
}
