import type { Db } from '../../db/types';
import { type Actor, clientScopeOf } from '../../platform/access/actor';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locale';
import { CASELOAD_PAGE_SIZE } from '../accounts/directory.service';
import { type ClientListIdentity, type ClientSort, findClientListDetails, findClientPage } from './client-list.repository';
import { type ClientNeeds, needsFromAnswers } from './client-needs';
import { hasWorkspace } from './workspace.policy';

export type { ClientSort };

/** The plan as « Mes clients » names it: none yet, a draft, or published with the actions left to do. */
export type PlanState = { kind: 'none' } | { kind: 'brouillon'; toDo: number } | { kind: 'publie'; toDo: number };

/** One row of « Mes clients »: what an agent looks for before opening the file. */
export interface ClientListEntry extends ClientNeeds {
  nextAppointmentAt: string | null;
  plan: PlanState;
  /** The latest of a message sent, a reply received and an attended appointment. */
  lastContactAt: string | null;
}

/** How « Mes clients » is ordered; the default is by name, A to Z. */
export interface ClientOrder {
  sort: ClientSort;
  descending: boolean;
}

export const DEFAULT_CLIENT_ORDER: ClientOrder = { sort: 'name', descending: false };

export interface ClientList {
  clients: ClientListIdentity[];
  total: number;
  page: number;
  pages: number;
  details: Map<number, ClientListEntry>;
}

const latest = (...instants: Array<string | null>) =>
  instants
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1) ?? null;

/** « AQ-000123 », « aq000123 » or « 123 » → '123' (a file number); any other search is lowered for a name or an e-mail. */
function searchTerm(search: string | undefined): string | undefined {
  const term = search?.trim();
  if (!term) return undefined;
  const number = /^(?:aq-?)?0*(\d{1,10})$/i.exec(term);
  return number ? number[1] : term.toLowerCase();
}

/**
 * « Mes clients » with its columns: one page of the caseload (a manager: everyone), searched by
 * name, e-mail or file number and sorted by a column, then one query for the whole page's
 * appointments, plan, languages, needs and last contact.
 */
export async function clientList(db: Db, actor: Actor, input: { search?: string; page: number; lang: Locale; order?: ClientOrder }, clock: Clock): Promise<ClientList> {
  if (!hasWorkspace(actor)) throw new NotFoundError('CASELOAD.NOT_FOUND');
  const now = clock().toISOString();
  const page = Math.max(1, input.page);
  const order = input.order ?? DEFAULT_CLIENT_ORDER;
  const { rows: clients, total } = await findClientPage(db, clientScopeOf(actor), {
    term: searchTerm(input.search),
    sort: order.sort,
    descending: order.descending,
    limit: CASELOAD_PAGE_SIZE,
    offset: (page - 1) * CASELOAD_PAGE_SIZE,
    now,
  });
  const rows = await findClientListDetails(
    db,
    clients.map((client) => client.id),
    now,
  );
  const details = new Map<number, ClientListEntry>();
  for (const row of rows) {
    details.set(row.id, {
      ...needsFromAnswers(row.answers, input.lang),
      nextAppointmentAt: row.next_appointment_at,
      plan: row.plan_status === null ? { kind: 'none' } : { kind: row.plan_status, toDo: row.actions_to_do },
      lastContactAt: latest(row.last_message_at, row.last_reply_at, row.last_attended_at),
    });
  }
  return { clients, total, page, pages: Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE)), details };
}
