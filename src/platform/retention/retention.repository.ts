import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { Db } from '../../db/types';

/**
 * Retention (Loi 25) touches every table that holds a client's personal data, which is why these
 * queries live in the platform rather than in each module: one place lists them all.
 * A table added later that holds personal data must be added here too.
 */

export interface ClosedFile {
  id: number;
  email: string;
  closedAt: string;
}

/** What anonymizing one file does, table by table (the dry run counts, the real run changes). */
export interface PersonalDataCounts {
  sessions: number;
  /** Forms kept when a session ended, to be sent again after signing in (their fields are what was typed). */
  formDrafts: number;
  /** API tokens and e-mailed links (password reset, address change). */
  tokens: number;
  signInAttempts: number;
  mails: number;
  messages: number;
  notes: number;
  actions: number;
  appointments: number;
  /** Referrals to partners: the purpose, notes and what was disclosed (the record that a disclosure happened stays in the audit log). */
  referrals: number;
  /** The intake request's answers and any unsent draft. */
  requests: number;
  auditLines: number;
}

export const ANONYMIZED_NAME = 'Personne anonymisée';
export const anonymizedEmail = (id: number) => `anonymized-${id}@invalid`;
/** Not an argon2 hash: no password can ever verify against it. */
const UNUSABLE_PASSWORD = '!anonymized';

/** Clients whose file was closed on or before the cutoff and that are not anonymized yet. */
export async function findClosedFilesBefore(db: Db, cutoff: string): Promise<ClosedFile[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'closed_at'])
    .where('role', '=', 'client')
    .where('closed_at', 'is not', null)
    .where('closed_at', '<=', cutoff)
    .orderBy('closed_at')
    .orderBy('id')
    .execute();
  return rows.filter((r) => r.email !== anonymizedEmail(r.id)).map((r) => ({ id: r.id, email: r.email, closedAt: r.closed_at as string }));
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const attemptsOf = (file: ClosedFile) => (eb: ExpressionBuilder<Database, 'login_failures'>) =>
  eb.or([eb('throttle_key', '=', `account:${file.email}`), eb('throttle_key', 'like', sql<string>`${`pair:${likeEscaped(file.email)}|%`} escape '\\'`)]);

/** Audit lines about the person: theirs, of their file, about their account, or naming their e-mail. */
const auditLinesOf = (file: ClosedFile) => (eb: ExpressionBuilder<Database, 'audit_log'>) =>
  eb.or([
    eb('actor_id', '=', file.id),
    eb('client_id', '=', file.id),
    eb.and([eb('subject_type', '=', 'account'), eb('subject_id', '=', String(file.id))]),
    eb('details', 'like', sql<string>`${`%${likeEscaped(file.email)}%`} escape '\\'`),
  ]);

const actionsOf = (file: ClosedFile) => (eb: ExpressionBuilder<Database, 'plan_actions'>) => eb('plan_id', 'in', eb.selectFrom('plans').select('id').where('client_id', '=', file.id));

const noteRevisionsOf = (file: ClosedFile) => (eb: ExpressionBuilder<Database, 'plan_note_revisions'>) => eb('note_id', 'in', eb.selectFrom('plan_notes').select('id').where('client_id', '=', file.id));

/** The dry run: how many rows anonymizing this file would touch, table by table. */
export async function countPersonalData(db: Db, file: ClosedFile): Promise<PersonalDataCounts> {
  const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => Number((await query.executeTakeFirstOrThrow()).n);
  return {
    sessions: await count(
      db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('account_id', '=', file.id),
    ),
    formDrafts: await count(
      db
        .selectFrom('form_drafts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('account_id', '=', file.id),
    ),
    tokens:
      (await count(
        db
          .selectFrom('api_tokens')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', file.id),
      )) +
      (await count(
        db
          .selectFrom('account_tokens')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', file.id),
      )),
    signInAttempts: await count(
      db
        .selectFrom('login_failures')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(attemptsOf(file)),
    ),
    mails: await count(
      db
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('to_address', '=', file.email),
    ),
    messages:
      (await count(
        db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('client_id', '=', file.id),
      )) +
      (await count(
        db
          .selectFrom('message_replies')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('client_id', '=', file.id),
      )),
    notes:
      (await count(
        db
          .selectFrom('plan_notes')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('client_id', '=', file.id),
      )) +
      (await count(
        db
          .selectFrom('plan_note_revisions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where(noteRevisionsOf(file)),
      )),
    actions: await count(
      db
        .selectFrom('plan_actions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(actionsOf(file)),
    ),
    appointments: await count(
      db
        .selectFrom('appointments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('client_id', '=', file.id),
    ),
    referrals: await count(
      db
        .selectFrom('referrals')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('client_id', '=', file.id),
    ),
    requests:
      (await count(
        db
          .selectFrom('intake_requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('client_id', '=', file.id)
          .where('answers', 'is not', null),
      )) +
      (await count(
        db
          .selectFrom('intake_drafts')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('client_id', '=', file.id),
      )),
    auditLines: await count(
      db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(auditLinesOf(file)),
    ),
  };
}

/** The audit lines to scrub, with their details, for the service to rewrite. */
export async function findAuditLinesOf(db: Db, file: ClosedFile): Promise<{ id: number; details: string | null }[]> {
  return db.selectFrom('audit_log').select(['id', 'details']).where(auditLinesOf(file)).orderBy('id').execute();
}

/** Keeps the line (what happened, when, by which account id) without the address or personal details. */
export async function rewriteAuditLine(db: Db, id: number, details: string | null): Promise<void> {
  await db.updateTable('audit_log').set({ ip: null, details }).where('id', '=', id).execute();
}

/**
 * Deletes or empties the person's data everywhere but the audit log (see `rewriteAuditLine`):
 * what is kept are ids, dates and statuses, which the statistics and the other party's files
 * (the agent's caseload history) still need, and which no longer point to a person.
 */
export async function erasePersonalData(db: Db, file: ClosedFile, at: string): Promise<Omit<PersonalDataCounts, 'auditLines'>> {
  const n = (result: { numDeletedRows: bigint } | { numUpdatedRows: bigint }) => Number('numDeletedRows' in result ? result.numDeletedRows : result.numUpdatedRows);
  const sessions = n(await db.deleteFrom('sessions').where('account_id', '=', file.id).executeTakeFirst());
  const formDrafts = n(await db.deleteFrom('form_drafts').where('account_id', '=', file.id).executeTakeFirst());
  const tokens = n(await db.deleteFrom('api_tokens').where('account_id', '=', file.id).executeTakeFirst()) + n(await db.deleteFrom('account_tokens').where('account_id', '=', file.id).executeTakeFirst());
  const signInAttempts = n(await db.deleteFrom('login_failures').where(attemptsOf(file)).executeTakeFirst());
  const mails = n(await db.deleteFrom('mail_outbox').where('to_address', '=', file.email).executeTakeFirst());
  const messages =
    // A subject written by the agent is free text too (« Votre rendez-vous avec … »), like the body.
    n(await db.updateTable('messages').set({ subject_fr: '', subject_en: '', body_fr: '', body_en: '' }).where('client_id', '=', file.id).executeTakeFirst()) +
    n(await db.updateTable('message_replies').set({ body: '' }).where('client_id', '=', file.id).executeTakeFirst());
  const notes =
    n(await db.updateTable('plan_notes').set({ body: '' }).where('client_id', '=', file.id).executeTakeFirst()) +
    n(await db.updateTable('plan_note_revisions').set({ body: '' }).where(noteRevisionsOf(file)).executeTakeFirst());
  const actions = n(await db.updateTable('plan_actions').set({ description: '', useful_info: '' }).where(actionsOf(file)).executeTakeFirst());
  const appointments = n(
    await db
      .updateTable('appointments')
      // change_note: the agent's words to the client about a change (« Déplacé à votre demande… »).
      .set({ cancel_comment: null, cancel_availability: null, change_note: null, phone_number: null, address: null, video_link: null })
      .where('client_id', '=', file.id)
      .executeTakeFirst(),
  );
  // A referral keeps its partner, dates and status (the statistics); its words and what was
  // disclosed go, and its partner's link stops opening.
  const referrals = n(
    await db
      .updateTable('referrals')
      .set({ purpose: '', partner_note: '', disclosed: null, consent_note: null, refusal_reason: null, result_note: null, link_hash: null, link_expires_at: null })
      .where('client_id', '=', file.id)
      .executeTakeFirst(),
  );
  // The request stays (dates, team: the deadline statistics); what the person answered (file
  // number, household, phone…) goes, and so does a draft left behind.
  const requests =
    n(await db.updateTable('intake_requests').set({ answers: null }).where('client_id', '=', file.id).where('answers', 'is not', null).executeTakeFirst()) +
    n(await db.deleteFrom('intake_drafts').where('client_id', '=', file.id).executeTakeFirst());
  await db
    .updateTable('accounts')
    .set({ display_name: ANONYMIZED_NAME, email: anonymizedEmail(file.id), phone: null, password_hash: UNUSABLE_PASSWORD, password_changed_at: at })
    .where('id', '=', file.id)
    .execute();
  return { sessions, formDrafts, tokens, signInAttempts, mails, messages, notes, actions, appointments, referrals, requests };
}
