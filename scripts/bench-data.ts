import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database';

/**
 * Adds `count` client accounts (with the agents' caseloads) in large batches, so the benchmark
 * can show that a client's pages do not slow down as the data grows. Bench-only: these rows are
 * written directly, as an import would.
 */
export async function addBulkClients(db: Kysely<Database>, count: number): Promise<void> {
  const agent = await db.selectFrom('accounts').select('id').where('email', '=', 'luc.gagnon@example.com').executeTakeFirstOrThrow();
  const hash = (await db.selectFrom('accounts').select('password_hash').where('email', '=', 'john.doe@example.com').executeTakeFirstOrThrow()).password_hash;
  const now = new Date().toISOString();
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, i) => ({
      email: `bulk-${start + i}@example.test`,
      password_hash: hash,
      role: 'client' as const,
      display_name: `Client ${start + i}`,
      phone: null,
      locale: 'fr' as const,
      time_zone: 'America/Toronto',
      agent_id: agent.id,
      created_at: now,
      password_changed_at: now,
    }));
    await db.insertInto('accounts').values(rows).execute();
  }
}
