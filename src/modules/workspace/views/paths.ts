/** The agents' workspace URLs, in one place for routes, views and tests. */
export const QUEUE_PATH = '/espace';
export const CLIENTS_PATH = '/espace/clients';
export const clientPath = (clientId: number) => `${CLIENTS_PATH}/${clientId}`;
export const proposePath = (clientId: number) => `${clientPath(clientId)}/rendez-vous/nouveau`;
export const messageFormPath = (clientId: number) => `${clientPath(clientId)}/messages/nouveau`;
/** A conversation of the client's message centre, from any of its messages. */
export const conversationPath = (clientId: number, messageId: number) => `${clientPath(clientId)}/messages/${messageId}`;
export const staffAppointmentPath = (appointmentId: number) => `/espace/rendez-vous/${appointmentId}`;
