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
}

/** Tables of the message centre. */
export interface MessageTables {
  messages: MessageTable;
}

export type Message = Selectable<MessageTable>;
export type NewMessage = Insertable<MessageTable>;
