import type { RefusalTable } from '../../platform/errors';

/** Why « Orienter vers un organisme » refuses the form (several at once). */
export type ReferralFieldCode = 'PARTNER_INVALID' | 'FIELDS_REQUIRED' | 'PURPOSE_REQUIRED' | 'PURPOSE_TOO_LONG' | 'NOTE_TOO_LONG' | 'NOTE_EMPTY' | 'ACTION_REQUIRED' | 'CONSENT_HOW_REQUIRED' | 'CONSENT_NOTE_REQUIRED';

/** Why a partner's form is refused (several at once). */
export type PartnerFieldCode = 'NAME_REQUIRED' | 'EMAIL_INVALID' | 'DOMAINS_REQUIRED' | 'REGIONS_REQUIRED' | 'LANGUAGES_REQUIRED' | 'SERVICES_REQUIRED' | 'TEXT_TOO_LONG';

/** Why a partner's answer is refused. */
export type PartnerAnswerCode = 'REASON_REQUIRED' | 'RESULT_INVALID' | 'RESULT_DATE_INVALID' | 'TEXT_TOO_LONG';

/** A change that came too late: someone (the client, the partner, another tab) changed it first. */
export type ReferralStateCode = 'STATE_CHANGED';

export type ReferralRefusalCode = ReferralFieldCode | PartnerFieldCode | PartnerAnswerCode | ReferralStateCode;

export const REFERRAL_ERRORS: RefusalTable<ReferralRefusalCode> = {
  PARTNER_INVALID: { status: 400, field: 'partnerId', messageKey: 'referrals.error.PARTNER_INVALID' },
  FIELDS_REQUIRED: { status: 400, field: 'fields', messageKey: 'referrals.error.FIELDS_REQUIRED' },
  PURPOSE_REQUIRED: { status: 400, field: 'purpose', messageKey: 'referrals.error.PURPOSE_REQUIRED' },
  PURPOSE_TOO_LONG: { status: 400, field: 'purpose', messageKey: 'referrals.error.PURPOSE_TOO_LONG' },
  NOTE_TOO_LONG: { status: 400, field: 'partnerNote', messageKey: 'referrals.error.NOTE_TOO_LONG' },
  NOTE_EMPTY: { status: 400, field: 'partnerNote', messageKey: 'referrals.error.NOTE_EMPTY' },
  ACTION_REQUIRED: { status: 400, field: 'fields', messageKey: 'referrals.error.ACTION_REQUIRED' },
  CONSENT_HOW_REQUIRED: { status: 400, field: 'consent', messageKey: 'referrals.error.CONSENT_HOW_REQUIRED' },
  CONSENT_NOTE_REQUIRED: { status: 400, field: 'consentNote', messageKey: 'referrals.error.CONSENT_NOTE_REQUIRED' },
  NAME_REQUIRED: { status: 400, field: 'name', messageKey: 'referrals.error.NAME_REQUIRED' },
  EMAIL_INVALID: { status: 400, field: 'email', messageKey: 'referrals.error.EMAIL_INVALID' },
  DOMAINS_REQUIRED: { status: 400, field: 'domains', messageKey: 'referrals.error.DOMAINS_REQUIRED' },
  REGIONS_REQUIRED: { status: 400, field: 'regions', messageKey: 'referrals.error.REGIONS_REQUIRED' },
  LANGUAGES_REQUIRED: { status: 400, field: 'languages', messageKey: 'referrals.error.LANGUAGES_REQUIRED' },
  SERVICES_REQUIRED: { status: 400, field: 'servicesFr', messageKey: 'referrals.error.SERVICES_REQUIRED' },
  TEXT_TOO_LONG: { status: 400, messageKey: 'referrals.error.TEXT_TOO_LONG' },
  REASON_REQUIRED: { status: 400, field: 'reason', messageKey: 'referrals.error.REASON_REQUIRED' },
  RESULT_INVALID: { status: 400, field: 'result', messageKey: 'referrals.error.RESULT_INVALID' },
  RESULT_DATE_INVALID: { status: 400, field: 'resultOn', messageKey: 'referrals.error.RESULT_DATE_INVALID' },
  STATE_CHANGED: { status: 409, messageKey: 'referrals.error.STATE_CHANGED' },
};
