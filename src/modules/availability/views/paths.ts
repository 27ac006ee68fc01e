/** « Mes disponibilités »: the agent's own page. */
export const OWN_AVAILABILITY_PATH = '/espace/disponibilites';

/** The manager's path to an agent's availability (linked from the agent's caseload page). */
export const agentAvailabilityPath = (agentId: number) => `/gestion/personnel/${agentId}/disponibilites`;

/** The manager's page, under « Données de référence », where clients' choice of their new moment is turned on per team. */
export const MOMENT_CHOICE_SETTINGS_PATH = '/gestion/reference/choix-du-moment';
