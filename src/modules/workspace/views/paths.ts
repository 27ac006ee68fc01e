/** The agents' workspace URLs, in one place for routes, views and tests. */
export const QUEUE_PATH = '/espace';
export const CLIENTS_PATH = '/espace/clients';
export const clientPath = (clientId: number) => `${CLIENTS_PATH}/${clientId}`;
export const proposePath = (clientId: number) => `${clientPath(clientId)}/rendez-vous/nouveau`;
export const messageFormPath = (clientId: number) => `${clientPath(clientId)}/messages/nouveau`;
/** A conversation of the client's message centre, from any of its messages. */
export const conversationPath = (clientId: number, messageId: number) => `${clientPath(clientId)}/messages/${messageId}`;
export const staffAppointmentPath = (appointmentId: number) => `/espace/rendez-vous/${appointmentId}`;
/** A client's referrals to partner organizations (served by the referrals module, which imports workspace). */
export const clientReferralsPath = (clientId: number) => `${clientPath(clientId)}/orientations`;
/** « Orienter vers un organisme », from the file or from one plan action. */
export const newReferralPath = (clientId: number, actionId?: number) => `${clientReferralsPath(clientId)}/nouvelle${actionId ? `?action=${actionId}` : ''}`;
/** The client's action plan (served by the plans module, which imports workspace): where « publier le plan » is done. */
export const clientPlanPath = (clientId: number) => `${clientPath(clientId)}/plan`;

/** « Mes clients »'s sort columns as the URL names them (`?tri=rendez-vous&ordre=desc`). */
export const CLIENT_SORT_SLUGS = { name: 'nom', next: 'rendez-vous', contact: 'contact', plan: 'plan' } as const;
/** « Ma file de travail »'s kinds as the URL names them (`?type=resultat`). */
export const QUEUE_KIND_SLUGS = { request: 'demande', reproposal: 'annulation', outcome: 'resultat', plan: 'plan', reply: 'reponse', sourced: 'autre' } as const;

/** « Mes clients » with a search, a sort and a page; defaults are left out, so the plain URL is the default view. */
export function clientsHref(view: { search?: string; sort: keyof typeof CLIENT_SORT_SLUGS; descending: boolean; page?: number }): string {
  const query = new URLSearchParams();
  if (view.search) query.set('q', view.search);
  if (view.sort !== 'name') query.set('tri', CLIENT_SORT_SLUGS[view.sort]);
  if (view.descending) query.set('ordre', 'desc');
  if (view.page && view.page > 1) query.set('page', String(view.page));
  const text = query.toString();
  return text ? `${CLIENTS_PATH}?${text}` : CLIENTS_PATH;
}

/** « Ma file de travail » filtered; defaults (« Mon équipe », every kind, not only overdue) are left out. */
export function queueHref(view: { kind?: keyof typeof QUEUE_KIND_SLUGS; scope: 'mine' | 'team'; overdueOnly: boolean }): string {
  const query = new URLSearchParams();
  if (view.kind) query.set('type', QUEUE_KIND_SLUGS[view.kind]);
  if (view.scope === 'mine') query.set('vue', 'mes-dossiers');
  if (view.overdueOnly) query.set('retard', '1');
  const text = query.toString();
  return text ? `${QUEUE_PATH}?${text}` : QUEUE_PATH;
}
