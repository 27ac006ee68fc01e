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
