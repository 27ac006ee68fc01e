import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { findAuditOfClient } from '../../platform/audit/audit.repository';
import { recordFileView } from '../../platform/audit/file-view';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { type ClientIdentity, displayNames, getClient } from '../accounts/directory.service';
import { type StaffAppointmentItem, listStaffAppointments } from '../appointments/appointment-outcome.service';
import { type OpenReproposal, openReproposals, type Tab } from '../appointments/appointment.service';
import { type ConversationSummary, listConversations } from '../messages/conversation.service';
import { type IntakeRequest, requestOfClient } from '../requests/request.service';
import { hasWorkspace } from './workspace.policy';

export interface TimelineEntry {
  at: string;
  action: string;
  actorName: string | null;
  /** The manager's note when the file was reassigned. */
  note?: string;
}

export interface ClientFile {
  client: ClientIdentity;
  request: IntakeRequest | undefined;
  tab: Tab;
  /** « Planifié » holds the appointments awaiting their outcome too, first (listStaffAppointments). */
  appointments: StaffAppointmentItem[];
  /** The client cancelled and waits for a new proposal (due date and « Vos disponibilités »). */
  reproposal?: OpenReproposal;
  /** The conversations of the message centre, the most recently active first. */
  messages: ConversationSummary[];
  timeline: TimelineEntry[];
}

/** How far back the file's timeline reads (newest first); older lines stay in the audit log. */
export const TIMELINE_LENGTH = 50;

/**
 * The client's file as staff see it: identity, request, one tab of appointments, the messages
 * sent to them and the timeline of what happened (from the audit log), newest first. Out of the
 * actor's reach → not found.
 */
export async function clientFile(db: Db, actor: Actor, input: { clientId: number; tab: Tab }, clock: Clock): Promise<ClientFile> {
  if (!hasWorkspace(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const client = await getClient(db, actor, input.clientId);
  await recordFileView(db, actor, client.id, clock);
  const [request, appointments, reproposals, messages, audit] = await Promise.all([
    requestOfClient(db, client.id),
    listStaffAppointments(db, actor, { clientId: client.id, tab: input.tab }, clock),
    openReproposals(db, actor, { clientId: client.id }),
    listConversations(db, actor, { clientId: client.id }),
    findAuditOfClient(db, client.id, TIMELINE_LENGTH),
  ]);
  const names = await displayNames(
    db,
    audit.map((line) => line.actor_id).filter((id): id is number => id !== null),
  );
  const timeline = audit.map((line) => ({ at: line.at, action: line.action, actorName: line.actor_id === null ? null : (names.get(line.actor_id) ?? null), note: noteOf(line.action, line.details) }));
  return { client, request, tab: input.tab, appointments, reproposal: reproposals[0], messages, timeline };
}

/** The note a manager wrote when reassigning the file (the only audit detail shown on the timeline). */
function noteOf(action: string, details: string | null): string | undefined {
  if (action !== 'client.reassigned' || !details) return undefined;
  try {
    const note = (JSON.parse(details) as { note?: unknown }).note;
    return typeof note === 'string' && note ? note : undefined;
  } catch {
    return undefined;
  }
}
