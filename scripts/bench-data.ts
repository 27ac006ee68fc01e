import { type Kysely, sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Database } from '../src/db/database';
import { addCountsOf, SOURCES as COUNTED } from '../src/db/migrations/0028-dashboard-counts';
import { isPostgres } from '../src/db/migrations/schema-helpers';
import { loadBusinessCalendar } from '../src/platform/business-time/load-business-calendar';
import { firstProposalDueAt } from '../src/modules/requests/request.service';

const CLIENTS_PER_BATCH = 1000;
/** Rows per INSERT: under SQLite's and PostgreSQL's bound-parameter limits for our widest table. */
const ROWS_PER_INSERT = 1000;
const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/** Marie's share of the bulk clients: a realistic caseload (one in 667 → 150 at 100k). */
const MARIE_EVERY = 667;

export interface BulkShape {
  /** Appointments per client: the first an attended needs assessment, the rest follow-ups around today. */
  appointments: number;
  /** Plan actions per client, over the five domains, in one published plan. */
  actions: number;
  /** Audit lines per client (their file's history). */
  auditLines: number;
}

/** What `npm run bench -- --clients N` adds per client. */
export const BENCH_SHAPE: BulkShape = { appointments: 2, actions: 5, auditLines: 0 };
/** `npm run seed:large`: 100k clients → 1M appointments, 1M plan actions, 5M audit lines. */
export const LARGE_SHAPE: BulkShape = { appointments: 10, actions: 10, auditLines: 50 };

const DOMAINS = ['INSTALLATION', 'VIE_COLLECTIVE', 'FRANCISATION', 'EMPLOI', 'DEMARCHE_IMMIGRATION'] as const;
const AUDIT_ACTIONS = ['appointment.proposed', 'appointment.outcome_recorded', 'plan.action.status_changed', 'message.sent', 'client.file_viewed'];

async function insertInChunks<T extends keyof Database>(db: Kysely<Database>, table: T, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    // The rows are built to the table's shape by each caller; Kysely cannot check a table chosen at run time.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
      .execute();
  }
}

/**
 * Adds `count` clients spread over 60 extra agents (six teams), with a realistic caseload among
 * them for Marie Tremblay (so that her queue, caseload search and client files are measured among
 * them). Each client has an attended needs assessment and follow-ups, a published plan, and
 * optionally a history in the audit log. Rows are written directly, as an import would, in
 * batches of one transaction each.
 */
export async function addBulkClients(db: Kysely<Database>, count: number, shape: BulkShape = BENCH_SHAPE, onProgress: (done: number) => void = () => {}): Promise<void> {
  const marie = await db.selectFrom('accounts').select(['id', 'team', 'password_hash']).where('email', '=', 'marie.tremblay@example.com').executeTakeFirstOrThrow();
  const now = Date.now();
  const iso = (offset: number) => new Date(now + offset).toISOString();
  // The moment promised at submission, as a transmitted request records it (default business hours).
  const calendar = await loadBusinessCalendar(db, { businessDayStartHour: 8, businessDayEndHour: 16 });
  const promisedAt = firstProposalDueAt(calendar, iso(-90 * DAY), 24);
  const agents: number[] = [];
  for (let i = 0; i < 60; i++) {
    const agent = await db
      .insertInto('accounts')
      .values({
        email: `bulk-agent-${i}@example.test`,
        password_hash: marie.password_hash,
        role: 'agent',
        display_name: `Agent ${i}`,
        phone: null,
        locale: 'fr',
        time_zone: 'America/Toronto',
        agent_id: null,
        team: `equipe-${i % 6}`,
        created_at: iso(0),
        password_changed_at: iso(0),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    agents.push(agent.id);
  }
  for (let start = 0; start < count; start += CLIENTS_PER_BATCH) {
    const size = Math.min(CLIENTS_PER_BATCH, count - start);
    await db.transaction().execute((trx) =>
      withTriggersAside(trx, BULK_TABLES, async () => {
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

        const appointments = clients.flatMap((client, c) =>
          Array.from({ length: shape.appointments }, (_, k) => {
            // The assessment 60 days ago, then follow-ups a week apart; those still ahead are planned.
            const offset = k === 0 ? -60 * DAY : (-60 + 7 * k + (c % 5)) * DAY + 2 * HOUR;
            const status = offset < 0 ? ('termine' as const) : ('planifie' as const);
            return {
              client_id: client.id,
              agent_id: client.agent_id as number,
              kind: k === 0 ? ('evaluation' as const) : ('suivi' as const),
              starts_at: iso(offset),
              ends_at: iso(offset + HOUR),
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
              outcome_recorded_at: status === 'termine' ? iso(offset + HOUR) : null,
              outcome_recorded_by: null,
              change_note: null,
            };
          }),
        );
        await insertInChunks(trx, 'appointments', appointments);

        const plans = await trx
          .insertInto('plans')
          .values(
            clients.map((c) => ({
              client_id: c.id,
              agent_id: c.agent_id as number,
              status: 'publie' as const,
              published_at: iso(-55 * DAY),
              published_by: c.agent_id,
              created_at: iso(-58 * DAY),
              updated_at: iso(-55 * DAY),
            })),
          )
          .returning('id')
          .execute();
        const actions = plans.flatMap((plan) =>
          Array.from({ length: shape.actions }, (_, position) => ({
            plan_id: plan.id,
            domain: DOMAINS[position % DOMAINS.length],
            title: `Action ${position + 1}`,
            description: '',
            useful_info: '',
            status: position % 3 === 0 ? ('completee' as const) : ('a_faire' as const),
            completed_on: position % 3 === 0 ? iso(-20 * DAY).slice(0, 10) : null,
            due_on: null,
            catalogue_id: null,
            position,
            version: 1,
            created_at: iso(-58 * DAY),
            updated_at: iso(-58 * DAY),
          })),
        );
        await insertInChunks(trx, 'plan_actions', actions);
        await insertInChunks(
          trx,
          'intake_requests',
          clients.map((c) => ({ client_id: c.id, team: marie.team ?? 'bulk', submitted_at: iso(-90 * DAY), due_at: promisedAt, taken_by: c.agent_id, taken_at: iso(-89 * DAY), first_proposed_at: iso(-89 * DAY) })),
        );
        const audit = clients.flatMap((client) =>
          Array.from({ length: shape.auditLines }, (_, k) => ({
            at: iso(-90 * DAY + k * HOUR),
            actor_id: client.agent_id,
            action: AUDIT_ACTIONS[k % AUDIT_ACTIONS.length],
            subject_type: 'client_file',
            subject_id: String(client.id),
            ip: null,
            details: null,
            client_id: client.id,
          })),
        );
        await insertInChunks(trx, 'audit_log', audit);
        // What the triggers set aside would have done: a page version for each new client, and the
        // agents' pages (their caseload grew) moved on.
        await trx
          .insertInto('page_versions')
          .values(clients.map((c) => ({ account_id: c.id, version: 1 })))
          .onConflict((oc) => oc.column('account_id').doNothing())
          .execute();
        await trx
          .updateTable('page_versions')
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('account_id', 'in', [marie.id, ...agents])
          .execute();
        // And the manager's kept counts (migration 0028), which those tables' triggers move too.
        const batch = clients.map((c) => Number(c.id)).join(', ');
        for (const source of COUNTED.filter((counted) => BULK_TABLES.includes(counted.table))) await addCountsOf(trx, source, `client_id in (${batch})`);
      }),
    );
    onProgress(start + size);
  }
}

/** The tables a batch writes that carry triggers: page versions (migrations 0013, 0015), the dashboard's counts (0028). */
const BULK_TABLES = ['accounts', 'appointments', 'plans', 'plan_actions', 'intake_requests'];

/**
 * Runs `load` inside `trx` with the triggers of `tables` set aside, and puts them
 * back before the transaction commits, so no other connection ever sees a table without them
 * (a killed load rolls the whole batch back, triggers included). Row by row, those triggers make
 * a bulk load about ten times slower (each plan action looks up its plan's client and updates
 * two page versions); the caller moves the versions and the dashboard's counts itself, once per batch.
 */
async function withTriggersAside(trx: Kysely<Database>, tables: string[], load: () => Promise<void>): Promise<void> {
  if (isPostgres(trx)) {
    for (const table of tables) await sql.raw(`alter table ${table} disable trigger user`).execute(trx);
    await load();
    for (const table of tables) await sql.raw(`alter table ${table} enable trigger user`).execute(trx);
    return;
  }
  // SQLite has no switch for a trigger: drop them and create them again from their own text.
  const triggers = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name in (${sql.join(tables)})`.execute(trx);
  for (const trigger of triggers.rows) await sql.raw(`drop trigger ${trigger.name}`).execute(trx);
  await load();
  for (const trigger of triggers.rows) await sql.raw(trigger.sql).execute(trx);
}

export function progressBar(share: number, width = 30): string {
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** The agent of the free-slot bench: a year of appointments, half behind and half ahead. */
export const YEAR_AGENT_EMAIL = 'bench-year-agent@example.test';

/**
 * Adds an agent with a full year of appointments (six of the eight hours of every weekday, from
 * six months ago to six months ahead: about 1,500) over a caseload of their own, for the
 * free-slot search to be measured where it has the most to skip. Returns the agent and one of
 * their clients (who has a stated availability, as a request's answers give it).
 */
export async function addAgentYear(db: Kysely<Database>, clientCount = 200): Promise<{ agentId: number; clientId: number; appointments: number }> {
  const marie = await db.selectFrom('accounts').select(['password_hash', 'team']).where('email', '=', 'marie.tremblay@example.com').executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const person = (email: string, role: 'agent' | 'client', name: string, agentId: number | null) => ({
    email,
    password_hash: marie.password_hash,
    role,
    display_name: name,
    phone: null,
    locale: 'fr' as const,
    time_zone: 'America/Toronto',
    agent_id: agentId,
    team: marie.team,
    created_at: at,
    password_changed_at: at,
  });
  const agent = await db
    .insertInto('accounts')
    .values(person(YEAR_AGENT_EMAIL, 'agent', 'Agent Année', null))
    .returning('id')
    .executeTakeFirstOrThrow();
  const clients = await db
    .insertInto('accounts')
    .values(Array.from({ length: clientCount }, (_, i) => person(`bench-year-${i}@example.test`, 'client', `Client année ${i}`, agent.id)))
    .returning('id')
    .execute();
  const answers = JSON.stringify({
    firstAppointment: { mode: 'telephone', region: '', phone: '', timeZone: 'America/Toronto', days: ['mardi', 'jeudi'], periods: ['apres_midi'], interpreter: false, interpreterLanguage: '', accessibility: '' },
  });
  await db
    .insertInto('intake_requests')
    .values({ client_id: clients[0].id, team: marie.team ?? 'bulk', submitted_at: at, taken_by: agent.id, taken_at: at, first_proposed_at: at, answers })
    .execute();
  const now = Date.now();
  const rows: object[] = [];
  const today = DateTime.now().setZone('America/Toronto').startOf('day');
  for (let d = -182; d <= 182; d++) {
    const day = today.plus({ days: d });
    if (day.weekday > 5) continue;
    // Booked at 8, 9, 11, 13, 14 and 15 h: 10 h and 12 h stay free, a few slots a day to find.
    for (const [n, hour] of [8, 9, 11, 13, 14, 15].entries()) {
      const start = day.set({ hour }).toMillis();
      const client = clients[(Math.abs(d) * 6 + n) % clients.length];
      const status = start < now ? ('termine' as const) : ('planifie' as const);
      rows.push({
        client_id: client.id,
        agent_id: agent.id,
        kind: 'suivi' as const,
        starts_at: new Date(start).toISOString(),
        ends_at: new Date(start + HOUR).toISOString(),
        mode: 'telephone' as const,
        phone_number: '514 555-0000',
        video_link: null,
        address: null,
        status,
        cancelled_by: null,
        cancelled_at: null,
        cancel_reason_code: null,
        cancel_comment: null,
        created_at: at,
        updated_at: at,
        outcome_recorded_at: status === 'termine' ? new Date(start + HOUR).toISOString() : null,
        outcome_recorded_by: null,
        change_note: null,
      });
    }
  }
  await db.transaction().execute((trx) => insertInChunks(trx, 'appointments', rows));
  return { agentId: agent.id, clientId: clients[0].id, appointments: rows.length };
}
