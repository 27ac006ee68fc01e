import { createHash, randomBytes } from 'node:crypto';
import { inTransaction } from '../../db/transaction';
import type { Db } from '../../db/types';
import { type Actor, clientScopeOf, subjectClientId } from '../../platform/access/actor';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import { translator } from '../../platform/i18n/translate';
import { enqueueMail } from '../../platform/mail/outbox.repository';
import { type ClientIdentity, clientRecipient, getClient } from '../accounts/directory.service';
import { notifyClient } from '../messages/message.service';
import { getAction } from '../plans/plan.service';
import type { PlanAction } from '../plans/plan.tables';
import { readAnswers } from '../requests/request-draft.schema';
import { requestOfClient } from '../requests/request.service';
import type { PartnerAnswerCode, ReferralFieldCode } from './referral.errors';
import { type Disclosure, disclosureOf, fieldsOf, isReferralField, REFERRAL_FIELDS, type ReferralField } from './referral-fields';
import { findActionOwner } from './referral-action.repository';
import { findPartner, findPartners } from './partner.repository';
import { mayConsent, mayRefer } from './referral.policy';
import { findReferral, findReferralByLink, findReferralsOfAction, findReferralsOfClient, insertReferral, updateReferralIf } from './referral.repository';
import type { Partner, Referral, ReferralStatus } from './referral.tables';

export interface ReferralDeps {
  clock: Clock;
  publicUrl: string;
}

export const PURPOSE_MAX = 500;
export const NOTE_MAX = 2000;
/** The partner's link opens for 30 days; the agent can issue a new one. */
export const LINK_LIFETIME_MS = 30 * 24 * 3_600_000;

/** Statuses in which the partner's link opens the referral. */
const LINK_OPENS: readonly ReferralStatus[] = ['envoyee', 'acceptee'];
/** Statuses from which the client may withdraw their consent (the partner then loses access at once). */
const WITHDRAWABLE: readonly ReferralStatus[] = ['envoyee', 'acceptee'];

const hashLink = (token: string) => createHash('sha256').update(token).digest('hex');

// ---------------------------------------------------------------------------------------------
// Reading

export interface ReferralView {
  referral: Referral;
  partner: Partner;
  fields: ReferralField[];
  actionTitle: string | null;
}

async function viewOf(db: Db, referral: Referral, actionTitles: Map<number, string>): Promise<ReferralView> {
  const partner = await findPartner(db, referral.partner_id);
  if (!partner) throw new Error(`referral ${referral.id} names no partner`);
  return { referral, partner, fields: fieldsOf(referral.fields), actionTitle: referral.action_id === null ? null : (actionTitles.get(referral.action_id) ?? null) };
}

/** A client's referrals as the actor may see them (the client their own; staff within reach). */
export async function referralsOfClient(db: Db, actor: Actor, clientId: number): Promise<ReferralView[]> {
  const client = await getClient(db, actor, subjectClientId(actor, clientId) ?? clientId);
  const rows = await findReferralsOfClient(db, clientScopeOf(actor), client.id);
  return Promise.all(rows.map((row) => viewOf(db, row, new Map())));
}

/** The referrals made from one plan action (shown on the action, to the client and to staff). */
export async function referralsOfAction(db: Db, actor: Actor, action: Pick<PlanAction, 'id' | 'title'>): Promise<ReferralView[]> {
  const rows = await findReferralsOfAction(db, clientScopeOf(actor), action.id);
  return Promise.all(rows.map((row) => viewOf(db, row, new Map([[action.id, action.title]]))));
}

/** One referral within the actor's reach; another's or an unknown id is not found. */
export async function getReferral(db: Db, actor: Actor, id: number): Promise<ReferralView> {
  const referral = await findReferral(db, clientScopeOf(actor), id);
  if (!referral) throw new NotFoundError('REFERRAL.NOT_FOUND');
  const titles = new Map<number, string>();
  if (referral.action_id !== null) {
    const { action } = await getAction(db, actor, referral.action_id).catch(() => ({ action: null }));
    if (action) titles.set(action.id, action.title);
  }
  return viewOf(db, referral, titles);
}

/**
 * What the client's data would read as, field by field, for this referral (shown to the client
 * before they consent, and written once as the disclosure when it is sent). French, the partners'
 * working language in Québec; names of languages come from Intl.
 */
export async function disclosureFor(db: Db, referral: Pick<Referral, 'client_id' | 'action_id' | 'partner_note' | 'fields'>, actor: Actor): Promise<Disclosure> {
  const fields = fieldsOf(referral.fields);
  const client = await clientRecipient(db, referral.client_id);
  const answers = readAnswers((await requestOfClient(db, client.id))?.answers);
  const languageName = new Intl.DisplayNames(['fr-CA'], { type: 'language' });
  const out: Disclosure = {};
  for (const field of fields) {
    if (field === 'nom') out.nom = client.display_name;
    if (field === 'coordonnees') out.coordonnees = [client.email, client.phone].filter(Boolean).join(' · ');
    if (field === 'langues') {
      const named = (answers.identification?.languages ?? []).map((code) => languageName.of(code) ?? code);
      const other = answers.identification?.otherLanguages?.trim();
      out.langues = [...named, ...(other ? [other] : [])].join(', ') || 'non précisé';
    }
    if (field === 'interprete') {
      const first = answers.firstAppointment;
      out.interprete = first?.interpreter ? `oui (${first.interpreterLanguage})` : 'non';
    }
    if (field === 'action' && referral.action_id !== null) {
      const { action } = await getAction(db, actor, referral.action_id);
      out.action = [action.title, action.description, action.useful_info]
        .map((text) => text.trim())
        .filter(Boolean)
        .join('\n\n');
    }
    if (field === 'note') out.note = referral.partner_note;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// « Orienter vers un organisme »

export interface ReferralForm {
  client: ClientIdentity;
  action: PlanAction | null;
  /** Active partners, those serving the action's domain and the client's region and languages first. */
  partners: Array<{ partner: Partner; matches: boolean }>;
}

function parseList(json: string): string[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export async function referralForm(db: Db, actor: Actor, input: { clientId: number; actionId?: number }): Promise<ReferralForm> {
  if (!mayRefer(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const client = await getClient(db, actor, input.clientId);
  let action: PlanAction | null = null;
  if (input.actionId !== undefined) {
    action = (await getAction(db, actor, input.actionId)).action;
    const owner = await referralActionOwner(db, actor, action.id);
    if (owner !== client.id) throw new NotFoundError('PLAN.ACTION_NOT_FOUND');
  }
  const answers = readAnswers((await requestOfClient(db, client.id))?.answers);
  const region = answers.firstAppointment?.region ?? '';
  const languages = new Set<string>([client.locale, ...(answers.identification?.languages ?? [])]);
  const partners = (await findPartners(db, { activeOnly: true })).map((partner) => {
    const domainOk = !action || parseList(partner.domains).includes(action.domain);
    const regionOk = !region || parseList(partner.regions).includes(region);
    const languageOk = parseList(partner.languages).some((code) => languages.has(code));
    return { partner, matches: domainOk && regionOk && languageOk };
  });
  partners.sort((a, b) => Number(b.matches) - Number(a.matches) || a.partner.name.localeCompare(b.partner.name, 'fr'));
  return { client, action, partners };
}

/** The client an action belongs to, within the actor's reach (the action's plan's client). */
function referralActionOwner(db: Db, actor: Actor, actionId: number): Promise<number | undefined> {
  return findActionOwner(db, clientScopeOf(actor), actionId);
}

export interface ReferralInput {
  clientId: number;
  actionId?: number;
  partnerId: number;
  fields: string[];
  purpose: string;
  partnerNote: string;
  /** `portail`: the client will consent in their portal; `verbal`: the agent records the consent obtained. */
  consent: string;
  consentNote: string;
}

export type CreateReferralResult = { ok: true; referral: Referral } | { ok: false; code: 'INVALID'; codes: ReferralFieldCode[] };

/**
 * Makes a referral. Nothing leaves before consent: with `portail` it waits for the client (who is
 * told in the message centre); with `verbal` the agent records how the consent was obtained, and
 * it is sent at once (the client sees that consent and can withdraw it).
 */
export async function createReferral(db: Db, actor: Actor, input: ReferralInput, deps: ReferralDeps): Promise<CreateReferralResult> {
  if (!mayRefer(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const form = await referralForm(trx, actor, { clientId: input.clientId, actionId: input.actionId });
    const codes: ReferralFieldCode[] = [];
    const partner = form.partners.find((p) => p.partner.id === input.partnerId)?.partner;
    if (!partner) codes.push('PARTNER_INVALID');
    const fields = REFERRAL_FIELDS.filter((field) => input.fields.includes(field));
    if (fields.length === 0 || input.fields.some((f) => !isReferralField(f))) codes.push('FIELDS_REQUIRED');
    if (fields.includes('action') && !form.action) codes.push('ACTION_REQUIRED');
    const purpose = input.purpose.trim();
    if (!purpose) codes.push('PURPOSE_REQUIRED');
    if (purpose.length > PURPOSE_MAX) codes.push('PURPOSE_TOO_LONG');
    const note = input.partnerNote.trim();
    if (note.length > NOTE_MAX) codes.push('NOTE_TOO_LONG');
    if (fields.includes('note') && !note) codes.push('NOTE_EMPTY');
    if (input.consent !== 'portail' && input.consent !== 'verbal') codes.push('CONSENT_HOW_REQUIRED');
    const consentNote = input.consentNote.trim();
    if (input.consent === 'verbal' && !consentNote) codes.push('CONSENT_NOTE_REQUIRED');
    if (consentNote.length > NOTE_MAX) codes.push('NOTE_TOO_LONG');
    if (codes.length > 0 || !partner) return { ok: false, code: 'INVALID', codes };

    const at = deps.clock().toISOString();
    let referral = await insertReferral(trx, {
      client_id: form.client.id,
      agent_id: form.client.agent_id ?? actor.id,
      partner_id: partner.id,
      action_id: form.action?.id ?? null,
      fields: JSON.stringify(fields),
      purpose,
      partner_note: fields.includes('note') ? note : '',
      status: 'attente_consentement',
      disclosed: null,
      consent_at: null,
      consent_how: null,
      consent_note: null,
      consent_recorded_by: null,
      withdrawn_at: null,
      sent_at: null,
      answered_at: null,
      refusal_reason: null,
      result: null,
      result_on: null,
      result_note: null,
      result_read_at: null,
      link_hash: null,
      link_expires_at: null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      ip: actor.ip,
      clientId: form.client.id,
      action: 'referral.created',
      subjectType: 'referral',
      subjectId: referral.id,
      details: { partnerId: partner.id, fields, consent: input.consent as 'portail' | 'verbal' },
    });
    if (input.consent === 'verbal') {
      const consented = await updateReferralIf(
        trx,
        referral.id,
        { from: ['attente_consentement'], version: referral.version },
        { consent_at: at, consent_how: 'verbal', consent_note: consentNote, consent_recorded_by: actor.id, updated_at: at },
      );
      if (!consented) throw new Error('a new referral changed under its own transaction');
      await recordAudit(trx, { at, actorId: actor.id, ip: actor.ip, clientId: form.client.id, action: 'referral.consented', subjectType: 'referral', subjectId: referral.id, details: { how: 'verbal' } });
      referral = await send(trx, actor, consented, partner, deps);
      await notifyClient(trx, { client: form.client, dedupeKey: `referral:${referral.id}:verbal-consent`, content: verbalConsentMessage(partner.name) }, deps);
    } else {
      await notifyClient(trx, { client: form.client, dedupeKey: `referral:${referral.id}:consent-asked`, content: consentAskedMessage(partner.name, referral.id, deps.publicUrl) }, deps);
    }
    return { ok: true, referral };
  });
}

/**
 * Sends a consented referral: the disclosure is written once (exactly the consented fields), a
 * link is made for the partner (its hash kept) and mailed through the outbox; audited.
 */
async function send(trx: Db, actor: Actor, referral: Referral, partner: Partner, deps: ReferralDeps): Promise<Referral> {
  const at = deps.clock();
  const disclosure = await disclosureFor(trx, referral, actor);
  const token = randomBytes(32).toString('base64url');
  const sent = await updateReferralIf(
    trx,
    referral.id,
    { from: ['attente_consentement'], version: referral.version },
    {
      status: 'envoyee',
      disclosed: JSON.stringify(disclosure),
      sent_at: at.toISOString(),
      link_hash: hashLink(token),
      link_expires_at: new Date(at.getTime() + LINK_LIFETIME_MS).toISOString(),
      updated_at: at.toISOString(),
    },
  );
  if (!sent) throw new Error('a consented referral changed while being sent');
  await mailPartner(trx, sent, partner, token, deps);
  await recordAudit(trx, {
    at: at.toISOString(),
    actorId: actor.id,
    ip: actor.ip,
    clientId: sent.client_id,
    action: 'referral.sent',
    subjectType: 'referral',
    subjectId: sent.id,
    details: { partnerId: partner.id, fields: Object.keys(disclosure) },
  });
  return sent;
}

/** The partner's e-mail: who refers, why, and the link; never the client's data (behind the link). */
async function mailPartner(trx: Db, referral: Referral, partner: Partner, token: string, deps: ReferralDeps): Promise<void> {
  const at = deps.clock().toISOString();
  const link = `${deps.publicUrl.replace(/\/$/, '')}/orientation?jeton=${token}`;
  const fr = translator('fr');
  const en = translator('en');
  await enqueueMail(trx, {
    to_address: partner.email,
    subject: fr('referrals.mail.subject'),
    body_text: `${fr('referrals.mail.body', { partner: partner.name, link, days: LINK_LIFETIME_MS / 86_400_000 })}\n\n---\n\n${en('referrals.mail.body', { partner: partner.name, link, days: LINK_LIFETIME_MS / 86_400_000 })}`,
    locale: 'fr',
    dedupe_key: `referral-link:${referral.id}:${hashLink(token).slice(0, 24)}`,
    next_attempt_at: at,
    created_at: at,
  });
}

function consentAskedMessage(partnerName: string, referralId: number, publicUrl: string) {
  const link = `${publicUrl.replace(/\/$/, '')}/mes-orientations/${referralId}`;
  const fr = translator('fr');
  const en = translator('en');
  return {
    subject: { fr: fr('referrals.notify.asked.subject'), en: en('referrals.notify.asked.subject') },
    body: { fr: fr('referrals.notify.asked.body', { partner: partnerName, link }), en: en('referrals.notify.asked.body', { partner: partnerName, link }) },
  };
}

function verbalConsentMessage(partnerName: string) {
  const fr = translator('fr');
  const en = translator('en');
  return {
    subject: { fr: fr('referrals.notify.verbal.subject'), en: en('referrals.notify.verbal.subject') },
    body: { fr: fr('referrals.notify.verbal.body', { partner: partnerName }), en: en('referrals.notify.verbal.body', { partner: partnerName }) },
  };
}

// ---------------------------------------------------------------------------------------------
// The client's consent

export type ConsentResult = { ok: true; referral: Referral } | { ok: false; code: 'STATE_CHANGED' };

/** « Consentir au partage »: exactly the list and purpose shown (at `version`); then it is sent. */
export async function giveConsent(db: Db, actor: Actor, input: { referralId: number; version: number }, deps: ReferralDeps): Promise<ConsentResult> {
  if (!mayConsent(actor)) throw new NotFoundError('REFERRAL.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const { referral, partner } = await getReferral(trx, actor, input.referralId);
    const at = deps.clock().toISOString();
    const consented = await updateReferralIf(trx, referral.id, { from: ['attente_consentement'], version: input.version }, { consent_at: at, consent_how: 'portail', updated_at: at });
    if (!consented) return { ok: false, code: 'STATE_CHANGED' };
    await recordAudit(trx, { at, actorId: actor.id, ip: actor.ip, clientId: referral.client_id, action: 'referral.consented', subjectType: 'referral', subjectId: referral.id, details: { how: 'portail' } });
    return { ok: true, referral: await send(trx, actor, consented, partner, deps) };
  });
}

/** « Refuser »: nothing is sent, ever, for this referral. */
export async function refuseConsent(db: Db, actor: Actor, input: { referralId: number; version: number }, deps: ReferralDeps): Promise<ConsentResult> {
  if (!mayConsent(actor)) throw new NotFoundError('REFERRAL.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const { referral } = await getReferral(trx, actor, input.referralId);
    const at = deps.clock().toISOString();
    const refused = await updateReferralIf(trx, referral.id, { from: ['attente_consentement'], version: input.version }, { status: 'consentement_refuse', updated_at: at });
    if (!refused) return { ok: false, code: 'STATE_CHANGED' };
    await recordAudit(trx, { at, actorId: actor.id, ip: actor.ip, clientId: referral.client_id, action: 'referral.consent_refused', subjectType: 'referral', subjectId: referral.id });
    return { ok: true, referral: refused };
  });
}

/** « Retirer mon consentement »: the partner's link stops opening at once; what was disclosed stays on record. */
export async function withdrawConsent(db: Db, actor: Actor, input: { referralId: number }, deps: ReferralDeps): Promise<ConsentResult> {
  if (!mayConsent(actor)) throw new NotFoundError('REFERRAL.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const { referral } = await getReferral(trx, actor, input.referralId);
    const at = deps.clock().toISOString();
    const withdrawn = await updateReferralIf(trx, referral.id, { from: WITHDRAWABLE, version: referral.version }, { status: 'retiree', withdrawn_at: at, link_hash: null, link_expires_at: null, updated_at: at });
    if (!withdrawn) return { ok: false, code: 'STATE_CHANGED' };
    await recordAudit(trx, {
      at,
      actorId: actor.id,
      ip: actor.ip,
      clientId: referral.client_id,
      action: 'referral.consent_withdrawn',
      subjectType: 'referral',
      subjectId: referral.id,
      details: { from: referral.status },
    });
    return { ok: true, referral: withdrawn };
  });
}

/** « Renvoyer le lien »: a new link for the partner (the old one stops opening); staff only. */
export async function reissueLink(db: Db, actor: Actor, input: { referralId: number }, deps: ReferralDeps): Promise<ConsentResult> {
  if (!mayRefer(actor)) throw new NotFoundError('REFERRAL.NOT_FOUND');
  return inTransaction(db, async (trx) => {
    const { referral, partner } = await getReferral(trx, actor, input.referralId);
    const now = deps.clock();
    const token = randomBytes(32).toString('base64url');
    const renewed = await updateReferralIf(
      trx,
      referral.id,
      { from: LINK_OPENS, version: referral.version },
      { link_hash: hashLink(token), link_expires_at: new Date(now.getTime() + LINK_LIFETIME_MS).toISOString(), updated_at: now.toISOString() },
    );
    if (!renewed) return { ok: false, code: 'STATE_CHANGED' };
    await mailPartner(trx, renewed, partner, token, deps);
    await recordAudit(trx, { at: now.toISOString(), actorId: actor.id, ip: actor.ip, clientId: referral.client_id, action: 'referral.link_reissued', subjectType: 'referral', subjectId: referral.id });
    return { ok: true, referral: renewed };
  });
}

// ---------------------------------------------------------------------------------------------
// The partner's side (no account: the link is the key)

export interface PartnerPage {
  referral: Referral;
  partner: Partner;
  disclosure: Disclosure;
}

/**
 * The referral a partner's link opens, or undefined: an unknown, replaced, expired, withdrawn,
 * refused or finished referral's link opens nothing. Each opening is recorded.
 */
export async function openPartnerLink(db: Db, token: string, deps: ReferralDeps, record = true): Promise<PartnerPage | undefined> {
  if (!token || token.length > 100) return undefined;
  const referral = await findReferralByLink(db, hashLink(token));
  if (!referral || !LINK_OPENS.includes(referral.status) || !referral.link_expires_at || referral.link_expires_at <= deps.clock().toISOString()) return undefined;
  const partner = await findPartner(db, referral.partner_id);
  if (!partner) return undefined;
  if (record)
    await recordAudit(db, {
      at: deps.clock().toISOString(),
      actorId: null,
      clientId: referral.client_id,
      action: 'referral.partner_opened',
      subjectType: 'referral',
      subjectId: referral.id,
      details: { partnerId: partner.id },
    });
  return { referral, partner, disclosure: disclosureOf(referral.disclosed) };
}

export type PartnerAnswerResult = { ok: true; referral: Referral } | { ok: false; code: 'INVALID'; codes: PartnerAnswerCode[] } | { ok: false; code: 'STATE_CHANGED' } | { ok: false; code: 'LINK_CLOSED' };

/** « Accepter » or « Refuser » (with a reason): a refusal ends the link. */
export async function answerReferral(db: Db, token: string, input: { accept: boolean; reason: string; version: number }, deps: ReferralDeps): Promise<PartnerAnswerResult> {
  return inTransaction(db, async (trx) => {
    const page = await openPartnerLink(trx, token, deps, false);
    if (!page) return { ok: false, code: 'LINK_CLOSED' };
    const reason = input.reason.trim();
    const codes: PartnerAnswerCode[] = [];
    if (!input.accept && !reason) codes.push('REASON_REQUIRED');
    if (reason.length > NOTE_MAX) codes.push('TEXT_TOO_LONG');
    if (codes.length > 0) return { ok: false, code: 'INVALID', codes };
    const at = deps.clock().toISOString();
    const change = input.accept
      ? { status: 'acceptee' as const, answered_at: at, updated_at: at }
      : { status: 'refusee' as const, answered_at: at, refusal_reason: reason, link_hash: null, link_expires_at: null, updated_at: at };
    const answered = await updateReferralIf(trx, page.referral.id, { from: ['envoyee'], version: input.version }, change);
    if (!answered) return { ok: false, code: 'STATE_CHANGED' };
    await recordAudit(trx, {
      at,
      actorId: null,
      clientId: answered.client_id,
      action: 'referral.partner_answered',
      subjectType: 'referral',
      subjectId: answered.id,
      details: { partnerId: page.partner.id, accepted: input.accept },
    });
    return { ok: true, referral: answered };
  });
}

/** « Indiquer le résultat »: service given or not, on what date, a note to the agent; the link is then used up. */
export async function recordResult(db: Db, token: string, input: { result: string; resultOn: string; note: string; version: number }, deps: ReferralDeps): Promise<PartnerAnswerResult> {
  return inTransaction(db, async (trx) => {
    const page = await openPartnerLink(trx, token, deps, false);
    if (!page) return { ok: false, code: 'LINK_CLOSED' };
    const codes: PartnerAnswerCode[] = [];
    if (input.result !== 'service_rendu' && input.result !== 'service_non_rendu') codes.push('RESULT_INVALID');
    const today = deps.clock().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.resultOn) || Number.isNaN(Date.parse(`${input.resultOn}T12:00:00Z`)) || input.resultOn > today || input.resultOn < page.referral.created_at.slice(0, 10))
      codes.push('RESULT_DATE_INVALID');
    const note = input.note.trim();
    if (note.length > NOTE_MAX) codes.push('TEXT_TOO_LONG');
    if (codes.length > 0) return { ok: false, code: 'INVALID', codes };
    const at = deps.clock().toISOString();
    const done = await updateReferralIf(
      trx,
      page.referral.id,
      { from: ['acceptee'], version: input.version },
      { status: 'terminee', result: input.result as 'service_rendu' | 'service_non_rendu', result_on: input.resultOn, result_note: note, link_hash: null, link_expires_at: null, updated_at: at },
    );
    if (!done) return { ok: false, code: 'STATE_CHANGED' };
    await recordAudit(trx, {
      at,
      actorId: null,
      clientId: done.client_id,
      action: 'referral.result_recorded',
      subjectType: 'referral',
      subjectId: done.id,
      details: { partnerId: page.partner.id, result: input.result as 'service_rendu' | 'service_non_rendu' },
    });
    return { ok: true, referral: done };
  });
}
