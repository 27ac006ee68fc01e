import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { auditActionLabel } from '../../platform/audit/audit-labels';
import type { MessageKey } from '../../platform/i18n/catalog';
import type { Translate } from '../../platform/i18n/translate';
import { referralDisclosures } from '../referrals/referral-disclosures.service';
import { findDevices, findFileViews, findNoteRevisions, findPersonalData, findSignInHistory } from './data-export.repository';
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

/** The parts of the export, in its order; each is named in the person's language in `sections`. */
const SECTIONS = ['account', 'connectedDevices', 'signInHistory', 'requests', 'requestDraft', 'appointments', 'plans', 'notes', 'noteRevisions', 'messages', 'messageReplies', 'emails', 'fileViews', 'referrals'] as const;

/**
 * « Télécharger mes données » (Loi 25, right of access): everything the service holds on the
 * person, as one JSON document — except the agents' internal notes, working notes the law
 * allows to withhold. Only the person's own rows; the download is audited. The keys are the
 * same in every language; `sections` says in the person's language what each part holds, and
 * the sign-in history names each event as the audit journal does.
 */
export async function exportPersonalData(db: Db, actor: Actor, clock: Clock, t: Translate): Promise<Record<string, unknown>> {
  if (!mayReadOwnData(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const data = await findPersonalData(db, actor.id);
  if (!data.account) throw new NotFoundError('CLIENT.NOT_FOUND');
  const [devices, signIns, noteRevisions] = await Promise.all([findDevices(db, actor.id), findSignInHistory(db, actor.id), findNoteRevisions(db, actor.id)]);
  const at = clock().toISOString();
  await recordAudit(db, { at, actorId: actor.id, action: 'client.data_exported', subjectType: 'account', subjectId: actor.id, clientId: actor.id, ip: actor.ip ?? null });
  return {
    generatedAt: at,
    sections: Object.fromEntries(SECTIONS.map((key) => [key, t(`documents.export.${key}` as MessageKey)])),
    excluded: ['internal notes of the agents (working notes)', 'plans not yet published', 'password and security tokens (stored only as hashes)'],
    account: { ...data.account, email_notifications: data.account.email_notifications === 1 },
    connectedDevices: {
      browserSessions: devices.sessions,
      apps: devices.apiTokens,
    },
    signInHistory: signIns.map((line) => ({ at: line.at, event: auditActionLabel(t, line.action), action: line.action, ip: line.ip })),
    requests: data.requests.map((request) => ({ ...request, answers: parse(request.answers) })),
    requestDraft: data.drafts.map((draft) => ({ ...draft, answers: parse(draft.answers) }))[0] ?? null,
    appointments: data.appointments,
    plans: data.plans.map((plan) => ({ ...plan, actions: data.actions.filter((action) => action.plan_id === plan.id) })),
    notes: data.notes,
    // The earlier texts of those notes, kept when the agent edited them (note_id: the note).
    noteRevisions,
    messages: data.messages,
    // The person's replies in their conversations (thread_id: the conversation's first message).
    messageReplies: data.replies,
    emails: data.mails,
    fileViews: (await fileViewsOf(db, actor)).map((view) => ({ at: view.at, staff: view.staffName, role: view.staffRole })),
    // Every communication to a partner organization, with its consent (issue 22).
    referrals: await referralDisclosures(db, actor, t),
  };
}
