import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { resolveSession } from '../src/platform/session/session.service';
import { buildTestApp, type TestApp } from './helpers/app';
import { dialectName } from './helpers/database';
import { type Route, routeTable } from './helpers/route-table';

/**
 * The fuzzing sweep: every route of the route table (read from the app itself, so routes added
 * later are swept too), hit with random and hostile values — as forms with a valid `_csrf` and as
 * JSON, anonymous, as a client and as an agent — must never answer 5xx. Field names come from the
 * forms and links of the pages themselves (a crawl), plus the OpenAPI document when there is one.
 *
 * Fixed seed and a bounded number of requests, spread over the routes (more routes, fewer cases
 * each): the same requests on every run, well under a minute per dialect. FUZZ_SEED explores other
 * inputs; FUZZ_RUNS multiplies the budget.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const BUDGET = 2_000 * Number(process.env.FUZZ_RUNS ?? 1);
const IDENTITIES = [null, 'john.doe@example.com', 'marie.tremblay@example.com'] as const;

// ---------------------------------------------------------------------------------------------
// Hostile values

const HOSTILE = [
  '',
  ' ',
  "'",
  '"',
  "' OR '1'='1' --",
  '1; DROP TABLE accounts; --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\r\nSet-Cookie: x=y',
  '\t/evil.example',
  '/\\evil.example',
  '//evil.example',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as plain text on purpose
  '${7*7}{{7*7}}',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1.5',
  '1e309',
  '-0',
  '99999999999999999999',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '24:61',
  'true',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  'constructor',
  'ﬀ',
  '\u202eevil',
  '\uFEFF',
  '\uD800',
  '😀'.repeat(40),
  'é'.repeat(3000),
  'fr',
  'en',
  'client',
  'interne',
  'telephone',
  'annule',
];

const controlChars = fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 12 }).map((codes) => String.fromCharCode(...codes));
// Mostly long enough to overflow a column or a header, now and then past the 64 KiB body limit.
const longString = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 300, max: 6_000 }) }, { weight: 1, arbitrary: fc.constant(70_000) }).map((n) => 'x'.repeat(n));
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: controlChars },
  { weight: 1, arbitrary: longString },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.nat(40)).map(String) },
);
/** Any JSON value, nested a little; deep nesting is its own case below. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Path parameters that once reached a query as they were (a NUL answered 500 on PostgreSQL). */
const ODD_PATH_PARAMS = ['%00', 'a%00b', '1%00', '%00%00', '9'.repeat(40), '2147483648', '-2147483649', '1e999', '%C3%A9', '%F0%9F%98%80', '%ED%A0%80', '%E9', '%EF%BB%BF1', '%E2%80%AE1'];

/** Ids for `:id`: real ones (so handlers go deep), odd numbers, and hostile text. */
function idArbitrary(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: realIds.length ? fc.constantFrom(...realIds) : fc.constant('1') },
    { weight: 2, arbitrary: fc.oneof(fc.nat(50), fc.integer(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })).map(String) },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length < 500).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '?'))) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '..', '.', '%2e%2e', '1%2F2', '1;2', '%C0%AF') },
    // NUL (PostgreSQL refuses it in text), huge numbers and non-ASCII, valid or not as UTF-8.
    { weight: 1, arbitrary: fc.constantFrom(...ODD_PATH_PARAMS) },
  );
}

type Fields = [string, string][];

/**
 * A form: each of its fields present or not, holding a hostile value, several (a repeated name: an
 * array once parsed) or a bracketed key (an object to some parsers); plus a few fields of other
 * forms and unknown names.
 */
function fieldsArbitrary(own: string[], others: string[]): fc.Arbitrary<Fields> {
  const value = fc.oneof(
    { weight: 6, arbitrary: hostileString.map((v) => [['', v]] as Fields) },
    { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => ['', v] as [string, string])) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          hostileString.filter((k) => k.length < 50),
          hostileString,
        )
        .map(([k, v]) => [[`[${k}]`, v]] as Fields),
    },
  );
  const known = fc.record(Object.fromEntries(own.map((n) => [n, value])), { requiredKeys: [] });
  // A route no form posts to (an API, or one the crawl did not reach) gets more of every form's names.
  const foreign = fc.array(fc.tuple(fc.constantFrom(...others), hostileString), { maxLength: own.length > 0 ? 2 : 6 });
  const unknown = fc.array(
    fc.tuple(
      hostileString.filter((s) => s.length < 100),
      hostileString,
    ),
    { maxLength: 1 },
  );
  return fc
    .tuple(known, foreign, unknown)
    .map(([fields, borrowed, extra]) => [...Object.entries(fields).flatMap(([name, pairs]) => (pairs as Fields).map(([suffix, v]) => [name + suffix, v] as [string, string])), ...borrowed, ...extra]);
}

function jsonBodyArbitrary(own: string[], others: string[]): fc.Arbitrary<string> {
  const known = fc.record(Object.fromEntries(own.map((n) => [n, jsonValue])), { requiredKeys: [] });
  const extra = fc.dictionary(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...others) }, { weight: 1, arbitrary: hostileString }), jsonValue, { maxKeys: own.length > 0 ? 2 : 6 });
  const object = fc.tuple(known, extra).map(([a, b]) => ({ ...b, ...a }));
  return fc.oneof(
    { weight: 8, arbitrary: object.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: jsonValue.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 5_000 }).map((depth) => `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', 'nul', '"\\ud800"', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}') },
  );
}

// ---------------------------------------------------------------------------------------------
// What the pages tell: field names, query names, real ids

interface Knowledge {
  fieldNames: Set<string>;
  /** The fields of each form (or API body), by the route pattern it posts to. */
  fieldsByPattern: Map<string, Set<string>>;
  queryNames: Set<string>;
  /** Real ids seen in links, by the route pattern they fill. */
  idsByPattern: Map<string, Set<string>>;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");

async function crawl(testApp: TestApp, routes: Route[], email: string | null, knowledge: Knowledge): Promise<void> {
  const client = await testApp.client(email ?? undefined);
  const toMatcher = (r: Route) => ({ pattern: r.pattern, regex: new RegExp(`^${r.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-zA-Z]+/g, '([^/?#]+)')}$`) });
  const patterns = routes.filter((r) => r.method === 'GET').map(toMatcher);
  const patternsAll = routes.filter((r) => r.method !== 'GET').map(toMatcher);
  const seen = new Set<string>();
  const queue = ['/'];
  while (queue.length > 0 && seen.size < 60) {
    const url = queue.shift() as string;
    if (seen.has(url) || url.startsWith('/deconnexion') || url.startsWith('/assets/')) continue;
    seen.add(url);
    const page = await client.get(url);
    const location = page.headers.location;
    if (typeof location === 'string' && location.startsWith('/')) queue.push(location);
    if (!String(page.headers['content-type'] ?? '').includes('html')) continue;
    for (const [, action, inner] of page.body.matchAll(/<form\b[^>]*?\saction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
      const pathname = new URL(decode(action), 'http://x').pathname;
      const target = patternsAll.find(({ regex }) => regex.test(pathname));
      for (const [, name] of inner.matchAll(/\sname="([^"]+)"/g)) {
        knowledge.fieldNames.add(decode(name));
        if (target) addTo(knowledge.fieldsByPattern, target.pattern, decode(name));
      }
    }
    for (const [, href] of page.body.matchAll(/\s(?:href|action)="(\/[^"]*)"/g)) {
      const target = new URL(decode(href), 'http://x');
      for (const key of target.searchParams.keys()) knowledge.queryNames.add(key);
      for (const { pattern, regex } of patterns) {
        const m = regex.exec(target.pathname);
        if (m && m.length > 1) for (const id of m.slice(1)) addTo(knowledge.idsByPattern, pattern, id);
      }
      if (!seen.has(target.pathname + target.search)) queue.push(target.pathname + target.search);
    }
  }
}

/** Request-body field names from the OpenAPI document, when the service publishes one, by route pattern. */
async function readOpenApi(app: FastifyInstance, knowledge: Knowledge): Promise<void> {
  const response = await app.inject('/api/openapi.json');
  if (response.statusCode !== 200) return;
  let document: { paths?: Record<string, Record<string, unknown>>; servers?: { url?: string }[] };
  try {
    document = response.json();
  } catch {
    return;
  }
  const base = new URL(document.servers?.[0]?.url ?? '/', 'http://x').pathname.replace(/\/$/, '');
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    const pattern = (path.startsWith(base) ? path : base + path).replace(/\{(\w+)\}/g, ':$1');
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === 'object') {
        for (const key of Object.keys(record.properties)) {
          knowledge.fieldNames.add(key);
          addTo(knowledge.fieldsByPattern, pattern, key);
        }
      }
      for (const value of Object.values(record)) walk(value);
    };
    for (const operation of Object.values(operations)) walk((operation as { requestBody?: unknown })?.requestBody);
  }
}

// ---------------------------------------------------------------------------------------------

interface Identity {
  label: string;
  cookie: string;
  csrf: string;
  /** The session token, to tell whether a route ended the session. */
  session?: string;
  bearer?: string;
}

async function identityFor(testApp: TestApp, email: string | null): Promise<Identity> {
  const client = await testApp.client(email ?? undefined);
  if (!client.csrf) await client.get('/connexion');
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let bearer: string | undefined;
  if (email && testApp.app.hasRoute({ method: 'POST', url: '/api/v1/tokens' })) {
    const token = await testApp.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email, password: 'Demo-Accompagnement-2026' } });
    if (token.statusCode < 300) bearer = token.json().token ?? token.json().access_token;
  }
  return { label: email ?? 'anonymous', cookie, csrf: client.csrf, session: client.cookies.get('aq_session'), bearer };
}

const FORM = 'application/x-www-form-urlencoded';
/** A form's fields sent as another type: no parser reads these (a text body once answered 500). */
const OTHER_CONTENT_TYPES = ['text/plain', 'text/plain; charset=utf-8', 'application/octet-stream', 'multipart/form-data', 'application/xml', 'application/x-www-form-urlencoded; charset=koi8-r'];

interface Failure {
  identity: string;
  method: string;
  url: string;
  body: string;
  status: number;
}

test(`fuzzing sweep: no route answers 5xx to random and hostile input (${dialectName}, seed ${SEED})`, async (t) => {
  const started = Date.now();
  const testApp = await buildTestApp(t);
  const { app } = testApp;
  const routes = routeTable(app).filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
  assert.ok(routes.length >= 10, `the route table was read (${routes.length} routes)`);
  assert.ok(
    routes.some((r) => r.method === 'POST' && r.pattern === '/connexion'),
    'the sign-in form is among them',
  );

  const knowledge: Knowledge = { fieldNames: new Set(['email', 'password', 'id', 'version']), fieldsByPattern: new Map(), queryNames: new Set(), idsByPattern: new Map() };
  for (const email of IDENTITIES) await crawl(testApp, routes, email, knowledge);
  await readOpenApi(app, knowledge);
  // `_csrf` is sent right (or, now and then, left out): a random one would only test the CSRF check.
  const fieldNames = [...knowledge.fieldNames].filter((n) => n !== '_csrf').sort();
  const queryNames = [...new Set([...knowledge.queryNames, 'onglet', 'suivant', 'retour', 'page'])].sort();
  const allIds = [...new Set([...knowledge.idsByPattern.values()].flatMap((s) => [...s]))];
  // The budget, spread: a body route costs two encodings, a GET route half as many cases.
  const bodyRoutes = routes.filter((r) => r.method !== 'GET').length;
  const perRoute = Math.max(3, Math.floor(BUDGET / (IDENTITIES.length * (2 * bodyRoutes + 0.5 * (routes.length - bodyRoutes)))));
  const RUNS = { body: perRoute, query: Math.max(2, Math.ceil(perRoute / 2)) };

  const failures: Failure[] = [];
  let requests = 0;
  const send = async (identity: Identity, method: string, url: string, contentType: string | null, body: string) => {
    requests++;
    const headers: Record<string, string> = { cookie: identity.cookie, accept: requests % 3 === 0 ? 'application/json' : 'text/html' };
    if (contentType === 'application/json') headers['x-csrf-token'] = identity.csrf;
    if (contentType) headers['content-type'] = contentType;
    if (identity.bearer && url.startsWith('/api/')) headers.authorization = `Bearer ${identity.bearer}`;
    // Spread over many addresses, so the sign-in throttles do not stop the sweep at the door.
    const response = await app.inject({ method: method as 'GET', url, headers, payload: contentType ? body : undefined, remoteAddress: `198.51.100.${requests % 250}` });
    if (response.statusCode >= 500) failures.push({ identity: identity.label, method, url, body: body.slice(0, 300), status: response.statusCode });
    return response.statusCode < 500;
  };

  const identities: Identity[] = [];
  for (const route of routes) {
    const hasBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);
    const ids = [...(knowledge.idsByPattern.get(route.pattern) ?? []), ...allIds.slice(0, 5)];
    const path = fc
      .tuple(
        ...route.pattern
          .split('/')
          .map((segment) => (segment.startsWith(':') ? idArbitrary(ids) : segment === '*' ? hostileString.map((s) => encodeURIComponent(s.slice(0, 40).replace(/[\uD800-\uDFFF]/g, '?'))) : fc.constant(segment))),
      )
      .map((parts) => parts.join('/') || '/');
    // A route that ended a session (/deconnexion, a password change…) must not leave the next
    // route anonymous: sign in again then, and only then (argon2 is the slow part of a sweep).
    for (const [index, email] of IDENTITIES.entries()) {
      const current = identities[index];
      const resolved = current?.session ? await resolveSession(app.database.db, current.session, testApp.clock) : null;
      if (!current || (email && !(resolved && 'account' in resolved))) identities[index] = await identityFor(testApp, email);
    }
    const routeSeed = [...`${route.method} ${route.pattern}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 0);
    for (const [index, identity] of identities.entries()) {
      // Each route and identity gets inputs of its own, the same on every run.
      const tag = (n: number) => ({ seed: SEED + routeSeed + 10 * index + n, numRuns: hasBody ? RUNS.body : RUNS.query, endOnFailure: true });
      if (hasBody) {
        const own = [...(knowledge.fieldsByPattern.get(route.pattern) ?? [])].filter((n) => n !== '_csrf');
        const form = fc.tuple(
          path,
          fieldsArbitrary(own, fieldNames),
          fc.nat(9).map((n) => n > 0),
          fc.oneof({ weight: 12, arbitrary: fc.constant(FORM) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_CONTENT_TYPES) }),
        );
        await fc.check(
          fc.asyncProperty(form, async ([url, fields, withCsrf, contentType]) => {
            const params = new URLSearchParams(withCsrf || route.method !== 'POST' ? [['_csrf', identity.csrf], ...fields] : fields);
            return send(identity, route.method, url, contentType, params.toString().replace(/%EF%BF%BD/g, '%ED%A0%80'));
          }),
          tag(1),
        );
        await fc.check(
          fc.asyncProperty(fc.tuple(path, jsonBodyArbitrary(own, fieldNames)), async ([url, json]) => {
            const csrf = `"_csrf":${JSON.stringify(identity.csrf)}`;
            const body = json === '{}' ? `{${csrf}}` : json.startsWith('{"') ? `{${csrf},${json.slice(1)}` : json;
            return send(identity, route.method, url, 'application/json', body);
          }),
          tag(2),
        );
      } else {
        const query = fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(...queryNames),
              hostileString.filter((s) => s.length < 50),
            ),
            hostileString.filter((s) => s.length < 5_000),
          ),
          { maxLength: 4 },
        );
        await fc.check(
          fc.asyncProperty(fc.tuple(path, query, fc.constantFrom('', '&x[]=1', '&%zz', '&a[b][c]=d', '&=', '&&')), async ([url, pairs, raw]) => {
            const search = new URLSearchParams(pairs.map(([k, v]) => [k, v.replace(/[\uD800-\uDFFF]/g, '?')])).toString();
            return send(identity, route.method, `${url}?${search}${raw}`, null, '');
          }),
          tag(3),
        );
      }
    }
  }

  t.diagnostic(
    `${routes.length} routes, ${requests} requests (${RUNS.body} cases per body route, encoding and identity), ${fieldNames.length} field names (${knowledge.fieldsByPattern.size} forms), ${allIds.length} real ids, ${Date.now() - started} ms`,
  );
  const report = failures.slice(0, 20).map((f) => `${f.status} ${f.identity} ${f.method} ${f.url.slice(0, 200)} ${JSON.stringify(f.body)}`);
  assert.deepEqual(report, [], `${failures.length} responses were 5xx`);
});
