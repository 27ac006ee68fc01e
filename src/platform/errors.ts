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
