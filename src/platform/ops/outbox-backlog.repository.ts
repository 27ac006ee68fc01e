import type { Db } from '../../db/types';

export interface OutboxBacklog {
  pending: number;
  failed: number;
  /** created_at of the oldest mail still waiting; null when none waits. */
  oldestPendingAt: string | null;
}

/** What the outbox holds that is not delivered: for /readyz and the metrics. One indexed read. */
export async function outboxBacklog(db: Db): Promise<OutboxBacklog> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['pending', 'failed'])
    .groupBy('status')
    .execute();
  const pending = rows.find((r) => r.status === 'pending');
  const failed = rows.find((r) => r.status === 'failed');
  return { pending: Number(pending?.count ?? 0), failed: Number(failed?.count ?? 0), oldestPendingAt: (pending?.oldest as string | undefined) ?? null };
}
