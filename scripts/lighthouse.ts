// Lighthouse (mobile) on the sign-in page and on John Doe's « Mes actions », with Debian's Chromium.
// Starts the service on a temporary database with the demo data, prints the four scores of each
// page and exits 1 when any is under 100 (all four at 100 is the target: README « Lighthouse »).
// Usage: npm run lighthouse            (CHROMIUM_PATH overrides /usr/bin/chromium)
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { seedDemo } from '../src/db/seed/demo';
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
const pages = [
  { name: 'Se connecter (/connexion)', url: `${baseURL}/connexion`, signedIn: false },
  { name: '« Mes actions » (/accompagnement-quebec/actions)', url: `${baseURL}/accompagnement-quebec/actions`, signedIn: true },
];

/**
 * One Lighthouse run in a Chromium of its own (a fresh profile: no service worker or cache left by
 * the page before). Chromium ignores a Cookie header given as an extra header, so John's session
 * goes into its cookie jar over the DevTools protocol, and Lighthouse is told to keep the jar.
 */
async function audit(url: string, signedIn: boolean) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    if (signedIn) {
      const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      await cdp.contexts()[0].addCookies([...john.cookies].map(([name, value]) => ({ name, value, url: baseURL })));
      await cdp.close();
    }
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], disableStorageReset: true });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

let failed = false;
try {
  for (const page of pages) {
    let lhr = await audit(page.url, page.signedIn);
    // A trace Chromium failed to record (NO_NAVSTART, NO_FCP on a busy machine): once more.
    if (lhr.runtimeError) lhr = await audit(page.url, page.signedIn);
    if (lhr.runtimeError) throw new Error(`${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    console.log(`\n${page.name} — ${lhr.finalDisplayedUrl}`);
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
