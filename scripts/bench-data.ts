import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database';

const BATCH = 500;
const DAY = 24 * 3600 * 1000;

/** Marie's share of the bulk clients: a realistic caseload (one in 667 → 150 at 100k). */
const MARIE_EVERY = 667;

/**
 * Adds `count` clients spread over 60 extra agents, with a realistic caseload of them for Marie
 * Tremblay (so that her queue, caseload search and client files are measured among them), each
 * with an attended needs assessment, an upcoming follow-up and a published plan of five actions.
 * Bench-only: rows are written directly, as an import would, in batches.
 */
export async function addBulkClients(db: Kysely<Database>, count: number, onProgress: (done: number) => void = () => {}): Promise<void> {
  const marie = await db.selectFrom('accounts').select(['id', 'team', 'password_hash']).where('email', '=', 'marie.tremblay@example.com').executeTakeFirstOrThrow();
  const now = Date.now();
  const iso = (offset: number) => new Date(now + offset).toISOString();
  const agents: number[] = [];
  for (let i = 0; i < 60; i++) {
    const agent = await db
      .insertInto('accounts')
      .values({ email: `bulk-agent-${i}@example.test`, password_hash: marie.password_hash, role: 'agent', display_name: `Agent ${i}`, phone: null, locale: 'fr', time_zone: 'America/Toronto', agent_id: null, team: `equipe-${i % 6}`, created_at: iso(0), password_changed_at: iso(0) })
      .returning('id')
      .executeTakeFirstOrThrow();
    agents.push(agent.id);
  }
  const domains = ['INSTALLATION', 'VIE_COLLECTIVE', 'FRANCISATION', 'EMPLOI', 'DEMARCHE_IMMIGRATION'] as const;
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    await db.transaction().execute(async (trx) => {
      const clients = await trx
        .insertInto('accounts')
        .values(
          Array.from({ length: size }, (_, i) => ({
            email: `bulk-${start + i}@example.test`,
            password_hash: marie.password_hash,
            role: 'client' as const,
            display_name: `Client ${String(start + i).padStart(6, '0')}`,
            phone: null,
            locale: 'fr' as const,
            time_zone: 'America/Toronto',
            agent_id: (start + i) % MARIE_EVERY === 0 ? marie.id : agents[(start + i) % agents.length],
            team: marie.team,
            created_at: iso(-90 * DAY),
            password_changed_at: iso(-90 * DAY),
          })),
        )
        .returning(['id', 'agent_id'])
        .execute();
      const hour = 3600 * 1000;
      const appointment = (client: { id: number; agent_id: number | null }, kind: 'evaluation' | 'suivi', offset: number, status: 'termine' | 'planifie') => ({
        client_id: client.id,
        agent_id: client.agent_id as number,
        kind,
        starts_at: iso(offset),
        ends_at: iso(offset + hour),
        mode: 'telephone' as const,
        phone_number: '514 555-0000',
        video_link: null,
        address: null,
        status,
        cancelled_by: null,
        cancelled_at: null,
        cancel_reason_code: null,
        cancel_comment: null,
        created_at: iso(-80 * DAY),
        updated_at: iso(-80 * DAY),
        outcome_recorded_at: status === 'termine' ? iso(offset + hour) : null,
        outcome_recorded_by: null,
        change_note: null,
      });
      await trx.insertInto('appointments').values(clients.flatMap((c, i) => [appointment(c, 'evaluation', -60 * DAY, 'termine'), appointment(c, 'suivi', (30 + (i % 20)) * DAY, 'planifie')])).execute();
      const plans = await trx
        .insertInto('plans')
        .values(clients.map((c) => ({ client_id: c.id, agent_id: c.agent_id as number, status: 'publie' as const, published_at: iso(-55 * DAY), published_by: c.agent_id, created_at: iso(-58 * DAY), updated_at: iso(-55 * DAY) })))
        .returning('id')
        .execute();
      await trx
        .insertInto('plan_actions')
        .values(
          plans.flatMap((plan) =>
            domains.map((domain, position) => ({ plan_id: plan.id, domain, title: `Action ${position + 1}`, description: '', useful_info: '', status: 'a_faire' as const, completed_on: null, due_on: null, catalogue_id: null, position, version: 1, created_at: iso(-58 * DAY), updated_at: iso(-58 * DAY) })),
          ),
        )
        .execute();
      await trx.insertInto('intake_requests').values(clients.map((c) => ({ client_id: c.id, team: marie.team ?? 'bulk', submitted_at: iso(-90 * DAY), taken_by: c.agent_id, taken_at: iso(-89 * DAY), first_proposed_at: iso(-89 * DAY) }))).execute();
    });
    onProgress(start + size);
  }
}
