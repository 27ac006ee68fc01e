import type { Crumb } from '../../../../ui/components/breadcrumb';
import type { ViewContext } from '../../../../ui/view-context';
import { CLIENTS_PATH, clientPath } from '../../../workspace/views/paths';

/** The client's file (the workspace's page): every plan and notes page leads back to it. */
export const filePath = clientPath;
export const planPath = (clientId: number) => `${filePath(clientId)}/plan`;
export const newActionPath = (clientId: number) => `${planPath(clientId)}/actions/nouvelle`;
export const catalogueActionsPath = (clientId: number) => `${planPath(clientId)}/actions/catalogue`;
export const actionPath = (clientId: number, actionId: number) => `${planPath(clientId)}/actions/${actionId}`;
export const notesPath = (clientId: number) => `${filePath(clientId)}/notes`;
export const newNotePath = (clientId: number, actionId?: number) => `${notesPath(clientId)}/nouvelle${actionId ? `?action=${actionId}` : ''}`;
export const editNotePath = (clientId: number, noteId: number) => `${notesPath(clientId)}/${noteId}/modifier`;

type Client = { id: number; display_name: string };

/** « Mes clients > <client> », as the workspace's pages begin. */
export function fileCrumbs(ctx: ViewContext, client: Client): Crumb[] {
  return [
    { label: ctx.t('workspace.clients.title'), href: CLIENTS_PATH },
    { label: client.display_name, href: filePath(client.id) },
  ];
}

/** « Mes clients > <client> > Plan d'action individualisé > … ». */
export function planCrumbs(ctx: ViewContext, client: Client, ...rest: Crumb[]): Crumb[] {
  return [...fileCrumbs(ctx, client), { label: ctx.t('planStaff.plan.title'), href: planPath(client.id) }, ...rest];
}

/** « Mes clients > <client> > Notes du dossier > … ». */
export function notesCrumbs(ctx: ViewContext, client: Client, ...rest: Crumb[]): Crumb[] {
  return [...fileCrumbs(ctx, client), { label: ctx.t('planStaff.notes.title'), href: notesPath(client.id) }, ...rest];
}
