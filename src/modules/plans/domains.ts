/**
 * The five domains of a plan, in the order the guide lists them. The codes are stored in
 * `plan_actions.domain` (and checked by the schema); the labels live in the catalogue under
 * `plan.domain.<CODE>`.
 */
export const DOMAINS = ['INSTALLATION', 'VIE_COLLECTIVE', 'FRANCISATION', 'EMPLOI', 'DEMARCHE_IMMIGRATION'] as const;
export type DomainCode = (typeof DOMAINS)[number];

export const DOMAIN_LABEL_KEYS = {
  INSTALLATION: 'plan.domain.INSTALLATION',
  VIE_COLLECTIVE: 'plan.domain.VIE_COLLECTIVE',
  FRANCISATION: 'plan.domain.FRANCISATION',
  EMPLOI: 'plan.domain.EMPLOI',
  DEMARCHE_IMMIGRATION: 'plan.domain.DEMARCHE_IMMIGRATION',
} as const satisfies Record<DomainCode, string>;
