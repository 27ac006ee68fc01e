import type { Account } from '../../db/database';
import type { ClientScope } from '../../db/scope';

/**
 * The person acting, as every service sees them: a client, an agent (AAI) or a manager, by id.
 * Services decide what the actor may reach from this alone (one policy per module), never from
 * HTTP. `ip` travels with it only so that audit lines can say where a change came from.
 */
export type Actor = { role: 'client'; id: number; ip?: string | null } | { role: 'agent'; id: number; ip?: string | null } | { role: 'manager'; id: number; ip?: string | null };

/** The actor for a signed-in account (the `admin` role is the manager). */
export function actorOf(account: Pick<Account, 'id' | 'role'>, ip?: string | null): Actor {
  const role = account.role === 'admin' ? 'manager' : account.role;
  return { role, id: account.id, ip: ip ?? null };
}

// Which clients' rows a query may reach: defined beside the query condition it feeds (src/db/scope.ts).
export type { ClientScope };

/** The default scope of an actor over client data (modules may narrow it further). */
export function clientScopeOf(actor: Actor): ClientScope {
  switch (actor.role) {
    case 'client':
      return { kind: 'own', clientId: actor.id };
    case 'agent':
      return { kind: 'caseload', agentId: actor.id };
    case 'manager':
      return { kind: 'any' };
  }
}

/** The client whose rows a request is about: a client is always their own; staff name one. */
export function subjectClientId(actor: Actor, clientId?: number): number | undefined {
  return actor.role === 'client' ? actor.id : clientId;
}
