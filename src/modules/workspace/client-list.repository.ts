import type { Db } from '../../db/types';

/** What « Mes clients » shows beside a client's identity, as stored. */
export interface ClientListRow {
  id: number;
  next_appointment_at: string | null;
  plan_status: 'brouillon' | 'publie' | null;
  actions_to_do: number;
  last_message_at: string | null;
  last_reply_at: string | null;
  last_attended_at: string | null;
  /** The latest request's answers (JSON): languages, interpreter, accessibility needs. */
  answers: string | null;
}

/**
 * The columns of « Mes clients » for one page of clients, in one query whatever the page's size
 * (no query per client): each value a correlated subquery on an index by client (appointments,
 * messages, message_replies, plans, intake_requests), so a page of 25 reads 25 × a few index
 * entries, at 100 clients or at 100,000. Every table read here moves the agent's page version
 * (migrations 0013 and 0015), so the kept page is never stale.
 */
export async function findClientListDetails(db: Db, clientIds: readonly number[], now: string): Promise<ClientListRow[]> {
  if (clientIds.length === 0) return [];
  const rows = await db
    .selectFrom('accounts as c')
    .select((eb) => [
      'c.id',
      eb
        .selectFrom('appointments')
        .select((inner) => inner.fn.min('starts_at').as('at'))
        .whereRef('appointments.client_id', '=', 'c.id')
        .where('appointments.status', '=', 'planifie')
        .where('appointments.starts_at', '>', now)
        .as('next_appointment_at'),
      eb.selectFrom('plans').select('plans.status').whereRef('plans.client_id', '=', 'c.id').limit(1).as('plan_status'),
      eb
        .selectFrom('plan_actions')
        .innerJoin('plans', 'plans.id', 'plan_actions.plan_id')
        .select((inner) => inner.fn.countAll().as('n'))
        .whereRef('plans.client_id', '=', 'c.id')
        .where('plan_actions.status', '=', 'a_faire')
        .as('actions_to_do'),
      eb
        .selectFrom('messages')
        .select((inner) => inner.fn.max('created_at').as('at'))
        .whereRef('messages.client_id', '=', 'c.id')
        .as('last_message_at'),
      eb
        .selectFrom('message_replies')
        .select((inner) => inner.fn.max('created_at').as('at'))
        .whereRef('message_replies.client_id', '=', 'c.id')
        .as('last_reply_at'),
      eb
        .selectFrom('appointments')
        .select((inner) => inner.fn.max('starts_at').as('at'))
        .whereRef('appointments.client_id', '=', 'c.id')
        .where('appointments.status', '=', 'termine')
        .as('last_attended_at'),
      eb.selectFrom('intake_requests').select('intake_requests.answers').whereRef('intake_requests.client_id', '=', 'c.id').orderBy('intake_requests.id', 'desc').limit(1).as('answers'),
    ])
    .where('c.id', 'in', [...clientIds])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    next_appointment_at: (row.next_appointment_at as string | null) ?? null,
    plan_status: (row.plan_status as ClientListRow['plan_status']) ?? null,
    actions_to_do: Number(row.actions_to_do ?? 0),
    last_message_at: (row.last_message_at as string | null) ?? null,
    last_reply_at: (row.last_reply_at as string | null) ?? null,
    last_attended_at: (row.last_attended_at as string | null) ?? null,
    answers: (row.answers as string | null) ?? null,
  }));
}
