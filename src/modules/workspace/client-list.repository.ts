import { type Expression, type SqlBool, sql } from 'kysely';
import type { Account } from '../../db/database';
import { accountInScope } from '../../db/scope';
import type { Db } from '../../db/types';
import type { ClientScope } from '../../platform/access/actor';

/** The columns « Mes clients » sorts by (links in the column headers). */
export type ClientSort = 'name' | 'next' | 'contact' | 'plan';

export type ClientListIdentity = Pick<Account, 'id' | 'display_name' | 'email' | 'locale'>;

export interface ClientPageQuery {
  /** Lowercase name or e-mail fragment, or a file number's digits; undefined for all. */
  term?: string;
  sort: ClientSort;
  descending: boolean;
  limit: number;
  offset: number;
  /** « Prochain rendez-vous » counts appointments after this instant. */
  now: string;
}

/** Instants are ISO text: these stand for « none » after every real one, whichever way the list runs. */
const NO_INSTANT = { asc: '9999-12-31T23:59:59.999Z', desc: '0000-01-01T00:00:00.000Z' } as const;

/**
 * Each sort's keys, per client row of accounts: a correlated subquery on an index by client, as
 * the columns are, and one expression per key (a client without an appointment or a contact gets
 * the instant that sorts last, rather than an `is null` term that would compute the key twice).
 * The plan sorts none (0) < draft (1) < published (2), then by actions to do; the last contact is
 * the latest of a message sent, a reply received and an attended appointment (max ignores the
 * NULLs, on both databases).
 */
function sortKeys(sort: Exclude<ClientSort, 'name'>, now: string, descending: boolean) {
  const none = NO_INSTANT[descending ? 'desc' : 'asc'];
  switch (sort) {
    case 'next':
      return [sql`coalesce((select min(a.starts_at) from appointments a where a.client_id = accounts.id and a.status = 'planifie' and a.starts_at > ${now}), ${none})`];
    case 'contact':
      return [
        sql`coalesce((select max(t.at) from (select max(m.created_at) as at from messages m where m.client_id = accounts.id union all select max(r.created_at) from message_replies r where r.client_id = accounts.id union all select max(a.starts_at) from appointments a where a.client_id = accounts.id and a.status = 'termine') t), ${none})`,
      ];
    case 'plan':
      return [
        sql`coalesce((select case p.status when 'publie' then 2 else 1 end from plans p where p.client_id = accounts.id limit 1), 0)`,
        sql`(select count(*) from plan_actions pa inner join plans p on p.id = pa.plan_id where p.client_id = accounts.id and pa.status = 'a_faire')`,
      ];
  }
}

/**
 * One page of the clients within the scope, searched (name or e-mail, case-insensitive; or the file
 * number) and sorted, with the total. Clients without a value (no appointment, no contact) come
 * last whatever the direction; ties by name, then id, so paging is stable.
 */
export async function findClientPage(db: Db, scope: ClientScope, query: ClientPageQuery): Promise<{ rows: ClientListIdentity[]; total: number }> {
  const inScope = sql<SqlBool>`accounts.role = 'client' and ${accountInScope(scope)}`;
  let where: Expression<SqlBool> = inScope;
  if (query.term) {
    const like = `%${query.term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where = sql<SqlBool>`${inScope} and (lower(accounts.display_name) like ${like} or accounts.email like ${like} or cast(accounts.id as text) = ${query.term})`;
  }
  const direction = sql.raw(query.descending ? 'desc' : 'asc');
  const nameDirection = query.sort === 'name' ? direction : sql.raw('asc');
  const keys = query.sort === 'name' ? [] : sortKeys(query.sort, query.now, query.descending);
  const order = [...keys.map((key) => sql`${key} ${direction}`), sql`accounts.display_name ${nameDirection}`, sql`accounts.id ${nameDirection}`];
  const [rows, count] = await Promise.all([
    sql<ClientListIdentity>`select accounts.id, accounts.display_name, accounts.email, accounts.locale from accounts where ${where} order by ${sql.join(order)} limit ${query.limit} offset ${query.offset}`.execute(db),
    sql<{ n: number | string }>`select count(*) as n from accounts where ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

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
