import { type Kysely, sql } from 'kysely';
import { isPostgres, withId } from './schema-helpers';

/**
 * Conversations in the message centre. A message may now belong to the
 * conversation its first message opened (`messages.thread_id`, null for a first message) and
 * name the staff member who wrote it (`messages.author_id`, null for the service's automatic
 * messages). The client's answers live in `message_replies`: they never enter the client's own
 * message centre as messages (no read receipt, no e-mail to themselves), and the agent's queue
 * reads the unread ones as work.
 */

// Copied from 0013 (a migration is frozen): the rows' client and that client's current agent.
const ids = (r: string) => `${r}.client_id, (select agent_id from accounts where id = ${r}.client_id)`;
const bump = (row: string) => `update page_versions set version = version + 1 where account_id in (${ids(row)})`;

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('messages')
    .addColumn('thread_id', 'integer', (c) => c.references('messages.id').onDelete('cascade'))
    .execute();
  await db.schema
    .alterTable('messages')
    .addColumn('author_id', 'integer', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('messages_thread_idx').on('messages').columns(['thread_id', 'created_at']).execute();

  await withId(db, db.schema.createTable('message_replies'))
    // The conversation's first message.
    .addColumn('thread_id', 'integer', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('client_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // The agent the client wrote to, as it was then; the work follows the client's current agent.
    .addColumn('agent_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One reply per submitted form: a second submission of the same form adds nothing.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    // Who on staff read it, and when: that closes the « réponse à lire » work.
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'integer', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('message_replies_thread_idx').on('message_replies').columns(['thread_id', 'created_at']).execute();
  await db.schema.createIndex('message_replies_unread_idx').on('message_replies').columns(['client_id', 'read_at']).execute();

  // The client's pages and their agent's queue show replies: their versions move (ADR 0008, 0013).
  if (isPostgres(db)) {
    await sql
      .raw(`create function aq_bump_message_replies() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then ${bump('old')}; end if;
        if tg_op <> 'DELETE' then ${bump('new')}; end if;
        return null;
      end $$`)
      .execute(db);
    await sql.raw('create trigger aq_bump_message_replies after insert or update or delete on message_replies for each row execute function aq_bump_message_replies()').execute(db);
    return;
  }
  await sql.raw(`create trigger aq_bump_message_replies_insert after insert on message_replies begin ${bump('new')}; end`).execute(db);
  await sql.raw(`create trigger aq_bump_message_replies_update after update on message_replies begin ${bump('old')}; ${bump('new')}; end`).execute(db);
  await sql.raw(`create trigger aq_bump_message_replies_delete after delete on message_replies begin ${bump('old')}; end`).execute(db);
}
