import type { Db } from '../../db/types';
import type { Clock } from '../../platform/clock';
import { insertPartner } from './partner.repository';

/** Fictional partner organizations across Montréal, Québec City and Sherbrooke (demo data only). */
const PARTNERS = [
  {
    name: "Carrefour d'accueil Montréal-Centre",
    regions: ['Montréal'],
    domains: ['INSTALLATION', 'EMPLOI'],
    services_fr: "Recherche de logement, ouverture d'un compte bancaire, ateliers sur le marché du travail.",
    services_en: 'Housing search, opening a bank account, job-market workshops.',
    languages: ['fr', 'en', 'es'],
    email: 'accueil@carrefour-montreal.example.org',
    phone: '514 555-0140',
    address: '1200, rue Sainte-Catherine Ouest, Montréal',
  },
  {
    name: 'Francisation Capitale',
    regions: ['Capitale-Nationale'],
    domains: ['FRANCISATION'],
    services_fr: 'Cours de français à temps plein et à temps partiel, jumelage linguistique.',
    services_en: 'Full-time and part-time French courses, language pairing.',
    languages: ['fr', 'en', 'ar'],
    email: 'inscriptions@francisation-capitale.example.org',
    phone: '418 555-0175',
    address: '45, rue Saint-Jean, Québec',
  },
  {
    name: 'Francisation Montréal-Nord',
    regions: ['Montréal', 'Laval'],
    domains: ['FRANCISATION', 'VIE_COLLECTIVE'],
    services_fr: 'Cours de français du soir, conversation, activités de quartier.',
    services_en: 'Evening French courses, conversation groups, neighbourhood activities.',
    languages: ['fr', 'es', 'ar'],
    email: 'cours@francisation-mtl-nord.example.org',
    phone: '514 555-0188',
    address: '10500, boulevard Pie-IX, Montréal',
  },
  {
    name: 'Emploi Nouveaux Arrivants Estrie',
    regions: ['Estrie'],
    domains: ['EMPLOI'],
    services_fr: 'Reconnaissance des diplômes, curriculum vitæ, stages en entreprise.',
    services_en: 'Credential recognition, résumés, internships.',
    languages: ['fr', 'en', 'es'],
    email: 'emploi@ena-estrie.example.org',
    phone: '819 555-0123',
    address: '150, rue King Ouest, Sherbrooke',
  },
  {
    name: 'Familles du monde Sherbrooke',
    regions: ['Estrie'],
    domains: ['VIE_COLLECTIVE', 'INSTALLATION'],
    services_fr: 'Accompagnement des familles, inscription scolaire, halte-garderie.',
    services_en: 'Family support, school registration, drop-in daycare.',
    languages: ['fr', 'ar'],
    email: 'familles@fdm-sherbrooke.example.org',
    phone: null,
    address: null,
  },
];

export async function seedPartners(db: Db, clock: Clock): Promise<void> {
  const at = clock().toISOString();
  for (const p of PARTNERS) {
    await insertPartner(db, { ...p, regions: JSON.stringify(p.regions), domains: JSON.stringify(p.domains), languages: JSON.stringify(p.languages), created_at: at, updated_at: at });
  }
}
