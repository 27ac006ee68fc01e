/**
 * What a referral may share with a partner, field by field (Loi 25: only what is needed, each
 * consented to). The order is the order shown everywhere: to the agent choosing, to the client
 * consenting, on the partner's page and in the client's export.
 */
export const REFERRAL_FIELDS = ['nom', 'coordonnees', 'langues', 'interprete', 'action', 'note'] as const;
export type ReferralField = (typeof REFERRAL_FIELDS)[number];

export function isReferralField(value: string): value is ReferralField {
  return (REFERRAL_FIELDS as readonly string[]).includes(value);
}

/** The fields of a stored referral, in the canonical order; unknown codes are dropped. */
export function fieldsOf(stored: string): ReferralField[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [];
  }
  const chosen = new Set(Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []);
  return REFERRAL_FIELDS.filter((field) => chosen.has(field));
}

/** What was disclosed: field → text, only for consented fields (the partner's page reads nothing else). */
export type Disclosure = Partial<Record<ReferralField, string>>;

export function disclosureOf(stored: string | null): Disclosure {
  if (!stored) return {};
  try {
    const parsed = JSON.parse(stored) as Record<string, unknown>;
    const out: Disclosure = {};
    for (const field of REFERRAL_FIELDS) if (typeof parsed[field] === 'string') out[field] = parsed[field] as string;
    return out;
  } catch {
    return {};
  }
}
