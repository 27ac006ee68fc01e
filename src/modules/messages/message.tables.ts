import type { Generated, Insertable, Selectable } from 'kysely';

/** A message of the client's message centre, kept in both languages. */
export interface MessageTable {
  id: Generated<number>;
  client_id: number;
  subject_fr: string;
  subject_en: string;
  body_fr: string;
  body_en: string;
  read_at: string | null;
  created_at: string;
  dedupe_key: string;
  /** The conversation's first message; null when this message opens one. */
  thread_id: number | null;
  /** The staff member who wrote it; null for the service's automatic messages. */
  author_id: number | null;
}

/** A client's answer in a conversation, addressed to their agent (never a message of their own centre). */
export interface MessageReplyTable {
  id: Generated<number>;
  thread_id: number;
  client_id: number;
  /** The client's agent when the reply was written. */
  agent_id: number | null;
  body: string;
  created_at: string;
  dedupe_key: string;
  read_at: string | null;
  read_by: number | null;
}

/** Tables of the message centre. */
export interface MessageTables {
  messages: MessageTable;
  message_replies: MessageReplyTable;
}

export type Message = Selectable<MessageTable>;
export type NewMessage = Insertable<MessageTable>;
export type MessageReply = Selectable<MessageReplyTable>;
export type NewMessageReply = Insertable<MessageReplyTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends MessageTables {}
}
