import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { findFileViews, findPersonalData } from './data-export.repository';
import { mayReadOwnData } from './portal.policy';

export interface FileView {
  at: string;
  staffName: string;
  /** The role of the staff member who opened it (data shown and exported, not a permission). */
  staffRole: string;
}

/** Who on staff opened the person's file, newest first (for « Mes documents » and the export). */
export async function fileViewsOf(db: Db, actor: Actor): Promise<FileView[]> {
  if (!mayReadOwnData(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const rows = await findFileViews(db, actor.id);
  return rows.map((row) => ({ at: row.at, staffName: row.display_name, staffRole: row.staff_role }));
}

const parse = (json: string | null): unknown => {
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
};

/**
 * « Télécharger mes données » (Loi 25, right of access): everything the service holds on the
 * person, as one JSON document — except the agents' internal notes, working notes the law
 * allows to withhold. Only the person's own rows; the download is audited.
 */
export async function exportPersonalData(db: Db, actor: Actor, clock: Clock): Promise<Record<string, unknown>> {
  if (!mayReadOwnData(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const data = await findPersonalData(db, actor.id);
  if (!data.account) throw new NotFoundError('CLIENT.NOT_FOUND');
  const at = clock().toISOString();
  await recordAudit(db, { at, actorId: actor.id, action: 'client.data_exported', subjectType: 'account', subjectId: actor.id, clientId: actor.id, ip: actor.ip ?? null });
  return {
    generatedAt: at,
    excluded: ['internal notes of the agents (working notes)', 'plans not yet published', 'password and security tokens (stored only as hashes)'],
    account: { ...data.account, email_notifications: data.account.email_notifications === 1 },
    requests: data.requests.map((request) => ({ ...request, answers: parse(request.answers) })),
    requestDraft: data.drafts.map((draft) => ({ ...draft, answers: parse(draft.answers) }))[0] ?? null,
    appointments: data.appointments,
    plans: data.plans.map((plan) => ({ ...plan, actions: data.actions.filter((action) => action.plan_id === plan.id) })),
    notes: data.notes,
    messages: data.messages,
    // The person's replies in their conversations (thread_id: the conversation's first message).
    messageReplies: data.replies,
    emails: data.mails,
    fileViews: (await fileViewsOf(db, actor)).map((view) => ({ at: view.at, staff: view.staffName, role: view.staffRole })),
  };
}
