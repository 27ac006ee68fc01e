import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { collectProcessMetrics, processRegistry } from '../metrics/metrics';
import { type OutboxBacklog, outboxBacklog } from './outbox-backlog.repository';

/**
 * The metrics of one app: requests by route pattern (never the raw URL, whose ids would make one
 * series per appointment), and the outbox read from the database at each scrape — so they are
 * right even when another process (the outbox worker) does the delivering.
 */
export function createAppMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({ name: 'aq_http_requests_total', help: 'HTTP requests answered, by route pattern.', labelNames, registers: [registry] });
  const durations = new Histogram({
    name: 'aq_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route pattern.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const observe = (method: string, route: string, statusCode: number, seconds: number) => {
    const labels = { method, route, status_code: String(statusCode) };
    requests.inc(labels);
    durations.observe(labels, seconds);
  };
  app.decorate('observeRequest', observe);
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs (404s, probes) share one label: an attacker cannot grow the series.
    observe(request.method, request.routeOptions.url ?? '(unmatched)', reply.statusCode, reply.elapsedTime / 1000);
  });

  // The outbox gauges share one query per scrape: the first to collect starts it, the others
  // (collected at the same time) reuse it while it runs.
  let inflight: Promise<OutboxBacklog | null> | null = null;
  const readBacklog = () => {
    inflight ??= outboxBacklog(app.database.db)
      .catch((error) => {
        app.log.error({ err: error }, 'metrics: reading the outbox failed');
        return null;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };
  new Gauge({
    name: 'aq_mail_outbox_pending',
    help: 'E-mails waiting in the outbox.',
    registers: [registry],
    async collect() {
      const value = await readBacklog();
      if (value) this.set(value.pending);
    },
  });
  new Gauge({
    name: 'aq_mail_outbox_failed',
    help: 'E-mails the outbox gave up on after its retries.',
    registers: [registry],
    async collect() {
      const value = await readBacklog();
      if (value) this.set(value.failed);
    },
  });
  new Gauge({
    name: 'aq_mail_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest e-mail waiting in the outbox; 0 when none waits.',
    registers: [registry],
    async collect() {
      const value = await readBacklog();
      if (value) this.set(value.oldestPendingAt ? Math.max(0, (app.clock().getTime() - Date.parse(value.oldestPendingAt)) / 1000) : 0);
    },
  });

  collectProcessMetrics();
  return Registry.merge([processRegistry, registry]);
}
