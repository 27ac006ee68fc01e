import type { Db } from '../../db/types';

export interface AuditRecord {
  at: string;
  actorId: number | null;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  ip?: string | null;
  details?: Record<string, unknown>;
  /** The client whose file this line belongs to (the file's timeline). */
  clientId?: number | null;
}

/** Appends one line to the audit log; called inside the transaction of the change it records. */
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: record.at,
      actor_id: record.actorId,
      action: record.action,
      subject_type: record.subjectType ?? null,
      subject_id: record.subjectId === undefined ? null : String(record.subjectId),
      ip: record.ip ?? null,
      details: record.details ? JSON.stringify(record.details) : null,
      client_id: record.clientId ?? null,
    })
    .execute();
}

/** Whether this person already has a line of this action on this subject at or after `since`. */
export async function hasAuditSince(db: Db, line: { actorId: number; action: string; subjectType: string; subjectId: string | number }, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('subject_type', '=', line.subjectType)
    .where('subject_id', '=', String(line.subjectId))
    .where('action', '=', line.action)
    .where('actor_id', '=', line.actorId)
    .where('at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findAuditBySubject(db: Db, subjectType: string, subjectId: string | number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', String(subjectId))
    .orderBy('id')
    .execute();
}

export async function findAuditByAction(db: Db, action: string) {
  return db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

/** The lines of one client's file, newest first: the timeline the agent reads. */
export async function findAuditOfClient(db: Db, clientId: number, limit = 100) {
  return db.selectFrom('audit_log').selectAll().where('client_id', '=', clientId).orderBy('id', 'desc').limit(limit).execute();
}
