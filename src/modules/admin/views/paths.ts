/** The manager's URLs, in one place for routes, views and tests. */
export const ADMIN_PATH = '/gestion';
export const STAFF_PATH = '/gestion/personnel';
export const NEW_STAFF_PATH = '/gestion/personnel/nouveau';
export const staffMemberPath = (id: number) => `/gestion/personnel/${id}`;
export const INVITATION_PATH = '/invitation';
export const ASSIGN_PATH = '/gestion/assignations';
export const REASSIGN_POST_PATH = '/gestion/assignations/reassigner';
/** The second post of « Réassigner »: what the preview showed, confirmed. */
export const REASSIGN_CONFIRM_PATH = '/gestion/assignations/reassigner/confirmer';
export const agentCaseloadPath = (agentId: number) => `${ASSIGN_PATH}/agents/${agentId}`;
export const assignRequestPath = (requestId: number) => `/gestion/demandes/${requestId}/assigner`;
export const requestTeamPath = (requestId: number) => `/gestion/demandes/${requestId}/equipe`;
export const REFERENCE_PATH = '/gestion/reference';
export const NEW_REASON_PATH = '/gestion/reference/raisons/nouvelle';
export const reasonPath = (code: string) => `/gestion/reference/raisons/${encodeURIComponent(code)}`;
export const NEW_ACTION_PATH = '/gestion/reference/catalogue/nouvelle';
export const catalogueEntryPath = (id: number) => `/gestion/reference/catalogue/${id}`;
export const NEW_CLOSURE_PATH = '/gestion/reference/fermetures/nouveau';
export const closureDayPath = (date: string) => `/gestion/reference/fermetures/${date}`;
export const NEW_TEAM_PATH = '/gestion/reference/equipes/nouvelle';
export const teamPath = (code: string) => `/gestion/reference/equipes/${encodeURIComponent(code)}`;
export const AUDIT_PATH = '/gestion/journal';
