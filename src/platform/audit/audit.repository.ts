import type { Db } from '../../db/types';
import type { AuditAction, AuditDetails } from './audit-actions';

/** The details of an action: required when it has some, absent when it has none (audit-actions.ts). */
type DetailsOf<A extends AuditAction> = undefined extends AuditDetails[A] ? { details?: AuditDetails[A] } : { details: AuditDetails[A] };

export type AuditRecord<A extends AuditAction = AuditAction> = {
  at: string;
  actorId: number | null;
  action: A;
  subjectType?: string;
  subjectId?: string | number;
  ip?: string | null;
  /** The client whose file this line belongs to (the file's timeline). */
  clientId?: number | null;
} & DetailsOf<A>;

/**
 * Appends one line to the audit log; called inside the transaction of the change it records. The
 * action is one of the closed union and its details the shape that action stores.
 */
export async function recordAudit<A extends AuditAction>(db: Db, record: AuditRecord<A>): Promise<void> {
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
export async function hasAuditSince(db: Db, line: { actorId: number; action: AuditAction; subjectType: string; subjectId: string | number }, since: string): Promise<boolean> {
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

/** How many lines of this action on this subject since `since` (to cap what one subject can trigger). */
export async function countAuditSince(db: Db, line: { action: AuditAction; subjectType: string; subjectId: string | number }, since: string): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subject_type', '=', line.subjectType)
    .where('subject_id', '=', String(line.subjectId))
    .where('action', '=', line.action)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findAuditBySubject(db: Db, subjectType: string, subjectId: string | number) {
  return db.selectFrom('audit_log').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', String(subjectId)).orderBy('id').execute();
}

export async function findAuditByAction(db: Db, action: AuditAction) {
  return db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

/** The lines of one client's file, newest first: the timeline the agent reads. */
export async function findAuditOfClient(db: Db, clientId: number, limit = 100) {
  return db.selectFrom('audit_log').selectAll().where('client_id', '=', clientId).orderBy('id', 'desc').limit(limit).execute();
}
