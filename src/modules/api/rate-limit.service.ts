import type { Db } from '../../db/types';
import type { Clock } from '../../platform/clock';
import { deleteCountersBefore, hitCounter, readCounter } from './rate-limit.repository';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** How often a process clears counters older than a day. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * A store for @fastify/rate-limit that keeps the counters in the database (`rate_limit_counters`),
 * so that every instance behind a proxy counts against the same limit: with the plugin's own
 * memory store, N instances let a token make N times its allowance. Fixed windows (the window of
 * a hit is `floor(now / timeWindow)`); a route with its own limit counts in buckets of its own.
 * When the database is away the store's error is the request's, which then answers 503.
 */
export function databaseRateLimitStore(db: Db, clock: Clock) {
  let lastSweep = 0;
  return class DatabaseRateLimitStore {
    readonly #prefix: string;
    /** The plugin passes its options, with `routeInfo` (the route) for a route that has a limit of its own. */
    constructor(options?: object) {
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } } | undefined)?.routeInfo;
      this.#prefix = route?.url ? `${[route.method].flat().join(',')} ${route.url}|` : '';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = clock().getTime();
      const windowStart = Math.floor(now / timeWindow) * timeWindow;
      hitCounter(db, this.#prefix + key, windowStart).then((current) => callback(null, { current, ttl: windowStart + timeWindow - now }), callback);
      if (now - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = now;
        deleteCountersBefore(db, now - 24 * 3600_000).catch(() => {
          lastSweep = 0; // the next hit tries again
        });
      }
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      const now = clock().getTime();
      const windowStart = Math.floor(now / timeWindow) * timeWindow;
      readCounter(db, this.#prefix + key, windowStart).then((current) => callback(null, { current, ttl: current ? windowStart + timeWindow - now : 0 }), callback);
    }

    child(routeOptions: object): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions);
    }
  };
}
