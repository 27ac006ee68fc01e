import type { AgendaView } from '../agenda.service';

/** The agenda's URLs, in one place for routes, views and tests. */
export const AGENDA_PATH = '/espace/agenda';
/** « Mon agenda » (no id), or a manager's view of one agent's. */
export const agendaPathOf = (agentId?: number) => (agentId === undefined ? AGENDA_PATH : `${AGENDA_PATH}/${agentId}`);
export const agendaUrl = (base: string, view: AgendaView, date?: string) => `${base}?vue=${view}${date ? `&date=${date}` : ''}`;
export const FEED_SUBSCRIBE_PATH = `${AGENDA_PATH}/abonnement`;
export const feedRevokePath = (base: string) => `${base}/abonnement/revoquer`;
