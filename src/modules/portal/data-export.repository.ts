import type { Db } from '../../db/types';

/**
 * What the service holds on one person, table by table, always by their own id. Internal notes
 * (`visibility = 'interne'`: the agents' working notes) and unpublished plans are left out;
 * secrets (password hash, tokens) are never selected.
 */
export async function findPersonalData(db: Db, clientId: number) {
  const [account, requests, drafts, appointments, plans, notes, messages, mails, replies] = await Promise.all([
    db
      .selectFrom('accounts')
      .select(['id', 'email', 'display_name', 'phone', 'locale', 'time_zone', 'created_at', 'password_changed_at', 'closed_at', 'team', 'email_notifications'])
      .where('id', '=', clientId)
      .where('role', '=', 'client')
      .executeTakeFirst(),
    db.selectFrom('intake_requests').select(['id', 'team', 'submitted_at', 'taken_at', 'first_proposed_at', 'due_at', 'answers']).where('client_id', '=', clientId).orderBy('id').execute(),
    db.selectFrom('intake_drafts').select(['answers', 'created_at', 'updated_at']).where('client_id', '=', clientId).execute(),
    db
      .selectFrom('appointments')
      .leftJoin('accounts as agent', 'agent.id', 'appointments.agent_id')
      .select([
        'appointments.id',
        'appointments.kind',
        'appointments.starts_at',
        'appointments.ends_at',
        'appointments.mode',
        'appointments.phone_number',
        'appointments.video_link',
        'appointments.address',
        'appointments.status',
        'appointments.cancelled_at',
        'appointments.cancel_reason_code',
        'appointments.cancel_comment',
        'appointments.cancel_availability',
        // The agent's words to the person about the last change (« Déplacé à votre demande »).
        'appointments.change_note',
        'appointments.created_at',
        'appointments.updated_at',
        'agent.display_name as agent_name',
      ])
      .where('appointments.client_id', '=', clientId)
      .orderBy('appointments.starts_at')
      .execute(),
    db.selectFrom('plans').select(['id', 'status', 'published_at', 'created_at']).where('client_id', '=', clientId).where('status', '=', 'publie').execute(),
    db
      .selectFrom('plan_notes')
      .leftJoin('accounts as author', 'author.id', 'plan_notes.author_id')
      .select(['plan_notes.id', 'plan_notes.action_id', 'plan_notes.body', 'plan_notes.created_at', 'plan_notes.updated_at', 'author.display_name as author_name'])
      .where('plan_notes.client_id', '=', clientId)
      .where('plan_notes.visibility', '=', 'client')
      .orderBy('plan_notes.id')
      .execute(),
    db.selectFrom('messages').select(['id', 'subject_fr', 'subject_en', 'body_fr', 'body_en', 'created_at', 'read_at']).where('client_id', '=', clientId).orderBy('id').execute(),
    db
      .selectFrom('mail_outbox')
      .select(['id', 'subject', 'created_at', 'status', 'sent_at'])
      .where('to_address', 'in', db.selectFrom('accounts').select('email').where('id', '=', clientId))
      .orderBy('id')
      .execute(),
    db.selectFrom('message_replies').select(['id', 'thread_id', 'body', 'created_at', 'read_at']).where('client_id', '=', clientId).orderBy('id').execute(),
  ]);
  const actions = plans.length
    ? await db
        .selectFrom('plan_actions')
        .select(['id', 'plan_id', 'domain', 'title', 'description', 'useful_info', 'status', 'completed_on', 'due_on', 'created_at', 'updated_at'])
        .where(
          'plan_id',
          'in',
          plans.map((plan) => plan.id),
        )
        .orderBy('position')
        .execute()
    : [];
  return { account, requests, drafts, appointments, plans, actions, notes, messages, replies, mails };
}

/** Who on staff opened the client's file, and when (audit lines `client.file_viewed`). */
export async function findFileViews(db: Db, clientId: number) {
  return db
    .selectFrom('audit_log')
    .innerJoin('accounts as staff', 'staff.id', 'audit_log.actor_id')
    .select(['audit_log.at', 'staff.display_name', 'staff.role as staff_role'])
    .where('audit_log.subject_type', '=', 'client_file')
    .where('audit_log.subject_id', '=', String(clientId))
    .where('audit_log.action', '=', 'client.file_viewed')
    .orderBy('audit_log.id', 'desc')
    .limit(500)
    .execute();
}

/**
 * The person's connected devices: the browser sessions open now and the app's API tokens (their
 * names and dates; never a token or its hash, which would be a key rather than a fact).
 */
export async function findDevices(db: Db, accountId: number) {
  const [sessions, apiTokens] = await Promise.all([
    db.selectFrom('sessions').select(['created_at', 'last_seen_at', 'expires_at']).where('account_id', '=', accountId).orderBy('created_at').execute(),
    db.selectFrom('api_tokens').select(['label', 'created_at', 'last_used_at', 'expires_at', 'revoked_at']).where('account_id', '=', accountId).orderBy('id').execute(),
  ]);
  return { sessions, apiTokens };
}

/**
 * The person's sign-in history from the audit log: sign-ins, failed tries, sign-outs, password and
 * second-factor events on their account, with the address each came from; newest first.
 */
export async function findSignInHistory(db: Db, accountId: number) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'action', 'ip'])
    .where('action', 'like', 'auth.%')
    .where((eb) => eb.or([eb('actor_id', '=', accountId), eb.and([eb('subject_type', '=', 'account'), eb('subject_id', '=', String(accountId))])]))
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}

/** The earlier texts of the notes the person may read (never of internal notes), newest first. */
export async function findNoteRevisions(db: Db, clientId: number) {
  return db
    .selectFrom('plan_note_revisions')
    .innerJoin('plan_notes', 'plan_notes.id', 'plan_note_revisions.note_id')
    .leftJoin('accounts as editor', 'editor.id', 'plan_note_revisions.edited_by')
    .select(['plan_note_revisions.note_id', 'plan_note_revisions.body', 'plan_note_revisions.edited_at', 'editor.display_name as edited_by'])
    .where('plan_notes.client_id', '=', clientId)
    .where('plan_notes.visibility', '=', 'client')
    .orderBy('plan_note_revisions.edited_at', 'desc')
    .orderBy('plan_note_revisions.id', 'desc')
    .execute();
}
