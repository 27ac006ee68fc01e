import type { Generated, Insertable, Selectable } from 'kysely';

/** A community organization the agents refer clients to (« Organismes partenaires »). */
export interface PartnerTable {
  id: Generated<number>;
  name: string;
  /** JSON array of Québec region names (the request form's list). */
  regions: string;
  /** JSON array of the plan's domain codes. */
  domains: string;
  services_fr: string;
  services_en: string;
  /** JSON array of language codes (fr, en, es, ar, …). */
  languages: string;
  email: string;
  phone: string | null;
  address: string | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type ReferralStatus = 'attente_consentement' | 'consentement_refuse' | 'envoyee' | 'acceptee' | 'refusee' | 'terminee' | 'retiree';

/** A referral of a client to a partner: what is shared, why, and with what consent (Loi 25). */
export interface ReferralTable {
  id: Generated<number>;
  client_id: number;
  agent_id: number;
  partner_id: number;
  /** The plan action it was made from, if any. */
  action_id: number | null;
  /** JSON array of ReferralField codes: exactly what the client consents to share. */
  fields: string;
  /** Why, in a sentence: the purpose the consent is given for. */
  purpose: string;
  /** A note for the partner (shared only when the field `note` is). */
  partner_note: Generated<string>;
  /** JSON object field → text: what was disclosed, written once when sent; the partner sees only this. */
  disclosed: string | null;
  status: ReferralStatus;
  consent_at: string | null;
  /** `portail`: the client consented in their portal; `verbal`: the agent recorded it. */
  consent_how: 'portail' | 'verbal' | null;
  /** For a verbal consent: how it was obtained, in the agent's words. */
  consent_note: string | null;
  consent_recorded_by: number | null;
  withdrawn_at: string | null;
  sent_at: string | null;
  answered_at: string | null;
  refusal_reason: string | null;
  result: 'service_rendu' | 'service_non_rendu' | null;
  result_on: string | null;
  result_note: string | null;
  /** When the agent read the partner's result (the queue shows unread ones). */
  result_read_at: string | null;
  /** SHA-256 of the partner's link; null once it no longer opens anything. */
  link_hash: string | null;
  link_expires_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReferralTables {
  partners: PartnerTable;
  referrals: ReferralTable;
}

export type Partner = Selectable<PartnerTable>;
export type NewPartner = Insertable<PartnerTable>;
export type Referral = Selectable<ReferralTable>;
export type NewReferral = Insertable<ReferralTable>;

// This module's tables join the one database interface from here, so that src/db names no module.
declare module '../../db/database' {
  interface Database extends ReferralTables {}
}
