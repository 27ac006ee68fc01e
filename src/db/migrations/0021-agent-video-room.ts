import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // An agent's own video meeting room (a https:// link): a video appointment that moves to another
  // agent when a client is reassigned takes that agent's room. Null when the agent has none (the
  // appointment is then cancelled and re-proposed instead of moved). Accounts already move their
  // pages' versions on update (0013).
  await db.schema.alterTable('accounts').addColumn('video_room', 'text').execute();
  // The reason given when the service cancels an appointment because the client's agent changed:
  // inactive, so that a client never picks it from the list.
  await db
    .insertInto('cancellation_reasons')
    .values({ code: 'changement_agent', label_fr: "Changement d'agente ou d'agent d'aide à l'intégration", label_en: 'Change of integration agent', active: 0, sort_order: 95 })
    .execute();
}
