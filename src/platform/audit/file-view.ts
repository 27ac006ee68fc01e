import type { Db } from '../../db/types';
import type { Actor } from '../access/actor';
import type { Clock } from '../clock';
import { hasAuditSince, recordAudit } from './audit.repository';

/** A person's openings of one file within this window are one audit line. */
export const FILE_VIEW_WINDOW_MS = 15 * 60 * 1000;

/**
 * Records that someone on staff opened a client's file, for the client's « Consultations de mon
 * dossier » (Loi 25): the file's page, and each page of it reached directly (the plan, the notes,
 * an appointment, a conversation) — a bookmark or a link in the queue skips the file's page, and
 * the client must still learn who read what. Call it once the actor's reach is checked. One line
 * per person and file per quarter hour: going back and forth in a file is not a durable write (an
 * fsync) on every page, and the client still learns who opened it and when. Not on the timeline.
 */
export async function recordFileView(db: Db, actor: Actor, clientId: number, clock: Clock): Promise<void> {
  const now = clock();
  const viewed = { actorId: actor.id, action: 'client.file_viewed' as const, subjectType: 'client_file', subjectId: clientId };
  if (await hasAuditSince(db, viewed, new Date(now.getTime() - FILE_VIEW_WINDOW_MS).toISOString())) return;
  await recordAudit(db, { ...viewed, at: now.toISOString(), ip: actor.ip ?? null });
}
