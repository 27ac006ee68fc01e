import type { FastifyInstance } from 'fastify';
import type { SqliteFileStatus } from '../../db/sqlite-file';
import { AddressList } from './address-list';
import { createAppMetrics } from './app-metrics';
import { type CheckResult, checkReadiness } from './readiness.service';

/** Where the data the running process holds was copied, so that it can be put back before a restart. */
function rescueText(file: SqliteFileStatus | undefined): string {
  if (file?.rescuedTo) return `a copy of the open database was written beside it as ${file.rescuedTo}: put it back in place, then restart`;
  if (file?.rescueFailed) return 'a copy of the open database could not be written beside it (the disk or the directory refused it): recover the data before any restart';
  return 'a copy of the open database is being written beside it';
}

/** A failing check in the operator's words, as /readyz shows it and the log keeps it. */
export function checkText(check: CheckResult & { ok: false }): string {
  switch (check.code) {
    case 'DATABASE_UNREACHABLE':
      return 'database unreachable';
    case 'DATABASE_FILE_GONE':
      return `the SQLite file was ${check.file?.problem === 'replaced' ? 'replaced' : 'deleted'} after it was opened: writes are refused (they would be lost at restart); ${rescueText(check.file)}`;
    case 'MIGRATIONS_PENDING':
      return `pending: ${(check.migrations ?? []).join(', ')}`;
    case 'MIGRATIONS_UNKNOWN':
      return `applied but unknown to this code: ${(check.migrations ?? []).join(', ')}`;
    case 'OUTBOX_STALLED':
      return `oldest pending mail waits for ${check.waitedMinutes} min (limit ${check.limitMinutes})`;
    case 'CHECK_FAILED':
      return 'error';
  }
}

/**
 * Operations endpoints beside /healthz (alive): /readyz (fit to serve: database, schema, outbox;
 * 503 naming what fails) and /metrics for Prometheus, shown only to the addresses of
 * METRICS_ALLOW — anyone else gets the ordinary 404, as if it did not exist.
 */
export function registerOps(app: FastifyInstance): void {
  const registry = createAppMetrics(app);
  const allowed = new AddressList(app.config.METRICS_ALLOW);

  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness({
      db: app.database.db,
      now: app.clock(),
      deliveryConfigured: Boolean(app.config.SMTP_URL),
      outboxMaxAgeMinutes: app.config.READY_OUTBOX_MAX_AGE_MINUTES,
      fileProblem: app.database.fileProblem,
    });
    const failing = Object.entries(readiness.checks).flatMap(([name, c]) => (c.ok ? [] : [[name, c] as const]));
    for (const [name, check] of failing) app.log.warn({ check: name, detail: checkText(check), err: check.cause }, 'not ready');
    const checks = Object.fromEntries(Object.entries(readiness.checks).map(([name, c]) => [name, c.ok ? 'ok' : `failing: ${checkText(c)}`]));
    reply.header('cache-control', 'no-store');
    if (readiness.ready) return reply.send({ status: 'ready', checks });
    return reply.status(503).send({ status: 'not ready', failing: failing.map(([name]) => name), checks });
  });

  app.get('/metrics', async (request, reply) => {
    if (!allowed.has(request.ip)) return reply.callNotFound();
    const body = await registry.metrics();
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(body);
  });
}
