import type { ChangeToken } from '../../db/change-token';

/** As many sessions as a busy process sees within a change; the oldest kept is dropped first. */
const MAX_ENTRIES = 10_000;

/**
 * Sessions (with their account and page versions) kept in memory per process, trusted only while
 * the database's change token has not moved (src/db/change-token.ts, ADR 0014). The token is
 * noted before the read: rows read afterwards are at least as new as the token says, so a commit
 * anywhere — a sign-out, a password change, a deactivation in another process — moves it and the
 * next request reads again. Nothing is kept for a token that resolves to no session.
 *
 * Kept values are frozen: they are shared by every request of the session until the next change.
 */
export class KeptSessions<T extends object> {
  readonly #entries = new Map<string, { token: string; value: T }>();
  readonly #changeToken: ChangeToken;
  readonly #max: number;

  constructor(changeToken: ChangeToken, max = MAX_ENTRIES) {
    this.#changeToken = changeToken;
    this.#max = max;
  }

  /** The value kept for `id` if nothing changed since it was read, else `read()`'s (kept in turn). */
  async find(id: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
    const token = await this.#changeToken();
    const entry = this.#entries.get(id);
    if (entry && entry.token === token) return entry.value;
    const value = await read();
    if (!value) {
      this.#entries.delete(id);
      return undefined;
    }
    this.#entries.delete(id);
    if (this.#entries.size >= this.#max) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(id, { token, value: deepFreeze(value) });
    return value;
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object' && !Object.isFrozen(inner)) deepFreeze(inner);
  return Object.freeze(value);
}
