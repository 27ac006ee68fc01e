import type { z } from 'zod';
import type { MessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/translate';
import type { FieldError } from '../../ui/components/form';

/** A posted form as an object of fields; a JSON string, array or nothing is an empty form. */
export function formFields(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/**
 * Parses a form body with a zod schema whose messages are catalogue keys, and turns failures
 * into field errors in the person's language (the first problem of each field).
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, t: Translate): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(formFields(body));
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors.some((e) => e.field === field)) continue;
    errors.push({ field, message: t(issue.message as MessageKey) });
  }
  return { ok: false, errors };
}

const BASE = 'http://return-path.invalid';

/**
 * A path on this site, or the fallback: never an open redirect, never a header that cannot be sent.
 * Browsers drop TAB and newlines and read `\` as `/`, so `/\t/evil.example` would become
 * `//evil.example`; and a character outside Latin-1 (or CR/LF) in `Location` makes the reply
 * fail. So a value is used only when URL parsing gives it back unchanged as a same-origin path,
 * which also rules out every character that parsing would strip, escape or normalise.
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a return path may not hold
  if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001f\u007f-\u{10ffff}\\]/u.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname + url.search + url.hash !== value) return fallback;
  return value;
}

/** The query parameters through which a page names where to go next. */
const RETURN_PARAMETERS = ['suivant', 'retour'];

/**
 * A page's own URL to come back to (the language switch): `safeReturnPath`'s, and only if every
 * return target its query carries is itself safe; otherwise the bare path. A hostile `suivant`
 * would be refused when used, but a page must not carry it on in its forms at all.
 */
export function safeComeBackUrl(url: string, path: string): string {
  const safe = safeReturnPath(url, path);
  if (safe === path) return path;
  const query = new URL(safe, BASE).searchParams;
  const carriesUnsafe = RETURN_PARAMETERS.some((name) => query.getAll(name).some((target) => safeReturnPath(target, '') === ''));
  return carriesUnsafe ? path : safe;
}
