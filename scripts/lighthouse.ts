// Lighthouse (mobile) on the sign-in page, John Doe's « Mes actions » and « Mes documents », and the
// request's three steps as a newcomer sees them, with Debian's Chromium.
// Starts the service on a temporary database with the demo data, prints the four scores of each
// page and exits 1 when any is under 100 (all four at 100 is the target: README « Lighthouse »).
// Usage: npm run lighthouse            (CHROMIUM_PATH overrides /usr/bin/chromium; LIGHTHOUSE_RUNS,
//        LIGHTHOUSE_ONLY: see below)
import os from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { seedDemo } from '../src/seed/demo';
import { createAccount } from '../src/seed/factories';
import { movableClock, TestClient } from '../test/helpers/app';
import { testDatabase } from '../test/helpers/database';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const started = Date.now();
const database = await testDatabase();
await seedDemo(database.db, movableClock());
// Production settings (assets cached, no development pages), on plain HTTP on this machine.
const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', SEED_DEMO: 'never' });
const app = await buildApp({ config, database, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');
const baseURL = `http://127.0.0.1:${address.port}`;

const john = new TestClient(app);
await john.signIn('john.doe@example.com');
const newcomer = await requestInProgress();
const pages: { name: string; url: string; as?: TestClient }[] = [
  { name: 'Se connecter (/connexion)', url: `${baseURL}/connexion` },
  { name: '« Mes actions » (/accompagnement-quebec/actions)', url: `${baseURL}/accompagnement-quebec/actions`, as: john },
  { name: '« Mes documents » (/mes-documents)', url: `${baseURL}/mes-documents`, as: john },
  { name: '« Identification » (/demande/identification)', url: `${baseURL}/demande/identification`, as: newcomer },
  { name: '« Premier rendez-vous » (/demande/premier-rendez-vous)', url: `${baseURL}/demande/premier-rendez-vous`, as: newcomer },
  { name: '« Récapituler la demande » (/demande/recapitulatif)', url: `${baseURL}/demande/recapitulatif`, as: newcomer },
];

/**
 * A newcomer with an account and a request under way: both steps answered (so each page shows
 * its answers and the recap has every row), nothing sent yet.
 */
async function requestInProgress(): Promise<TestClient> {
  await createAccount(database.db, { email: 'lea.nouvelle@example.com', display_name: 'Léa Nouvelle', role: 'client' });
  const client = new TestClient(app);
  await client.signIn('lea.nouvelle@example.com');
  const steps: [string, Record<string, string>][] = [
    [
      '/demande/identification',
      { location: 'quebec', 'arrivalDate-day': '1', 'arrivalDate-month': '9', 'arrivalDate-year': '2026', status: 'resident_permanent', fileNumber: '', adults: '1', children: '0', languages: 'es', otherLanguages: '' },
    ],
    [
      '/demande/premier-rendez-vous',
      { mode: 'telephone', region: '', phone: '514 555-0199', timeZone: 'America/Toronto', days: 'mardi', periods: 'matin', interpreter: 'non', interpreterLanguage: '', accessibility: '' },
    ],
  ];
  for (const [path, form] of steps) await client.post(path, form);
  // Both steps saved (a refused or signed-out form would not reach the recap).
  const recap = await client.get('/demande/recapitulatif');
  if (recap.statusCode !== 200) throw new Error(`the newcomer's request is not ready: ${recap.statusCode} ${recap.headers.location ?? ''}`);
  return client;
}

/**
 * One Lighthouse run in a Chromium of its own (a fresh profile: no service worker or cache left by
 * the page before). Chromium ignores a Cookie header given as an extra header, so the person's session
 * goes into its cookie jar over the DevTools protocol, and Lighthouse is told to keep the jar.
 */
async function audit(url: string, as: TestClient | undefined) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    if (as) {
      const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      await cdp.contexts()[0].addCookies([...as.cookies].map(([name, value]) => ({ name, value, url: baseURL })));
      await cdp.close();
    }
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], disableStorageReset: true });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

/** One page's recorded run; a trace Chromium failed to record (NO_NAVSTART, NO_FCP on a busy machine) is tried once more. */
async function recorded(url: string, as: TestClient | undefined) {
  let lhr = await audit(url, as);
  if (lhr.runtimeError) lhr = await audit(url, as);
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return lhr;
}

const performanceOf = (lhr: Awaited<ReturnType<typeof audit>>) => lhr.categories.performance.score ?? 0;
// Performance moves with the machine's load (the other categories do not): LIGHTHOUSE_RUNS=3 runs
// each page three times and reports its median run by performance, as Lighthouse CI does.
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
console.log(`Load average at the start: ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores); ${RUNS} run(s) a page`);

// LIGHTHOUSE_ONLY=<text> audits only the pages whose path holds it (« premier » for one step).
const only = process.env.LIGHTHOUSE_ONLY;
const chosen = only ? pages.filter((page) => page.url.includes(only)) : pages;

let failed = false;
try {
  for (const page of chosen) {
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await recorded(page.url, page.as));
    runs.sort((a, b) => performanceOf(a) - performanceOf(b));
    const lhr = runs[Math.floor(runs.length / 2)];
    const each = RUNS > 1 ? ` (median of ${RUNS} runs; performance ${runs.map((r) => Math.round(performanceOf(r) * 100)).join(', ')})` : '';
    console.log(`\n${page.name} — ${lhr.finalDisplayedUrl}${each}`);
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      const score = Math.round((category.score ?? 0) * 100);
      console.log(`  ${category.title.padEnd(16)} ${score}`);
      if (score < 100) {
        failed = true;
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`    - ${audit.id}: ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
    const cls = lhr.audits['cumulative-layout-shift'];
    if (cls) console.log(`  CLS              ${cls.displayValue}`);
  }
} finally {
  await app.close();
  await database.close();
}
console.log(`\n${failed ? 'Under 100 somewhere' : 'All 100'} (${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(failed ? 1 : 0);
