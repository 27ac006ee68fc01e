import type { Db } from '../../db/types';
import type { OutboxMail } from './mail.tables';
import { findOutboxMail, listOutbox } from './outbox.repository';

/** The most recent mail of the outbox, newest first, for the development page. */
export function recentOutboxMail(db: Db, limit = 100): Promise<OutboxMail[]> {
  return listOutbox(db, limit);
}

/** One mail of the outbox (its calendar file, for the development page). */
export function outboxMail(db: Db, id: number): Promise<OutboxMail | undefined> {
  return findOutboxMail(db, id);
}
