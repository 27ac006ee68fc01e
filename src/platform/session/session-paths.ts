/** The timeout warning's calls (src/modules/accounts/session.routes.ts): the session hook must know the first. */
export const SESSION_STATE_PATH = '/session/etat';
export const SESSION_EXTEND_PATH = '/session/prolonger';
