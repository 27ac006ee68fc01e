import type { z } from 'zod';
import type { MessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/translate';
import type { FieldError } from '../../ui/components/form';

/**
 * Parses a form body with a zod schema whose messages are catalogue keys, and turns failures
 * into field errors in the person's language (the first problem of each field).
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  t: Translate,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors.some((e) => e.field === field)) continue;
    errors.push({ field, message: t(issue.message as MessageKey) });
  }
  return { ok: false, errors };
}

/** A relative path on this site, or the fallback: never an open redirect. */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
