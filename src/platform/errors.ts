import type { MessageKey } from './i18n/catalog';

/**
 * What went wrong, in domain terms. The edge (pages, API) turns a kind into a status: services
 * never speak HTTP.
 */
export type DomainErrorKind = 'not_found' | 'invalid' | 'conflict';

/**
 * A failure a service reports by throwing, when the caller cannot go on (an unknown or foreign
 * id). Expected business refusals are returned as `{ ok: false, code }` results instead.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    readonly messageKey: MessageKey,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** Unknown id and someone else's id look the same from outside. */
export class NotFoundError extends DomainError {
  constructor(code = 'NOT_FOUND') {
    super(code, 'not_found', 'error.notFound.body');
    this.name = 'NotFoundError';
  }
}

/**
 * An error of the HTTP edge itself (a forged form, a malformed request): it carries its status.
 * Only platform/http and routes throw these.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    readonly messageKey: MessageKey,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** The status of a domain error at the edge. */
export const STATUS_OF_KIND: Record<DomainErrorKind, number> = { not_found: 404, invalid: 400, conflict: 409 };

/** The one mapping of a thrown domain error to its status, read by the page and the API error handlers. */
export function statusOfDomainError(error: DomainError): number {
  return STATUS_OF_KIND[error.kind];
}

/**
 * How the edge shows one refusal code a service returned (`{ ok: false, code }`): its status, the
 * form field it belongs to on a page (none: the whole form), and its message. Each module keeps one
 * table of its codes in `<module>.errors.ts`, read by its pages and by its API alike.
 */
export interface Refusal {
  status: number;
  field?: string;
  messageKey: MessageKey;
}

export type RefusalTable<Code extends string> = Readonly<Record<Code, Refusal>>;
