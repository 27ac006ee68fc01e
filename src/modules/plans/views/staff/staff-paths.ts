import type { Crumb } from '../../../../ui/components/breadcrumb';
import type { ViewContext } from '../../../../ui/view-context';

/** The client's file (the lead's page): every plan and notes page leads back to it. */
export const filePath = (clientId: number) => `/espace/clients/${clientId}`;
export const planPath = (clientId: number) => `${filePath(clientId)}/plan`;
export const newActionPath = (clientId: number) => `${planPath(clientId)}/actions/nouvelle`;
export const actionPath = (clientId: number, actionId: number) => `${planPath(clientId)}/actions/${actionId}`;
export const notesPath = (clientId: number) => `${filePath(clientId)}/notes`;
export const newNotePath = (clientId: number, actionId?: number) => `${notesPath(clientId)}/nouvelle${actionId ? `?action=${actionId}` : ''}`;
export const editNotePath = (clientId: number, noteId: number) => `${notesPath(clientId)}/${noteId}/modifier`;

/** « <client> > Plan d'action individualisé > … »: the file first, then the plan, then the page. */
export function planCrumbs(ctx: ViewContext, client: { id: number; display_name: string }, ...rest: Crumb[]): Crumb[] {
  return [{ label: client.display_name, href: filePath(client.id) }, { label: ctx.t('planStaff.plan.title'), href: planPath(client.id) }, ...rest];
}

/** « <client> > Notes du dossier > … ». */
export function notesCrumbs(ctx: ViewContext, client: { id: number; display_name: string }, ...rest: Crumb[]): Crumb[] {
  return [{ label: client.display_name, href: filePath(client.id) }, { label: ctx.t('planStaff.notes.title'), href: notesPath(client.id) }, ...rest];
}
