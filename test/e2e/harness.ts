import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { after, afterEach, before, type TestContext } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { DemoAccounts } from '../../src/db/seed/demo-accounts';
import { seedDemo } from '../../src/seed/demo';
import { DEMO_PASSWORD } from '../../src/seed/factories';
import { movableClock } from '../helpers/app';
import { testDatabase } from '../helpers/database';

/** Screenshots of the pages open when a test fails, kept as test artefacts (ignored by git). */
export const ARTIFACTS = path.resolve('test-results', 'screenshots');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface Server {
  baseURL: string;
  demo: DemoAccounts;
  database: Awaited<ReturnType<typeof testDatabase>>;
}

/**
 * The real service on a free port, with a fresh seeded database; closed when the test ends. Its
 * clock is the system's, unless `start` is given: then it stands still at that instant, the demo
 * data seeded around it, for journeys whose words depend on the day (a deadline after a weekend).
 */
export async function startServer(t: TestContext, env: Record<string, string> = {}, options: { start?: Date } = {}): Promise<Server> {
  const database = await testDatabase(t);
  const clock = movableClock(options.start);
  const demo = await seedDemo(database.db, clock);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ config, database, ...(options.start ? { clock } : {}), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => app.close());
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { baseURL: `http://127.0.0.1:${address.port}`, demo, database };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface JourneyOptions {
  javaScript: boolean;
  viewport: { width: number; height: number };
  /** Used in screenshot names. */
  label: string;
}

/**
 * A page in a fresh browser context that remembers every page it navigates to; `audit` runs axe
 * (WCAG 2.2 AA tags) on it, and `done` fails when a visited page was never audited — so no page of
 * a journey escapes the accessibility check. axe runs once per distinct page and variant (see
 * `isFirstAudit`); when a test fails, the pages still open are photographed (`useBrowser`).
 */
export class Journey {
  private readonly unaudited = new Set<string>();
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly options: JourneyOptions,
  ) {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.unaudited.add(frame.url());
    });
  }

  static async open(browser: Browser, server: Server, options: JourneyOptions): Promise<Journey> {
    const context = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: options.javaScript, viewport: options.viewport });
    const page = await context.newPage();
    const journey = new Journey(context, page, options);
    openJourneys.add(journey);
    return journey;
  }

  async audit(name: string): Promise<void> {
    await this.page.waitForLoadState('load');
    if (await isFirstAudit(this.page, this.options)) {
      const results = await new AxeBuilder({ page: await this.pageForAxe() }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      if (results.violations.length > 0) {
        await this.screenshot(`axe-${name}`);
        const details = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
        throw new Error(`axe found ${results.violations.length} violation(s) on ${this.page.url()} [${name}]:\n  ${details.join('\n  ')}`);
      }
    }
    this.unaudited.delete(this.page.url());
  }

  /** A full-page screenshot into test-results/screenshots, named after the journey. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${this.options.label}-${name}.png`.replace(/[^\w.-]+/g, '_'));
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /**
   * axe is a script, and a page without JavaScript cannot run it: for those journeys the exact
   * HTML the browser received is replayed, at the same URL and size, in a twin page that may run
   * axe but not the site's own script — so axe sees what a no-JS visitor sees.
   */
  private async pageForAxe(): Promise<Page> {
    if (this.options.javaScript) return this.page;
    const html = await this.page.content();
    const url = this.page.url();
    this.twin ??= await this.context.browser()!.newContext({ viewport: this.options.viewport });
    const twin = await this.twin.newPage();
    await twin.route('**/assets/app.js', (route) => route.abort());
    await twin.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await twin.goto(url);
    this.twinPages.push(twin);
    return twin;
  }

  private twin?: BrowserContext;
  private readonly twinPages: Page[] = [];

  /** Presses Tab until the focused element's text or accessible name matches, then returns. */
  async tabTo(name: string | RegExp, maxTabs = 60): Promise<void> {
    for (let i = 0; i < maxTabs; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        return [el.getAttribute('aria-label'), el.innerText, (el as HTMLInputElement).value, el.getAttribute('name')].filter(Boolean).join(' | ');
      });
      if (typeof name === 'string' ? focused.includes(name) : name.test(focused)) return;
    }
    throw new Error(`could not reach "${name}" with the Tab key on ${this.page.url()}`);
  }

  /** Tabs to the control, then activates it with Enter, and waits for the page it leads to. */
  async pressEnterOn(name: string | RegExp): Promise<void> {
    await this.tabTo(name);
    await this.navigates(() => this.page.keyboard.press('Enter'));
  }

  /** Runs the action and waits until the page it leads to has loaded. */
  async navigates(action: () => Promise<unknown>): Promise<void> {
    const navigation = this.page.waitForEvent('framenavigated', { predicate: (frame) => frame === this.page.mainFrame() });
    await action();
    await navigation;
    await this.page.waitForLoadState('load');
  }

  /** At phone width with JavaScript, the left menu hides behind « Menu »: open it. */
  async openMenuIfCollapsed(): Promise<void> {
    const toggle = this.page.locator('.app-sidenav__toggle');
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  }

  async done(): Promise<void> {
    openJourneys.delete(this);
    const left = [...this.unaudited].filter((url) => url !== 'about:blank');
    await this.context.close();
    await this.twin?.close();
    if (left.length > 0) throw new Error(`pages visited without an accessibility audit: ${left.join(', ')}`);
  }
}

/**
 * Signs in through the real form, by keyboard when asked. In English, the visitor first switches
 * the French sign-in page to English with the header's button, as a person would.
 */
export async function signIn(journey: Journey, email: string, options: boolean | { byKeyboard?: boolean; locale?: 'fr' | 'en' } = {}): Promise<void> {
  const { byKeyboard = false, locale = 'fr' } = typeof options === 'boolean' ? { byKeyboard: options } : options;
  const { page } = journey;
  await page.goto('/connexion');
  if (locale === 'en') {
    await journey.audit('connexion-fr');
    await journey.navigates(() => page.getByRole('button', { name: 'Display in English' }).click());
  }
  await journey.audit('connexion');
  if (byKeyboard) {
    await journey.tabTo('email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await journey.navigates(() => page.keyboard.press('Enter'));
  } else {
    await page.getByLabel(/Adresse courriel|Email address/).fill(email);
    await page.getByLabel(/Mot de passe|Password/).fill(DEMO_PASSWORD);
    await journey.navigates(() => page.getByRole('button', { name: /Se connecter|Sign in/ }).click());
  }
  // Staff not enrolled in the second factor are offered it outside production: « Plus tard ».
  if (new URL(page.url()).pathname === '/connexion/double-authentification') {
    await journey.audit('double-authentification-offerte');
    if (byKeyboard) await journey.pressEnterOn(/Plus tard|Later/);
    else await journey.navigates(() => page.getByRole('link', { name: /Plus tard|Later/ }).click());
  }
}

/** Every combination a role's main journey passes: both languages, with and without JS, phone and desktop. */
export const VARIANTS = [
  { locale: 'fr', javaScript: true, viewport: DESKTOP, size: 'desktop' },
  { locale: 'fr', javaScript: false, viewport: PHONE, size: 'phone' },
  { locale: 'en', javaScript: false, viewport: DESKTOP, size: 'desktop' },
  { locale: 'en', javaScript: true, viewport: PHONE, size: 'phone' },
] as const;

/** Journeys opened and not yet `done`: photographed when their test fails. */
const openJourneys = new Set<Journey>();

/**
 * One Chromium for a whole test file: started before its tests, closed after them. After a failed
 * test, each page it left open is photographed into test-results/screenshots (and only then: a
 * passing run takes no screenshot).
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchBrowser();
  });
  afterEach(async (context) => {
    const t = context as TestContext & { passed: boolean };
    const journeys = [...openJourneys];
    openJourneys.clear();
    if (t.passed) return;
    for (const journey of journeys) {
      const file = await journey.screenshot('failure').catch(() => undefined);
      if (file) t.diagnostic(`screenshot of the page left open: ${file}`);
    }
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet');
    return browser;
  };
}

export type Variant = (typeof VARIANTS)[number];

/**
 * The variants of a role's main journey. The client's journeys of the guide run in all four; the
 * others (newcomer, agent, manager, a referral's consent) name the two they run in, so that each
 * covers both languages or both JS modes where its people are (newcomers and clients on phones,
 * staff at desks) without paying for four: the CI run must stay under 20 minutes. On the
 * PostgreSQL smoke run (`E2E_SMOKE=1`, scripts/test.mjs) the first only. The other journeys each
 * run in one variant, spread over the four.
 */
export function roleJourneyVariants(...chosen: Variant[]): readonly Variant[] {
  const variants = chosen.length > 0 ? chosen : VARIANTS;
  return process.env.E2E_SMOKE ? variants.slice(0, 1) : variants;
}

/** In the name of a role's main journey: the smoke run selects these tests by it. */
export const ROLE_JOURNEY = '[role journey]';

export function variantName(variant: { locale: string; javaScript: boolean; size: string }): string {
  return `${variant.locale}, ${variant.javaScript ? 'with' : 'without'} JS, ${variant.size}`;
}

/**
 * axe runs once per distinct page and variant: a page is its path (ids folded) and the shape of
 * its DOM (element names, classes, roles and states, with repeated siblings counted once, so a
 * list of three rows and one of four are the same page, and a page that gains an error summary or
 * a notice is a new one); a variant is JavaScript on or off, the viewport and the language. The
 * pages already audited are remembered for the whole run in `E2E_AUDITED_DIR` (scripts/test.mjs
 * gives each run a fresh one, shared by the test files' processes), or in this process alone.
 */
async function isFirstAudit(page: Page, options: JourneyOptions): Promise<boolean> {
  const shape = await page.evaluate<string>(PAGE_SHAPE);
  const where = new URL(page.url()).pathname.replace(/\d+/g, ':n');
  const variant = `${options.javaScript ? 'js' : 'nojs'}|${options.viewport.width}x${options.viewport.height}`;
  const key = createHash('sha256').update(`${variant}|${where}|${shape}`).digest('hex').slice(0, 32);
  const dir = process.env.E2E_AUDITED_DIR;
  if (!dir) {
    if (auditedHere.has(key)) return false;
    auditedHere.add(key);
    return true;
  }
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(path.join(dir, key), `${page.url()}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const auditedHere = new Set<string>();

/**
 * The shape of the page's DOM, computed in the page. A string, not a function: tsx names the
 * functions it compiles with a helper (`__name`) that the page does not have.
 */
const PAGE_SHAPE = `(() => {
  const KEPT = ['class', 'role', 'type', 'aria-expanded', 'aria-current', 'aria-invalid', 'open', 'hidden', 'disabled'];
  const shapeOf = (element) => {
    const attributes = KEPT.map((name) => (element.hasAttribute(name) ? name + '=' + element.getAttribute(name) : '')).filter(Boolean).join(',');
    const children = new Set();
    // Sibling by sibling: a form's \`children\` is its field of that name when it has one.
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) children.add(shapeOf(child));
    return element.localName + '[' + attributes + '](' + [...children].join('') + ')';
  };
  return document.documentElement.lang + '|' + shapeOf(document.body);
})()`;
