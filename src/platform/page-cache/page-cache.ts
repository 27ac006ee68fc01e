import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../../db/connect';
import { KeptSessions } from '../session/kept-sessions';
import { findPageVersions } from './page-version.repository';

/**
 * Rendered pages kept in memory, keyed on everything their bytes depend on: the session (its
 * CSRF token is in the forms), the URL, the language, the encoding, the versions of the person's
 * data and of the shared data (moved by database triggers in the same transaction as each write,
 * so a write from any process is seen on the very next request), and the minute (lists move
 * from « Planifié » to « Terminé » and deadlines count down with the clock). Only GET pages of
 * routes that opt in (`servePageFromCache` among their preHandlers) and answer 200 are kept.
 * ADR 0008.
 */
const MAX_ENTRIES = 2000;
const MINUTE = 60_000;

export interface KeptPage {
  body: Buffer;
  encoding: string | undefined;
  etag: string;
  /** The route's pattern, for the request metrics of an answer served without routing. */
  route: string;
}

const entries = new Map<string, KeptPage>();

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `servePageFromCache` when the page may be kept once rendered. */
    pageCacheKey?: string;
    /** Set by `servePageFromCacheAbout`: whose page this is, and the key that finds it without knowing (the kept-page lane). */
    pageSubject?: number;
    pageAboutKey?: string;
  }
}

export function negotiatedEncoding(acceptEncoding: string | undefined): string {
  const accepted = acceptEncoding ?? '';
  return /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : 'identity';
}

/**
 * preHandler, after the role guard: answers from memory (or 304) when nothing the page shows
 * has changed; otherwise notes the key so that `remember` keeps the rendered bytes.
 */
export async function servePageFromCache(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  return serveKept(request, reply, '');
}

/**
 * The same for a page about another account (a client's file seen by staff): keyed on that
 * account's version too, so that it is kept whoever looks, the client's own agent or not.
 * `subjectOf` names the account from the request (undefined: the page is rendered; a throw, such
 * as `pathId`'s 404 for a malformed id, answers as the route would). The version
 * is kept in memory while the database's change token stands (ADR 0014), as sessions are.
 */
export function servePageFromCacheAbout(subjectOf: (request: FastifyRequest) => number | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const subject = request.method === 'GET' && request.account && request.account.role !== 'admin' ? subjectOf(request) : undefined;
    if (subject === undefined) return undefined;
    request.pageSubject = subject;
    return serveKept(request, reply, subjectKey(subject, await subjectVersion(request.server.database, subject)));
  };
}

const subjectVersions = new WeakMap<DatabaseHandle, KeptSessions<{ version: number }>>();

/** The version of another account's pages, kept while the change token stands. */
async function subjectVersion(database: DatabaseHandle, subject: number): Promise<number | undefined> {
  const kept = subjectVersions.get(database) ?? new KeptSessions<{ version: number }>(database.changeToken);
  subjectVersions.set(database, kept);
  return (await kept.find(String(subject), async () => ({ version: (await findPageVersions(database.db, subject)).own })))?.version;
}

const subjectKey = (subject: number, version: number | undefined) => `${subject}:${version}`;
/** The subject part of a key that finds which account a kept page is about (`pageSubjects`). */
const ABOUT_SOMEONE = 'about';

/**
 * For the kept pages about another account: which account, by the key of the page with its
 * subject left out, so that the kept-page lane, which knows no route, can find them (with the
 * subject's current version).
 */
const pageSubjects = new Map<string, number>();

async function serveKept(request: FastifyRequest, reply: FastifyReply, subject: string): Promise<FastifyReply | undefined> {
  // A manager's pages show everyone's data: no one version covers them, so they are always rendered.
  if (request.method !== 'GET' || !request.account || !request.session || request.account.role === 'admin') return undefined;
  // Read with the session at the start of this request; read again only if no session hook did.
  const versions = request.pageVersions ?? (await findPageVersions(request.server.database.db, request.account.id));
  const parts = { sessionId: request.session.id, accountId: request.account.id, locale: request.locale, acceptEncoding: request.headers['accept-encoding'], versions, now: request.server.clock(), url: request.url };
  const key = keptPageKey({ ...parts, subject });
  request.pageCacheKey = key;
  if (request.pageSubject !== undefined) request.pageAboutKey = keptPageKey({ ...parts, subject: ABOUT_SOMEONE });
  const entry = findKeptPage(key);
  if (!entry) return undefined;
  reply.headers(keptPageHeaders(entry));
  if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send();
  return reply.status(200).send(entry.body);
}

export interface KeptPageKeyParts {
  sessionId: string;
  accountId: number;
  locale: string;
  acceptEncoding: string | undefined;
  versions: { own: number; shared: number };
  /** '' for a page about the person themself; `<account>:<version>` for a page about another. */
  subject: string;
  now: Date;
  url: string;
}

/** The key of a kept page: everything its bytes depend on (see the top of this file). */
export function keptPageKey(parts: KeptPageKeyParts): string {
  const minute = Math.floor(parts.now.getTime() / MINUTE);
  return [parts.sessionId, parts.accountId, parts.locale, negotiatedEncoding(parts.acceptEncoding), parts.versions.own, parts.versions.shared, parts.subject, minute, parts.url].join('|');
}

/**
 * The page kept for these parts, whether about the person themself or about the account it
 * was rendered about (found by `pageSubjects`, then checked against that account's version).
 */
export async function findKeptPageFor(database: DatabaseHandle, parts: Omit<KeptPageKeyParts, 'subject'>): Promise<KeptPage | undefined> {
  const own = findKeptPage(keptPageKey({ ...parts, subject: '' }));
  if (own) return own;
  const subject = pageSubjects.get(keptPageKey({ ...parts, subject: ABOUT_SOMEONE }));
  if (subject === undefined) return undefined;
  return findKeptPage(keptPageKey({ ...parts, subject: subjectKey(subject, await subjectVersion(database, subject)) }));
}

/** The page kept for this key, if any (then the most recently used). */
export function findKeptPage(key: string): KeptPage | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  entries.delete(key);
  entries.set(key, entry); // most recently used last
  return entry;
}

/** The headers a kept page is answered with, besides those every answer carries. */
export function keptPageHeaders(entry: KeptPage): Record<string, string> {
  const headers: Record<string, string> = { etag: entry.etag, 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8', vary: 'accept-encoding' };
  if (entry.encoding) headers['content-encoding'] = entry.encoding;
  return headers;
}

/** Keeps a rendered page for its key; returns the ETag to send with it. */
export function remember(request: FastifyRequest, body: Buffer, encoding: string | undefined): string | undefined {
  const key = request.pageCacheKey;
  if (!key) return undefined;
  const etag = `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 22)}"`;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { body, encoding, etag, route: request.routeOptions.url ?? '(unmatched)' });
  if (request.pageAboutKey && request.pageSubject !== undefined) {
    if (pageSubjects.size >= MAX_ENTRIES) pageSubjects.delete(pageSubjects.keys().next().value as string);
    pageSubjects.set(request.pageAboutKey, request.pageSubject);
  }
  return etag;
}
