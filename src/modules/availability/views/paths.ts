/** « Mes disponibilités »: the agent's own page. */
export const OWN_AVAILABILITY_PATH = '/espace/disponibilites';

/** The manager's path to an agent's availability (linked from the agent's caseload page). */
export const agentAvailabilityPath = (agentId: number) => `/gestion/personnel/${agentId}/disponibilites`;
