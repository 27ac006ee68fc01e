import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * Process-wide metrics, shared by every app instance of the process: those counted from code that
 * has no handle on the app (a service), and the runtime's own (memory, event loop, GC).
 * Per-app metrics (requests, outbox) live in the registry of each app (see ops/app-metrics.ts).
 */
export const processRegistry = new Registry();

const failedSignIns = new Counter({
  name: 'aq_sign_in_failures_total',
  help: 'Sign-in attempts refused for a wrong e-mail or password (throttled attempts not included).',
  registers: [processRegistry],
});

let defaultsCollected = false;

/** Adds the runtime's metrics once per process (calling it twice would register them twice). */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: processRegistry, prefix: 'aq_' });
}

/**
 * Counts one failed sign-in. For the accounts module to call where it records
 * `auth.sign_in_failed`: a service may call it (no HTTP involved), and it cannot fail.
 */
export function countFailedSignIn(): void {
  failedSignIns.inc();
}
