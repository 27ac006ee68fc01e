import type { FastifyReply } from 'fastify';
import { catalogs, type MessageKey } from '../i18n/catalog';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import type { Translate } from '../i18n/translate';

/** One invalid input of a 422: where it is (a JSON pointer into the request) and what is wrong. */
export interface InvalidField {
  field: string;
  pointer: string;
  detail: string;
}

/** An RFC 9457 problem document, with the project's stable `code` and, for a 422, the fields. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: InvalidField[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The language of an API caller: the first of `Accept-Language` we speak (q-ordered), else French. */
export function localeOfAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const primary = range.tag.split('-')[0];
    if (primary === 'fr' || primary === 'en') return primary;
  }
  return DEFAULT_LOCALE;
}

/** `type` is a link to the reference page's description of the code. */
export function problemType(code: string): string {
  return `/api/docs#problem-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export function problemOf(t: Translate, status: number, code: string, titleKey: MessageKey, detailKey: MessageKey, errors?: InvalidField[]): Problem {
  return { type: problemType(code), title: t(titleKey), status, detail: t(detailKey), code, ...(errors ? { errors } : {}) };
}

/** Sends a problem: never cached, in the caller's language. */
export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).header('cache-control', 'no-store').send(problem);
}

export function isMessageKey(value: string): value is MessageKey {
  return value in catalogs[DEFAULT_LOCALE];
}
