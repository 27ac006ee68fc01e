/**
 * The service worker (served at /sw.js, scope `/`): it lets a signed-in client read the pages they
 * last saw when the network is gone, and makes forms say they need a connection instead of failing
 * silently. The rules on what it keeps, for whom and how long: docs/decisions/0007.
 *
 * - Shell assets (stylesheet, script, icons): network first, the copy when offline.
 * - « Mes actions », an action, the appointments and an appointment: network first; each answer
 *   that carries the `AQ-Offline-Session` header is kept in that session's own cache. Offline, the
 *   copy is shown with its banner « Hors ligne — dernière mise à jour le … » unwrapped, only while
 *   the session could still be alive. Any page without the header (signed out, sign-in page, staff)
 *   and the sign-out post delete every copy.
 * - A form posted offline gets a small page saying it needs a connection.
 * Everything else (other pages, the API, fetches) goes to the network untouched.
 */
import { messages } from '../../modules/pwa/pwa.messages';
import { OFFLINE_BANNER_MARKER } from '../components/offline-banner/offline-banner-marker';
import { clearOfflinePages, isOfflinePage, OFFLINE_SESSION_HEADER, PAGES_CACHE_PREFIX, parseOfflineSession } from './offline-store';

/** Set by the build (scripts/build-client.mjs): a digest of the assets, so a new build means a new worker. */
declare const SHELL_VERSION: string;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
  caches: CacheStorage;
}
const worker = self as unknown as WorkerScope;

const SHELL_CACHE_PREFIX = 'aq-shell-';
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${SHELL_VERSION}`;
const SHELL_ASSETS = ['/assets/app.css', '/assets/app.js', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];
/** Inside each session's cache: until when (epoch ms) its copies may be shown, and in which language. */
const SESSION_RECORD = '/__aq-offline/session';

type Lang = 'fr' | 'en';

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL_ASSETS))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate' && request.method === 'GET') event.respondWith(navigate(event, url));
  else if (request.mode === 'navigate' && request.method === 'POST') event.respondWith(post(request, url));
  else if (request.method === 'GET' && SHELL_ASSETS.includes(url.pathname)) event.respondWith(asset(request));
});

async function navigate(event: FetchEvent, url: URL): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(event.request);
  } catch {
    return fromCopy(url);
  }
  event.waitUntil(keepInTurn(url, response.clone()));
  return response;
}

/**
 * Pages are kept one after the other, in the order they were answered: a slow keep of an earlier
 * page must not write its session record (or clear the copies) after a later page's, which holds
 * the newer truth (a sign-out, a session that ends sooner).
 */
let keeping: Promise<void> = Promise.resolve();
function keepInTurn(url: URL, response: Response): Promise<void> {
  keeping = keeping.then(() => keep(url, response)).catch(() => undefined);
  return keeping;
}

/** Keeps a signed-in client's page in their session's cache; any other page clears every copy. */
async function keep(url: URL, response: Response): Promise<void> {
  if (response.type === 'opaqueredirect') return; // a redirect: its target page decides
  const session = parseOfflineSession(response.headers.get(OFFLINE_SESSION_HEADER));
  if (!session) return clearOfflinePages(caches);
  const name = `${PAGES_CACHE_PREFIX}${session.key}`;
  const others = (await caches.keys()).filter((other) => other.startsWith(PAGES_CACHE_PREFIX) && other !== name);
  await Promise.all(others.map((other) => caches.delete(other)));
  const cache = await caches.open(name);
  const record = { until: Date.now() + session.maxAgeSeconds * 1000, lang: session.lang };
  await cache.put(SESSION_RECORD, new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }));
  const isHtml = (response.headers.get('content-type') ?? '').startsWith('text/html');
  if (response.status === 200 && isHtml && isOfflinePage(url.pathname)) await cache.put(url.href, response);
}

/** The kept copy of a page with its offline banner, or the offline page; expired copies are deleted, never shown. */
async function fromCopy(url: URL): Promise<Response> {
  let lang: Lang | undefined;
  for (const name of (await caches.keys()).filter((each) => each.startsWith(PAGES_CACHE_PREFIX))) {
    const cache = await caches.open(name);
    const record = await readRecord(cache);
    if (!record || Date.now() >= record.until) {
      await caches.delete(name);
      continue;
    }
    lang = record.lang;
    const copy = isOfflinePage(url.pathname) ? await cache.match(url.href, { ignoreVary: true }) : undefined;
    if (copy) return withBanner(copy);
  }
  return offlinePage(lang ?? guessLang(), 'page');
}

async function readRecord(cache: Cache): Promise<{ until: number; lang: Lang } | undefined> {
  const stored = await cache.match(SESSION_RECORD);
  if (!stored) return undefined;
  try {
    const record = (await stored.json()) as { until?: unknown; lang?: unknown };
    return typeof record.until === 'number' ? { until: record.until, lang: record.lang === 'en' ? 'en' : 'fr' } : undefined;
  } catch {
    return undefined;
  }
}

/** Unwraps the banner the server wrote inside an inert `<template data-offline-banner>`. */
async function withBanner(copy: Response): Promise<Response> {
  const html = (await copy.text()).replace(new RegExp(`<template ${OFFLINE_BANNER_MARKER}(?:="")?>([\\s\\S]*?)</template>`), '$1');
  const headers = new Headers(copy.headers);
  for (const name of ['content-encoding', 'content-length', OFFLINE_SESSION_HEADER]) headers.delete(name);
  headers.set('x-aq-offline-copy', '1');
  return new Response(html, { status: 200, headers });
}

/** A form sent offline: the sign-out post clears every copy first; a failure says a connection is needed. */
async function post(request: Request, url: URL): Promise<Response> {
  if (url.pathname === '/deconnexion') await clearOfflinePages(caches);
  try {
    return await fetch(request);
  } catch {
    const referrer = request.referrer ? new URL(request.referrer) : undefined;
    const back = referrer && referrer.origin === worker.location.origin ? referrer.pathname + referrer.search : '/';
    return offlinePage(await currentLang(), 'form', back);
  }
}

async function asset(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      caches
        .open(SHELL_CACHE)
        .then((cache) => cache.put(request, copy))
        .catch(() => undefined);
    }
    return response;
  } catch {
    return (await caches.match(request, { cacheName: SHELL_CACHE, ignoreVary: true, ignoreSearch: true })) ?? Response.error();
  }
}

async function currentLang(): Promise<Lang> {
  for (const name of (await caches.keys()).filter((each) => each.startsWith(PAGES_CACHE_PREFIX))) {
    const record = await readRecord(await caches.open(name));
    if (record && Date.now() < record.until) return record.lang;
  }
  return guessLang();
}

function guessLang(): Lang {
  return (navigator.language ?? '').toLowerCase().startsWith('en') ? 'en' : 'fr';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page of the worker's own, with nothing of anyone in it, under the same strict CSP as the site. */
function offlinePage(lang: Lang, kind: 'page' | 'form', back = '/'): Response {
  const t = messages[lang];
  const title = kind === 'form' ? t['pwa.offline.formTitle'] : t['pwa.offline.title'];
  const body = kind === 'form' ? t['pwa.offline.formNeedsConnection'] : t['pwa.offline.pageUnavailable'];
  const link = kind === 'form' ? `<a href="${escapeHtml(back)}">${escapeHtml(t['pwa.offline.back'])}</a>` : `<a href="/">${escapeHtml(t['pwa.offline.home'])}</a>`;
  const html = `<!doctype html><html lang="${lang === 'fr' ? 'fr-CA' : 'en-CA'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Accompagnement Québec</title><link rel="stylesheet" href="/assets/app.css"></head><body class="app-body"><header class="app-header"><div class="app-header__brand"><span class="app-header__home"><span class="app-header__gov">Québec</span></span><span class="app-header__service">Accompagnement Québec</span></div></header><div class="app-page"><main id="contenu" class="app-main"><h1>${escapeHtml(title)}</h1><div class="app-notice app-notice--warning" role="status">${escapeHtml(body)}</div><p>${link}</p></main></div></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      'x-aq-offline-copy': '0',
    },
  });
}
