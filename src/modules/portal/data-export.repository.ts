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
        'appointments.created_at',
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
