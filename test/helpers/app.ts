import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { seedDemo } from '../../src/seed/demo';
import type { DemoAccounts } from '../../src/db/seed/demo-accounts';
import { DEMO_PASSWORD } from '../../src/seed/factories';
import type { Clock } from '../../src/platform/clock';
import { type TestDatabase, testDatabase } from './database';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  demo: DemoAccounts;
  clock: MovableClock;
  /** A cookie-keeping client, signed in as the given demo e-mail when one is given. */
  client(email?: string): Promise<TestClient>;
}

export interface MovableClock extends Clock {
  set(date: Date): void;
  advance(ms: number): void;
}

export function movableClock(start = new Date()): MovableClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as MovableClock;
  clock.set = (date) => {
    now = date.getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

/** The service on a fresh database with the demo data, closed when the test ends. */
export async function buildTestApp(t: TestContext, options: { env?: Record<string, string>; start?: Date } = {}): Promise<TestApp> {
  const database = await testDatabase(t);
  const clock = movableClock(options.start);
  const demo = await seedDemo(database.db, clock);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const app = await buildApp({ config, database, clock, logger: false });
  await app.ready();
  t.after(() => app.close());
  return {
    app,
    database,
    demo,
    clock,
    async client(email) {
      const client = new TestClient(app);
      if (email) await client.signIn(email);
      return client;
    },
  };
}

export interface Response {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** Keeps cookies between `app.inject` calls and adds `_csrf` to every form it posts. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  /** The address the requests come from (app.inject's default is 127.0.0.1). */
  remoteAddress?: string;
  constructor(private readonly app: FastifyInstance) {}

  get csrf(): string {
    return this.cookies.get('aq_csrf') ?? '';
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send('GET', url, undefined, headers);
  }

  /** Posts a form; `_csrf` is added unless the form gives its own (or `null` to leave it out). */
  /** Posts a form; a list is sent as one field repeated, as ticked checkboxes are. */
  async post(url: string, form: Record<string, string | readonly string[] | null> = {}, headers: Record<string, string> = {}): Promise<Response> {
    if (!this.csrf) await this.get('/connexion');
    const fields: Record<string, string | readonly string[]> = { _csrf: this.csrf };
    for (const [key, value] of Object.entries(form)) {
      if (value === null) delete fields[key];
      else fields[key] = value;
    }
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const one of typeof value === 'string' ? [value] : value) body.append(key, one);
    return this.send('POST', url, body.toString(), { 'content-type': 'application/x-www-form-urlencoded', ...headers });
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<Response> {
    const response = await this.post('/connexion', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign-in of ${email} failed: ${response.statusCode}`);
    return response;
  }

  private async send(method: 'GET' | 'POST', url: string, payload: string | undefined, headers: Record<string, string>): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      payload,
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
    });
    for (const c of response.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return { statusCode: response.statusCode, headers: response.headers, body: response.body };
  }
}
