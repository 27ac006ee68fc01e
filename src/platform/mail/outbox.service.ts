import type { Db } from '../../db/types';
import type { OutboxMail } from './mail.tables';
import { listOutbox } from './outbox.repository';

/** The most recent mail of the outbox, newest first, for the development page. */
export function recentOutboxMail(db: Db, limit = 100): Promise<OutboxMail[]> {
  return listOutbox(db, limit);
}
