/** Tables of the mail outbox. */
export interface MailTables {}
