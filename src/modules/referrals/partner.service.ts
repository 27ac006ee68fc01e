import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { DOMAINS } from '../plans/domains';
import { LANGUAGES, REGIONS } from '../requests/request-draft.schema';
import type { PartnerFieldCode } from './referral.errors';
import { countReferralsByPartner, findPartner, findPartners, insertPartner, updatePartner } from './partner.repository';
import { mayManagePartners, mayRefer } from './referral.policy';
import type { Partner, ReferralStatus } from './referral.tables';

export const PARTNER_TEXT_MAX = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PartnerInput {
  name: string;
  regions: string[];
  domains: string[];
  servicesFr: string;
  servicesEn: string;
  languages: string[];
  email: string;
  phone: string;
  address: string;
}

/** A partner's stored lists, read back (JSON arrays of codes). */
export function partnerLists(partner: Partner): { regions: string[]; domains: string[]; languages: string[] } {
  const read = (json: string) => {
    try {
      const value = JSON.parse(json);
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  };
  return { regions: read(partner.regions), domains: read(partner.domains), languages: read(partner.languages) };
}

/** Every partner for the manager; the active ones for an agent choosing. */
export function listPartners(db: Db, actor: Actor): Promise<Partner[]> {
  if (mayManagePartners(actor)) return findPartners(db, { activeOnly: false });
  if (mayRefer(actor)) return findPartners(db, { activeOnly: true });
  throw new NotFoundError('PARTNER.NOT_FOUND');
}

export async function getPartner(db: Db, actor: Actor, id: number): Promise<Partner> {
  if (!mayManagePartners(actor)) throw new NotFoundError('PARTNER.NOT_FOUND');
  const partner = await findPartner(db, id);
  if (!partner) throw new NotFoundError('PARTNER.NOT_FOUND');
  return partner;
}

function checkPartner(input: PartnerInput): { codes: PartnerFieldCode[]; row: Omit<Partner, 'id' | 'active' | 'created_at' | 'updated_at'> } {
  const codes: PartnerFieldCode[] = [];
  const name = input.name.trim();
  if (!name) codes.push('NAME_REQUIRED');
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 254) codes.push('EMAIL_INVALID');
  const domains = DOMAINS.filter((d) => input.domains.includes(d));
  if (domains.length === 0) codes.push('DOMAINS_REQUIRED');
  const regions = REGIONS.filter((r) => input.regions.includes(r));
  if (regions.length === 0) codes.push('REGIONS_REQUIRED');
  const languages = LANGUAGES.filter((l) => input.languages.includes(l));
  if (languages.length === 0) codes.push('LANGUAGES_REQUIRED');
  const servicesFr = input.servicesFr.trim();
  const servicesEn = input.servicesEn.trim();
  if (!servicesFr || !servicesEn) codes.push('SERVICES_REQUIRED');
  const texts = [name, servicesFr, servicesEn, input.phone, input.address];
  if (texts.some((text) => text.length > PARTNER_TEXT_MAX)) codes.push('TEXT_TOO_LONG');
  return {
    codes,
    row: {
      name,
      email,
      regions: JSON.stringify(regions),
      domains: JSON.stringify(domains),
      languages: JSON.stringify(languages),
      services_fr: servicesFr,
      services_en: servicesEn,
      phone: input.phone.trim() || null,
      address: input.address.trim() || null,
    },
  };
}

export type SavePartnerResult = { ok: true; id: number } | { ok: false; code: 'INVALID'; codes: PartnerFieldCode[] };

/** « Ajouter un organisme » (no id) or « Modifier » (an id); audited. */
export async function savePartner(db: Db, actor: Actor, input: PartnerInput & { id?: number }, clock: Clock): Promise<SavePartnerResult> {
  if (!mayManagePartners(actor)) throw new NotFoundError('PARTNER.NOT_FOUND');
  const { codes, row } = checkPartner(input);
  if (codes.length > 0) return { ok: false, code: 'INVALID', codes };
  return inTransaction(db, async (trx) => {
    const at = clock().toISOString();
    let id = input.id;
    if (id === undefined) {
      id = (await insertPartner(trx, { ...row, created_at: at, updated_at: at })).id;
    } else {
      if (!(await findPartner(trx, id))) throw new NotFoundError('PARTNER.NOT_FOUND');
      await updatePartner(trx, id, { ...row, updated_at: at });
    }
    await recordAudit(trx, { at, actorId: actor.id, ip: actor.ip, action: 'partner.saved', subjectType: 'partner', subjectId: id, details: { name: row.name, isNew: input.id === undefined } });
    return { ok: true, id };
  });
}

/** « Retirer » / « Rétablir »: a retired partner is offered to no new referral; its referrals go on. */
export async function setPartnerActive(db: Db, actor: Actor, id: number, active: boolean, clock: Clock): Promise<void> {
  if (!mayManagePartners(actor)) throw new NotFoundError('PARTNER.NOT_FOUND');
  await inTransaction(db, async (trx) => {
    if (!(await findPartner(trx, id))) throw new NotFoundError('PARTNER.NOT_FOUND');
    const at = clock().toISOString();
    await updatePartner(trx, id, { active: active ? 1 : 0, updated_at: at });
    await recordAudit(trx, { at, actorId: actor.id, ip: actor.ip, action: active ? 'partner.restored' : 'partner.retired', subjectType: 'partner', subjectId: id });
  });
}

export interface PartnerReferralCounts {
  partnerId: number;
  partnerName: string;
  counts: Record<ReferralStatus, number>;
  total: number;
}

/** How many referrals each partner received, by status (partners with none are left out); managers only. */
export async function referralCountsByPartner(db: Db, actor: Actor): Promise<PartnerReferralCounts[]> {
  if (!mayManagePartners(actor)) throw new NotFoundError('PARTNER.NOT_FOUND');
  const [rows, partners] = await Promise.all([countReferralsByPartner(db), findPartners(db, { activeOnly: false })]);
  const byPartner = new Map<number, PartnerReferralCounts>();
  for (const row of rows) {
    const entry = byPartner.get(row.partnerId) ?? { partnerId: row.partnerId, partnerName: partners.find((p) => p.id === row.partnerId)?.name ?? '', counts: emptyCounts(), total: 0 };
    entry.counts[row.status] += row.count;
    entry.total += row.count;
    byPartner.set(row.partnerId, entry);
  }
  return [...byPartner.values()].sort((a, b) => a.partnerName.localeCompare(b.partnerName, 'fr'));
}

function emptyCounts(): Record<ReferralStatus, number> {
  return { attente_consentement: 0, consentement_refuse: 0, envoyee: 0, acceptee: 0, refusee: 0, terminee: 0, retiree: 0 };
}
