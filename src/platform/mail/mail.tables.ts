import type { Generated, Insertable, Selectable } from 'kysely';

/** One e-mail waiting in (or delivered from) the transactional outbox. */
export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  /** The same mail as simple HTML (escaped when composed), or null: plain text only. */
  body_html: string | null;
  /** An iCalendar file sent as the invitation (text/calendar alternative and .ics attachment), or null. */
  calendar_ics: string | null;
  /** Its iTIP method: REQUEST (new or changed), CANCEL (cancelled). */
  calendar_method: 'REQUEST' | 'CANCEL' | null;
  locale: 'fr' | 'en';
  dedupe_key: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** Tables of the mail outbox. */
export interface MailTables {
  mail_outbox: MailOutboxTable;
}

export type OutboxMail = Selectable<MailOutboxTable>;
export type NewOutboxMail = Insertable<MailOutboxTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends MailTables {}
}
