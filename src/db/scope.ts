import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * Which clients' rows a query may reach: a client their own, an agent the clients assigned to
 * them (accounts.agent_id: work follows the client when a manager reassigns), a manager all.
 * Repositories take a scope, never a role, so one query serves every kind of person.
 */
export type ClientScope = { kind: 'own'; clientId: number } | { kind: 'caseload'; agentId: number } | { kind: 'any' };

/**
 * The WHERE condition that keeps a query inside a client scope, on the column holding the
 * client's id (e.g. `appointments.client_id`). An agent's caseload is read from accounts.agent_id
 * at query time, so a reassignment moves every row with the client at once.
 */
export function clientInScope(column: string, scope: ClientScope): Expression<SqlBool> {
  const ref = sql.ref(column);
  switch (scope.kind) {
    case 'own':
      return sql<SqlBool>`${ref} = ${scope.clientId}`;
    case 'caseload':
      return sql<SqlBool>`${ref} in (select caseload.id from accounts as caseload where caseload.agent_id = ${scope.agentId})`;
    case 'any':
      return sql<SqlBool>`1 = 1`;
  }
}

/**
 * The same scope on the accounts table itself (the clients' own rows): a caseload is then a plain
 * `agent_id = ?`, which lets an index on (agent_id, display_name) serve « Mes clients » in order.
 */
export function accountInScope(scope: ClientScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'own':
      return sql<SqlBool>`accounts.id = ${scope.clientId}`;
    case 'caseload':
      return sql<SqlBool>`accounts.agent_id = ${scope.agentId}`;
    case 'any':
      return sql<SqlBool>`1 = 1`;
  }
}
