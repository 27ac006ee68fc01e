import type { MessageKey } from './i18n/catalog';

/**
 * An error the person can be told about: a stable code, an HTTP status and the catalogue key
 * of the message shown in their language. Services throw these; they know nothing of HTTP
 * beyond the status they suggest.
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

/** Unknown id and someone else's id look the same from outside: 404. */
export class NotFoundError extends AppError {
  constructor(code = 'NOT_FOUND') {
    super(code, 404, 'error.notFound.body');
  }
}
