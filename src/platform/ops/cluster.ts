import cluster, { type Worker } from 'node:cluster';

/**
 * `WORKERS=N`: one primary process that serves nothing itself and N workers that each run the
 * whole service (its own database pool, page cache and outbox worker) on the one port; Node's
 * primary hands each new connection to the next worker in turn. The primary migrates and seeds
 * before forking (see server.ts), restarts a worker that dies, and shuts them all down cleanly.
 */

/** The message a primary sends to ask a worker to close (the worker's close-with-grace runs). */
const SHUTDOWN = 'aq:shutdown';

export interface SupervisorLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SupervisorOptions {
  workers: number;
  log: SupervisorLog;
  /** First restart delay after a crash; doubles at each crash in a row, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A worker that stayed up this long starts its slot's backoff from the base again. */
  stableAfterMs?: number;
  /** How long workers get to close before they are killed. */
  closeTimeoutMs?: number;
}

export interface Supervisor {
  /** Resolves once every worker listens (rejects if one dies before the first does). */
  ready: Promise<void>;
  /** Asks every worker to close, waits for them (killing any still there after the timeout). */
  stop(): Promise<void>;
}

/** Delay before restarting a slot whose worker crashed `crashes` times in a row (1, 2, …). */
export function restartDelay(crashes: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, crashes - 1));
}

/** In the primary: forks the workers and keeps them running until `stop()`. */
export function superviseWorkers(options: SupervisorOptions): Supervisor {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const stableAfter = options.stableAfterMs ?? 60_000;
  const closeTimeout = options.closeTimeoutMs ?? 12_000;
  const { log } = options;
  const slots = Array.from({ length: options.workers }, () => ({ crashes: 0, timer: undefined as NodeJS.Timeout | undefined }));
  const live = new Set<Worker>();
  let stopping = false;
  let listened = 0;
  let markReady: () => void = () => {};
  let failStart: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failStart = reject;
  });
  ready.catch(() => {}); // a caller that never awaits it must not crash the primary

  function fork(slot: number): void {
    const worker = cluster.fork({ AQ_WORKER_SLOT: String(slot) });
    const startedAt = Date.now();
    let listening = false;
    live.add(worker);
    worker.once('listening', () => {
      listening = true;
      listened += 1;
      if (listened === options.workers) markReady();
    });
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      if (!listening && listened === 0) {
        // The service never came up (a port in use, a database that refuses us): restarting
        // would only repeat it. Stop, so that the start fails loudly, as a bad config does.
        log.error({ pid: worker.process.pid, code, signal }, 'a worker died before the service started: stopping');
        failStart(new Error(`worker ${worker.process.pid} exited (${signal ?? code}) before listening`));
        return;
      }
      const state = slots[slot];
      state.crashes = Date.now() - startedAt >= stableAfter ? 1 : state.crashes + 1;
      const delay = restartDelay(state.crashes, base, max);
      log.warn({ pid: worker.process.pid, code, signal, restartInMs: delay, crashesInARow: state.crashes }, 'worker exited: restarting');
      state.timer = setTimeout(() => {
        state.timer = undefined;
        if (!stopping) fork(slot);
      }, delay);
    });
  }

  for (let slot = 0; slot < options.workers; slot++) fork(slot);

  return {
    ready,
    async stop() {
      stopping = true;
      for (const slot of slots) if (slot.timer) clearTimeout(slot.timer);
      const exits = [...live].map((worker) => new Promise<void>((resolve) => (worker.isDead() ? resolve() : worker.once('exit', () => resolve()))));
      for (const worker of live) {
        if (worker.isConnected()) worker.send(SHUTDOWN, () => {});
      }
      const timeout = setTimeout(() => {
        for (const worker of live) {
          log.warn({ pid: worker.process.pid }, 'worker still running after the close timeout: killed');
          worker.process.kill('SIGKILL');
        }
      }, closeTimeout);
      await Promise.all(exits);
      clearTimeout(timeout);
    },
  };
}

/**
 * In a worker: runs `close` when the primary asks (on the primary's SIGTERM or SIGINT). A worker
 * that received the signal itself is already closing (Ctrl-C in a terminal reaches the whole
 * process group): it ignores the request, as close-with-grace treats a second close as urgent.
 */
export function onShutdownRequest(close: () => unknown): void {
  if (!cluster.isWorker) return;
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      closing = true;
    });
  }
  process.on('message', (message) => {
    if (message !== SHUTDOWN || closing) return;
    closing = true;
    close();
  });
}
