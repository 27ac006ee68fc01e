import { DateTime } from 'luxon';
import type { DemoAccounts } from '../../db/seed/demo-accounts';
import type { Db } from '../../db/types';
import type { Clock } from '../../platform/clock';
import type { DomainCode } from './domains';
import { insertAction, insertNote, insertPlan } from './plan.repository';
import { QUEBEC_ZONE } from '../../platform/business-time/quebec-time';

interface SeedAction {
  domain: DomainCode;
  title: string;
  description: string;
  usefulInfo?: string;
  /** Days before today (Québec) the client marked it done; absent while to do. */
  doneDaysAgo?: number;
}

// Written by the agent in French, as agents write them; only the UI labels are translated.
const JOHN_ACTIONS: SeedAction[] = [
  {
    domain: 'INSTALLATION',
    title: 'Obtenir la carte d’assurance maladie',
    description: 'Inscrivez-vous à la Régie de l’assurance maladie du Québec (RAMQ) et obtenez votre carte.',
    usefulInfo: 'Les démarches et les documents à fournir : https://www.ramq.gouv.qc.ca/fr/citoyens/assurance-maladie/sinscrire',
    doneDaysAgo: 20,
  },
  {
    domain: 'INSTALLATION',
    title: 'Obtenir un numéro d’assurance sociale',
    description: 'Le numéro d’assurance sociale (NAS) est nécessaire pour travailler au Canada et recevoir des prestations.',
    usefulInfo: 'Service Canada : https://www.canada.ca/fr/emploi-developpement-social/services/numero-assurance-sociale.html',
  },
  { domain: 'INSTALLATION', title: 'Ouvrir un compte bancaire', description: 'Choisissez une institution financière et ouvrez un compte pour recevoir votre salaire et payer vos factures.' },
  {
    domain: 'INSTALLATION',
    title: 'Trouver un logement permanent',
    description: 'Consultez les annonces et informez-vous sur vos droits de locataire avant de signer un bail.',
    usefulInfo: 'Tribunal administratif du logement : https://www.tal.gouv.qc.ca\n\nConseil : visitez le logement avant de signer.',
  },
  { domain: 'VIE_COLLECTIVE', title: 'Suivre la session Objectif Intégration', description: 'Objectif Intégration vous aidera à vous préparer aux enjeux liés à votre intégration au Québec et au monde du travail.' },
  {
    domain: 'VIE_COLLECTIVE',
    title: 'Participer à une activité de jumelage interculturel',
    description: 'Le jumelage vous permet de rencontrer une personne de la société d’accueil et de créer des liens.',
    doneDaysAgo: 6,
  },
  {
    domain: 'VIE_COLLECTIVE',
    title: 'S’inscrire à la bibliothèque de quartier',
    description: 'L’abonnement est gratuit et donne accès à des livres, à des activités et à Internet.',
    usefulInfo: 'Bibliothèques de Montréal : https://montreal.ca/bibliotheques',
  },
  {
    domain: 'FRANCISATION',
    title: 'S’inscrire à un cours de français',
    description: 'Francisation Québec offre des cours de français gratuits, à temps plein ou à temps partiel.',
    usefulInfo: 'Inscription : https://www.quebec.ca/education/apprendre-le-francais',
    doneDaysAgo: 14,
  },
  { domain: 'FRANCISATION', title: 'Évaluer votre niveau de français', description: 'Une évaluation permet de vous orienter vers le cours qui correspond à votre niveau.' },
  { domain: 'FRANCISATION', title: 'Pratiquer le français dans un groupe de conversation', description: 'Les groupes de conversation permettent de pratiquer le français dans un cadre détendu.' },
  {
    domain: 'EMPLOI',
    title: 'Rédiger un curriculum vitæ adapté au Québec',
    description: 'Adaptez votre CV aux usages du marché du travail québécois.',
    usefulInfo: 'Guide : https://www.quebec.ca/emploi/trouver-un-emploi/rediger-cv',
  },
  {
    domain: 'EMPLOI',
    title: 'Faire reconnaître vos diplômes',
    description: 'Demandez une évaluation comparative des études effectuées hors du Québec.',
    usefulInfo: 'Évaluation comparative : https://www.quebec.ca/education/etudier-quebec/reconnaissance-competences-etudes-hors-quebec',
  },
  { domain: 'EMPLOI', title: 'Rencontrer une conseillère ou un conseiller de Services Québec', description: 'Un conseiller pourra vous orienter vers les services d’aide à l’emploi de votre région.' },
  {
    domain: 'DEMARCHE_IMMIGRATION',
    title: 'Conserver une copie de vos documents d’immigration',
    description: 'Gardez en lieu sûr une copie de votre confirmation de résidence permanente et de vos autres documents.',
    doneDaysAgo: 25,
  },
  { domain: 'DEMARCHE_IMMIGRATION', title: 'Recevoir votre carte de résident permanent', description: 'Vérifiez que votre adresse au Canada est à jour pour recevoir votre carte.' },
  {
    domain: 'DEMARCHE_IMMIGRATION',
    title: 'Vous informer sur la citoyenneté canadienne',
    description: 'Renseignez-vous sur les conditions de présence physique et les étapes pour demander la citoyenneté.',
    usefulInfo: 'Immigration, Réfugiés et Citoyenneté Canada : https://www.canada.ca/fr/immigration-refugies-citoyennete/services/citoyennete-canadienne.html',
  },
];

export const WELCOME_NOTE =
  "Bienvenue. Votre plan d'action individualisé vous permettra de suivre les actions sélectionnées par votre agente ou agent d'aide à l'intégration. " +
  "Consultez chaque action, ses informations utiles et mes notes, puis appuyez sur « J'ai terminé » lorsque vous l'avez réalisée. " +
  "N'hésitez pas à m'écrire ou à m'appeler si vous avez des questions.";

export const OBJECTIF_INTEGRATION_NOTE =
  "Il est important que vous suiviez la session 'Objectif Intégration' dès que possible. Cela vous permettra de vous intégrer plus rapidement à la société québécoise et vous permettra de mieux comprendre le Québec.";

/**
 * The plans of the demo (README « Demo accounts »): John Doe's published plan (agent Marie) in all five
 * domains, with file and action notes, some of them internal; no plan for Jane Roe; a draft for
 * Amina Diallo (Luc Gagnon's client), which she must not see. Times are relative to the clock.
 */
export async function seedPlans(db: Db, accounts: DemoAccounts, clock: Clock): Promise<void> {
  const today = DateTime.fromJSDate(clock(), { zone: QUEBEC_ZONE }).startOf('day');
  const at = (daysAgo: number, hour: number, minute: number) => today.minus({ days: daysAgo }).set({ hour, minute }).toUTC().toISO() ?? '';
  const { john, marie, amina, luc } = accounts;

  const published = at(30, 14, 5);
  const plan = await insertPlan(db, { client_id: john.id, agent_id: marie.id, status: 'publie', published_at: published, published_by: marie.id, created_at: at(31, 16, 31) });
  const positions = new Map<DomainCode, number>();
  const ids = new Map<string, number>();
  for (const item of JOHN_ACTIONS) {
    const position = (positions.get(item.domain) ?? 0) + 1;
    positions.set(item.domain, position);
    const done = item.doneDaysAgo !== undefined;
    const action = await insertAction(db, {
      plan_id: plan.id,
      domain: item.domain,
      title: item.title,
      description: item.description,
      useful_info: item.usefulInfo ?? '',
      status: done ? 'completee' : 'a_faire',
      completed_on: done ? (today.minus({ days: item.doneDaysAgo }).toISODate() ?? null) : null,
      position,
      version: done ? 2 : 1,
      created_at: published,
      updated_at: done ? at(item.doneDaysAgo ?? 0, 19, 0) : published,
    });
    ids.set(item.title, action.id);
  }

  const note = (fields: { body: string; at: string; actionTitle?: string; visibility?: 'client' | 'interne' }) =>
    insertNote(db, {
      client_id: john.id,
      action_id: fields.actionTitle ? (ids.get(fields.actionTitle) ?? null) : null,
      author_id: marie.id,
      visibility: fields.visibility ?? 'client',
      body: fields.body,
      created_at: fields.at,
    });
  await note({ body: WELCOME_NOTE, at: at(30, 16, 31) });
  await note({
    body: 'Suite à notre rendez-vous de suivi : bravo pour votre inscription au cours de français ! Pensez à apporter votre preuve de résidence lors de votre première journée de cours.',
    at: at(12, 10, 15),
  });
  await note({ body: OBJECTIF_INTEGRATION_NOTE, at: at(29, 10, 48), actionTitle: 'Suivre la session Objectif Intégration' });
  await note({
    body: 'Prenez rendez-vous dès maintenant : les délais peuvent être de quelques semaines. Apportez vos diplômes originaux et leur traduction.',
    at: at(28, 9, 30),
    actionTitle: 'Faire reconnaître vos diplômes',
  });
  // Internal notes: for agents only, they must never reach John by any route.
  await note({ body: 'NOTE INTERNE — Client anxieux au sujet de son statut ; prévoir un suivi téléphonique rapproché.', at: at(30, 16, 45), visibility: 'interne' });
  await note({
    body: 'NOTE INTERNE — Vérifier avec Services Québec l’admissibilité à la subvention salariale avant le prochain rendez-vous.',
    at: at(10, 11, 0),
    actionTitle: 'Rencontrer une conseillère ou un conseiller de Services Québec',
    visibility: 'interne',
  });

  // Amina's plan is still a draft: Luc is building it, and she sees the 3.1 screen.
  const draft = await insertPlan(db, { client_id: amina.id, agent_id: luc.id, status: 'brouillon', published_at: null, published_by: null, created_at: at(2, 9, 0) });
  const draftAction = await insertAction(db, {
    plan_id: draft.id,
    domain: 'FRANCISATION',
    title: 'S’inscrire à un cours de français à temps partiel',
    description: 'Brouillon : à confirmer avec la cliente lors du prochain rendez-vous.',
    useful_info: '',
    status: 'a_faire',
    completed_on: null,
    position: 1,
    version: 1,
    created_at: at(2, 9, 0),
    updated_at: at(2, 9, 0),
  });
  await insertNote(db, { client_id: amina.id, action_id: null, author_id: luc.id, visibility: 'client', body: 'Brouillon de note de bienvenue, pas encore publiée.', created_at: at(2, 9, 5) });
  await insertNote(db, { client_id: amina.id, action_id: draftAction.id, author_id: luc.id, visibility: 'client', body: 'Brouillon de note sur l’action.', created_at: at(2, 9, 10) });
}
