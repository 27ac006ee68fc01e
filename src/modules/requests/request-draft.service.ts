import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { hasOwnRequest } from './request.policy';
import type { Locale } from '../../platform/i18n/locale';
import { translator } from '../../platform/i18n/translate';
import { formatLongDate, formatTime } from '../../ui/format/datetime';
import { clientRecipient } from '../accounts/directory.service';
import { loadBusinessCalendar } from '../../platform/business-time/load-business-calendar';
import { type MessageContent, notifyClient } from '../messages/message.service';
import { deleteDraft, findActiveRequest, findDraft, findRequestsWithAgent, setClientContact, setClientTeam, upsertDraft } from './request-draft.repository';
import { type IntakeAnswers, parseFirstAppointment, parseIdentification, readAnswers, type StepProblem } from './request-draft.schema';
import { insertRequest } from './request.repository';
import { firstProposalDueAt } from './request.service';

/** Until teams are drawn per region, every request goes to this intake team's queue. */
export const INTAKE_TEAM = 'montreal-centre';

export interface IntakeDeps {
  clock: Clock;
  publicUrl: string;
  firstAppointmentBusinessHours: number;
  businessDayStartHour: number;
  businessDayEndHour: number;
}

export type Step = 'identification' | 'firstAppointment';

export interface IntakeState {
  answers: IntakeAnswers;
  /** The request already transmitted and still active: no second one. */
  active: { id: number; submittedAt: string; dueAt: string | null } | null;
  hasDraft: boolean;
}

function clientOnly(actor: Actor): number {
  if (!hasOwnRequest(actor)) throw new NotFoundError('REQUEST.NOT_FOUND');
  return actor.id;
}

/** Where the person is in their request: the draft's answers, or the request already sent. */
export async function intakeState(db: Db, actor: Actor): Promise<IntakeState> {
  const clientId = clientOnly(actor);
  const [draft, active] = await Promise.all([findDraft(db, clientId), findActiveRequest(db, clientId)]);
  return {
    answers: readAnswers(draft?.answers),
    active: active ? { id: active.id, submittedAt: active.submitted_at, dueAt: active.due_at } : null,
    hasDraft: Boolean(draft),
  };
}

/** The first step not yet answered, or the summary when both are. */
export function nextStep(answers: IntakeAnswers): Step | 'summary' {
  if (!answers.identification) return 'identification';
  if (!answers.firstAppointment) return 'firstAppointment';
  return 'summary';
}

export type SaveStepResult = { ok: true; answers: IntakeAnswers } | { ok: false; code: 'ALREADY_ACTIVE' } | { ok: false; code: 'INVALID'; codes: StepProblem[] };

/** Saves one step of the draft once its answers are valid (the person may leave and come back). */
export async function saveStep(db: Db, actor: Actor, input: { step: Step; raw: Record<string, unknown> }, clock: Clock): Promise<SaveStepResult> {
  const clientId = clientOnly(actor);
  const now = clock();
  const parsed = input.step === 'identification' ? parseIdentification(input.raw, now) : parseFirstAppointment(input.raw);
  if (!parsed.ok) return { ok: false, code: 'INVALID', codes: parsed.problems };
  return inTransaction(db, async (trx) => {
    if (await findActiveRequest(trx, clientId)) return { ok: false, code: 'ALREADY_ACTIVE' };
    const answers = readAnswers((await findDraft(trx, clientId))?.answers);
    const next: IntakeAnswers = { ...answers, [input.step]: parsed.value };
    const at = now.toISOString();
    await upsertDraft(trx, clientId, JSON.stringify(next), at);
    await recordAudit(trx, { at, actorId: clientId, action: 'request.draft_saved', subjectType: 'intake_draft', subjectId: clientId, clientId, ip: actor.ip ?? null, details: { step: input.step } });
    return { ok: true, answers: next };
  });
}

export type TransmitResult = { ok: true; requestId: number; dueAt: string } | { ok: false; code: 'ALREADY_ACTIVE' | 'INCOMPLETE' };

/**
 * « Transmettre la demande »: the draft becomes a request in the intake team's queue, with the
 * moment promised for the first proposal (24 business hours, by the business calendar — the
 * same computation as the agents' queue), and a message in the person's message centre says so.
 * One active request per person: a second transmission (or two at once) is refused.
 */
export async function transmitRequest(db: Db, actor: Actor, deps: IntakeDeps): Promise<TransmitResult> {
  const clientId = clientOnly(actor);
  const calendar = await loadBusinessCalendar(db, deps);
  return inTransaction(db, async (trx) => {
    if (await findActiveRequest(trx, clientId)) return { ok: false, code: 'ALREADY_ACTIVE' };
    const draft = await findDraft(trx, clientId);
    const answers = readAnswers(draft?.answers);
    if (!answers.identification || !answers.firstAppointment) return { ok: false, code: 'INCOMPLETE' };
    // The draft is the lock: of two transmissions at once, only the one that deletes it goes on.
    if (!(await deleteDraft(trx, clientId))) return { ok: false, code: 'ALREADY_ACTIVE' };
    const now = deps.clock();
    const at = now.toISOString();
    const dueAt = firstProposalDueAt(calendar, now, deps.firstAppointmentBusinessHours);
    const request = await insertRequest(trx, {
      client_id: clientId,
      team: INTAKE_TEAM,
      submitted_at: at,
      taken_by: null,
      taken_at: null,
      first_proposed_at: null,
      answers: JSON.stringify(answers),
      due_at: dueAt,
    });
    await setClientTeam(trx, clientId, INTAKE_TEAM);
    // The phone is optional unless the appointment is by telephone: an unanswered one keeps the account's.
    const { phone, timeZone } = answers.firstAppointment;
    await setClientContact(trx, clientId, phone ? { phone, time_zone: timeZone } : { time_zone: timeZone });
    const client = await clientRecipient(trx, clientId);
    await notifyClient(trx, { client: { id: client.id, email: client.email, locale: client.locale }, dedupeKey: `request-submitted:${request.id}`, content: submittedMessage(dueAt) }, deps);
    await recordAudit(trx, { at, actorId: clientId, action: 'request.submitted', subjectType: 'intake_request', subjectId: request.id, clientId, ip: actor.ip ?? null, details: { team: INTAKE_TEAM, dueAt } });
    return { ok: true, requestId: request.id, dueAt };
  });
}

/**
 * For a client whose active request still waits for its first appointment: the moment it will be
 * proposed at the latest (the promised moment, computed from the submission as in the agents'
 * queue). Undefined once an appointment was proposed, or without an active request.
 */
export async function firstProposalDueFor(db: Db, actor: Actor, deps: Pick<IntakeDeps, 'firstAppointmentBusinessHours' | 'businessDayStartHour' | 'businessDayEndHour'>): Promise<string | undefined> {
  if (!hasOwnRequest(actor)) return undefined;
  const active = await findActiveRequest(db, actor.id);
  if (!active || active.first_proposed_at !== null) return undefined;
  const calendar = await loadBusinessCalendar(db, deps);
  return firstProposalDueAt(calendar, active.submitted_at, deps.firstAppointmentBusinessHours);
}

/** The promised moment as people read it: « jeudi 3 décembre 2026 à 14 h 00 ». */
export function promisedMoment(dueAt: string, locale: Locale): string {
  return translator(locale)('intake.moment', { date: formatLongDate(dueAt, locale), time: formatTime(dueAt, locale) });
}

function submittedMessage(dueAt: string): MessageContent {
  const build = (locale: Locale) => {
    const t = translator(locale);
    return { subject: t('intake.notify.subject'), body: t('intake.notify.body', { moment: promisedMoment(dueAt, locale) }) };
  };
  const fr = build('fr');
  const en = build('en');
  return { subject: { fr: fr.subject, en: en.subject }, body: { fr: fr.body, en: en.body } };
}

export type RequestStatus = 'transmise' | 'prise_en_charge' | 'suivie' | 'fermee';

export interface ClientRequestView {
  id: number;
  status: RequestStatus;
  submittedAt: string;
  takenAt: string | null;
  firstProposedAt: string | null;
  closedAt: string | null;
  dueAt: string | null;
  agentName: string | null;
  answers: IntakeAnswers;
}

/** « Mes dossiers »: the person's requests, their status and dates, and who follows them. */
export async function myRequests(db: Db, actor: Actor): Promise<ClientRequestView[]> {
  const clientId = clientOnly(actor);
  const rows = await findRequestsWithAgent(db, clientId);
  return rows.map((row) => ({
    id: row.id,
    status: row.closed_at ? 'fermee' : row.first_proposed_at ? 'suivie' : row.taken_by !== null || row.agent_name ? 'prise_en_charge' : 'transmise',
    submittedAt: row.submitted_at,
    takenAt: row.taken_at,
    firstProposedAt: row.first_proposed_at,
    closedAt: row.closed_at,
    dueAt: row.due_at,
    agentName: row.agent_name,
    answers: readAnswers(row.answers),
  }));
}
