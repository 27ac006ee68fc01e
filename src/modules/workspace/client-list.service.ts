import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import type { Clock } from '../../platform/clock';
import type { Locale } from '../../platform/i18n/locale';
import { type CaseloadPage, searchCaseload } from '../accounts/directory.service';
import { readAnswers } from '../requests/request-draft.schema';
import { findClientListDetails } from './client-list.repository';

/** The plan as « Mes clients » names it: none yet, a draft, or published with the actions left to do. */
export type PlanState = { kind: 'none' } | { kind: 'brouillon'; toDo: number } | { kind: 'publie'; toDo: number };

/** One row of « Mes clients »: what an agent looks for before opening the file. */
export interface ClientListEntry {
  nextAppointmentAt: string | null;
  plan: PlanState;
  /** The languages the client speaks, named in the reader's language (the request's answers). */
  languages: string[];
  /** The interpreter's language ('' when not said) when the client asked for one; null otherwise. */
  interpreter: string | null;
  /** The client's own words about accessibility, when they wrote any. */
  accessibility: string | null;
  /** The latest of a message sent, a reply received and an attended appointment. */
  lastContactAt: string | null;
}

export interface ClientList extends CaseloadPage {
  details: Map<number, ClientListEntry>;
}

const latest = (...instants: Array<string | null>) =>
  instants
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1) ?? null;

/**
 * « Mes clients » with its columns: the caseload page (searched, paged, in the actor's scope),
 * then one query for the whole page's appointments, plan, languages, needs and last contact.
 */
export async function clientList(db: Db, actor: Actor, input: { search?: string; page: number; lang: Locale }, clock: Clock): Promise<ClientList> {
  const page = await searchCaseload(db, actor, input);
  const rows = await findClientListDetails(
    db,
    page.clients.map((client) => client.id),
    clock().toISOString(),
  );
  const names = new Intl.DisplayNames([input.lang === 'en' ? 'en-CA' : 'fr-CA'], { type: 'language' });
  const details = new Map<number, ClientListEntry>();
  for (const row of rows) {
    const answers = readAnswers(row.answers);
    const spoken = (answers.identification?.languages ?? []).map((code) => names.of(code) ?? code);
    const other = answers.identification?.otherLanguages?.trim();
    const first = answers.firstAppointment;
    details.set(row.id, {
      nextAppointmentAt: row.next_appointment_at,
      plan: row.plan_status === null ? { kind: 'none' } : { kind: row.plan_status, toDo: row.actions_to_do },
      languages: other ? [...spoken, other] : spoken,
      interpreter: first?.interpreter ? first.interpreterLanguage.trim() : null,
      accessibility: first?.accessibility?.trim() || null,
      lastContactAt: latest(row.last_message_at, row.last_reply_at, row.last_attended_at),
    });
  }
  return { ...page, details };
}
