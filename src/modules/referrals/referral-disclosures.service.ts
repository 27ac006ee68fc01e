import type { Db } from '../../db/types';
import type { Actor } from '../../platform/access/actor';
import { NotFoundError } from '../../platform/errors';
import type { Translate } from '../../platform/i18n/translate';
import { disclosureOf } from './referral-fields';
import { mayConsent } from './referral.policy';
import { referralsOfClient } from './referral.service';

/**
 * Every referral of the client for « Télécharger mes données » (Loi 25: every communication to
 * a third party, on record): to whom, the purpose, the fields and the values disclosed, when,
 * with which consent (how, when, in the agent's words if verbal), its withdrawal, and what the
 * partner answered. Referrals never sent are there too, with nothing disclosed. Labels in the
 * person's language; the disclosed values as they were sent.
 */
export async function referralDisclosures(db: Db, actor: Actor, t: Translate): Promise<unknown[]> {
  if (!mayConsent(actor)) throw new NotFoundError('CLIENT.NOT_FOUND');
  const views = await referralsOfClient(db, actor, actor.id);
  return views.map(({ referral, partner, fields, actionTitle }) => {
    const disclosed = disclosureOf(referral.disclosed);
    return {
      id: referral.id,
      to: { organization: partner.name, email: partner.email, phone: partner.phone, address: partner.address },
      purpose: referral.purpose,
      planAction: actionTitle,
      status: referral.status,
      statusLabel: t(`referrals.status.${referral.status}`),
      createdAt: referral.created_at,
      fieldsConsentedTo: fields.map((field) => ({ field, label: t(`referrals.fieldLabel.${field}`) })),
      consent: referral.consent_at ? { at: referral.consent_at, how: referral.consent_how, recordedByAgent: referral.consent_how === 'verbal' ? referral.consent_note : null } : null,
      sentAt: referral.sent_at,
      disclosed: fields.filter((field) => disclosed[field] !== undefined).map((field) => ({ field, label: t(`referrals.fieldLabel.${field}`), value: disclosed[field] })),
      withdrawnAt: referral.withdrawn_at,
      partnerAnsweredAt: referral.answered_at,
      partnerRefusalReason: referral.refusal_reason,
      result: referral.result ? { result: referral.result, on: referral.result_on, note: referral.result_note } : null,
    };
  });
}
