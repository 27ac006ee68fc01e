import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DraftFields, FORM_DRAFT_TTL_MS, keepFormDraft, takeFormDraft } from '../session/form-draft.service';
import { cookieName, cookieOptions } from './cookies';
import { safeReturnPath } from './form';

/**
 * A form posted just after its session ended: its fields are kept for the account whose session
 * it was (never a password or `_csrf`), a cookie names them, and the person is sent to sign in and
 * then back to the page the form was on (its same-site Referer, else the form's own path), where
 * `restoredForm` gives them back. Answers the redirect; the guard calls it.
 */
export async function keepPostedForm(request: FastifyRequest, reply: FastifyReply, accountId: number): Promise<FastifyReply> {
  const { server } = request;
  const returnPath = refererPath(request) ?? safeReturnPath(request.url, '/');
  const token = await keepFormDraft(server.database.db, { accountId, returnPath, action: request.url.split('?')[0] ?? request.url, body: request.body }, server.clock);
  reply.setCookie(cookieName(server.config, 'draft'), token, cookieOptions(server.config, FORM_DRAFT_TTL_MS / 1000));
  return reply.redirect(`/connexion?${new URLSearchParams({ suivant: returnPath, expiree: '1', garde: '1' })}`, 303);
}

/**
 * For a form's page: the fields kept for this form (`action`, the path it posts to) when the
 * signed-in person's session ended as they posted it; shown once (the cookie is cleared), and
 * only to the account they were typed for.
 */
export async function restoredForm(request: FastifyRequest, reply: FastifyReply, action: string): Promise<DraftFields | undefined> {
  const { server } = request;
  const name = cookieName(server.config, 'draft');
  const token = request.cookies[name];
  if (!token || !request.account) return undefined;
  const fields = await takeFormDraft(server.database.db, token, request.account.id, action, server.clock);
  if (fields) {
    reply.clearCookie(name, { path: '/' });
    restored.add(request);
  }
  return fields;
}

const restored = new WeakSet<FastifyRequest>();

/** Whether this page shows a form given back (the shell then says so, above the page). */
export function isFormRestored(request: FastifyRequest): boolean {
  return restored.has(request);
}

/** One field of a restored form, as text (the first value of a repeated one). */
export function draftText(fields: DraftFields | undefined, name: string): string | undefined {
  const value = fields?.[name];
  return Array.isArray(value) ? value[0] : value;
}

function refererPath(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    if (url.host !== request.headers.host) return undefined;
    const path = safeReturnPath(url.pathname + url.search, '');
    return path && !path.startsWith('/connexion') ? path : undefined;
  } catch {
    return undefined;
  }
}
