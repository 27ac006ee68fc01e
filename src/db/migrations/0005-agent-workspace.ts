import type { Kysely } from 'kysely';
import { checkIn, withId } from './schema-helpers';

// The codes of src/modules/plans/domains.ts, copied: a migration is frozen once landed.
const DOMAINS = ['INSTALLATION', 'VIE_COLLECTIVE', 'FRANCISATION', 'EMPLOI', 'DEMARCHE_IMMIGRATION'];

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Agents work in teams; an unassigned request is offered to the agents of its team.
  await db.schema.alterTable('accounts').addColumn('team', 'text').execute();
  // Bumped at the start of every scheduling transaction of the agent and of the client: the
  // UPDATE takes the row lock (PostgreSQL) or the write lock (SQLite) first, so two proposals
  // for one person are checked for overlap one after the other, never side by side.
  await db.schema
    .alterTable('accounts')
    .addColumn('schedule_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // « Mes clients »: an agent's caseload in name order, read from the index alone at 100k clients.
  await db.schema.createIndex('accounts_agent_name_idx').on('accounts').columns(['agent_id', 'display_name', 'id']).execute();
  // The queue's open re-proposals, found per client of the caseload.
  await db.schema.createIndex('agent_tasks_client_idx').on('agent_tasks').columns(['client_id', 'done_at']).execute();

  // The request that makes a person a client (the intake issue fills in its questions).
  await withId(db, db.schema.createTable('intake_requests'))
    .addColumn('client_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'integer', (c) => c.references('accounts.id'))
    .addColumn('taken_at', 'text')
    // Set when the first appointment is proposed: the 24-business-hour promise is then kept.
    .addColumn('first_proposed_at', 'text')
    .execute();
  await db.schema.createIndex('intake_requests_client_idx').on('intake_requests').column('client_id').execute();
  await db.schema.createIndex('intake_requests_open_idx').on('intake_requests').columns(['first_proposed_at', 'team']).execute();

  // The catalogue of common plan actions, by domain, in both languages.
  await withId(db, db.schema.createTable('action_catalogue'))
    .addColumn('domain', 'text', (c) => c.notNull().check(checkIn('domain', DOMAINS)))
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('default_duration_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('action_catalogue')
    .values(CATALOGUE.map((entry, index) => ({ ...entry, active: 1, sort_order: (index + 1) * 10 })))
    .execute();

  // « Date de fin » the agent plans for an action (completed_on stays the day the client finished it).
  await db.schema.alterTable('plan_actions').addColumn('due_on', 'text').execute();
  await db.schema
    .alterTable('plan_actions')
    .addColumn('catalogue_id', 'integer', (c) => c.references('action_catalogue.id'))
    .execute();
  await db.schema.alterTable('plans').addColumn('updated_at', 'text').execute();

  // Notes keep their history: an edit stores the earlier text here.
  await db.schema.alterTable('plan_notes').addColumn('updated_at', 'text').execute();
  await db.schema
    .alterTable('plan_notes')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await withId(db, db.schema.createTable('plan_note_revisions'))
    .addColumn('note_id', 'integer', (c) => c.notNull().references('plan_notes.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_note_revisions_note_idx').on('plan_note_revisions').column('note_id').execute();

  // Outcome and agent changes of appointments.
  await db.schema.alterTable('appointments').addColumn('outcome_recorded_at', 'text').execute();
  await db.schema
    .alterTable('appointments')
    .addColumn('outcome_recorded_by', 'integer', (c) => c.references('accounts.id'))
    .execute();
  // Why the agent changed it, shown to the client with the change.
  await db.schema.alterTable('appointments').addColumn('change_note', 'text').execute();

  // The client a line of the audit log is about: the file's timeline reads it by this column.
  await db.schema.alterTable('audit_log').addColumn('client_id', 'integer').execute();
  await db.schema.createIndex('audit_log_client_idx').on('audit_log').columns(['client_id', 'id']).execute();
}

const CATALOGUE = [
  {
    domain: 'INSTALLATION',
    title_fr: 'Ouvrir un compte bancaire',
    title_en: 'Open a bank account',
    description_fr: 'Choisir une institution financière et ouvrir un compte.',
    description_en: 'Choose a financial institution and open an account.',
    default_duration_days: 14,
  },
  {
    domain: 'INSTALLATION',
    title_fr: "S'inscrire à la RAMQ",
    title_en: 'Register with the RAMQ',
    description_fr: "Demander la carte d'assurance maladie du Québec.",
    description_en: 'Apply for the Québec health insurance card.',
    default_duration_days: 30,
  },
  {
    domain: 'VIE_COLLECTIVE',
    title_fr: 'Suivre la session Objectif Intégration',
    title_en: 'Attend the Objectif Intégration session',
    description_fr: 'Session sur les valeurs démocratiques et québécoises.',
    description_en: 'Session on democratic and Québec values.',
    default_duration_days: 60,
  },
  {
    domain: 'VIE_COLLECTIVE',
    title_fr: 'Découvrir les organismes de son quartier',
    title_en: 'Discover the organizations in your neighbourhood',
    description_fr: 'Repérer un organisme communautaire près de chez soi.',
    description_en: 'Find a community organization near home.',
    default_duration_days: 30,
  },
  {
    domain: 'FRANCISATION',
    title_fr: "S'inscrire à un cours de français",
    title_en: 'Enrol in a French course',
    description_fr: 'Francisation Québec offre des cours gratuits.',
    description_en: 'Francisation Québec offers free courses.',
    default_duration_days: 30,
  },
  {
    domain: 'FRANCISATION',
    title_fr: 'Évaluer son niveau de français',
    title_en: 'Assess your French level',
    description_fr: "Passer l'évaluation du niveau de compétence.",
    description_en: 'Take the proficiency level assessment.',
    default_duration_days: 21,
  },
  {
    domain: 'EMPLOI',
    title_fr: 'Faire évaluer ses diplômes',
    title_en: 'Have your diplomas assessed',
    description_fr: "Demander l'évaluation comparative des études effectuées hors du Québec.",
    description_en: 'Apply for the comparative evaluation of studies done outside Québec.',
    default_duration_days: 90,
  },
  {
    domain: 'EMPLOI',
    title_fr: 'Rencontrer un conseiller en emploi',
    title_en: 'Meet an employment counsellor',
    description_fr: 'Prendre rendez-vous avec Services Québec.',
    description_en: 'Book an appointment with Services Québec.',
    default_duration_days: 30,
  },
  {
    domain: 'DEMARCHE_IMMIGRATION',
    title_fr: 'Préparer la demande de résidence permanente',
    title_en: 'Prepare the permanent residence application',
    description_fr: 'Rassembler les documents requis.',
    description_en: 'Gather the required documents.',
    default_duration_days: 90,
  },
  {
    domain: 'DEMARCHE_IMMIGRATION',
    title_fr: 'Renouveler son permis de travail',
    title_en: 'Renew your work permit',
    description_fr: "Présenter la demande avant l'expiration du permis.",
    description_en: 'Apply before the permit expires.',
    default_duration_days: 60,
  },
];
