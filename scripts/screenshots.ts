// Takes the home page, an appointment and the footer of John Doe's portal at phone and desktop
// widths into docs/screenshots/<prefix>-*.png — pictures of the client's side for review.
// Usage: NODE_ENV=test npx tsx scripts/screenshots.ts before|after
import path from 'node:path';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { seedDemo } from '../src/seed/demo';
import { DEMO_PASSWORD } from '../src/seed/factories';
import { movableClock } from '../test/helpers/app';
import { testDatabase } from '../test/helpers/database';
import { launchBrowser } from '../test/e2e/harness';

const prefix = process.argv[2] ?? 'after';
const out = path.resolve('docs', 'screenshots');
const database = await testDatabase();
// A fixed Thursday morning, so before and after show the same data.
const clock = movableClock(new Date('2026-11-26T14:00:00Z'));
await seedDemo(database.db, clock);
const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database, clock, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');
const baseURL = `http://127.0.0.1:${address.port}`;
const browser = await launchBrowser();
try {
  for (const [size, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const) {
    const context = await browser.newContext({ baseURL, viewport });
    const page = await context.newPage();
    await page.goto('/connexion');
    await page.getByLabel(/Adresse courriel/).fill('john.doe@example.com');
    await page.getByLabel(/Mot de passe/).fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/connexion')), page.getByRole('button', { name: /Se connecter/ }).click()]);
    await page.goto('/accompagnement-quebec');
    await page.screenshot({ path: path.join(out, `${prefix}-home-${size}.png`) });
    await page.goto('/rendez-vous');
    const href = await page.locator('a[href^="/rendez-vous/"]').first().getAttribute('href');
    await page.goto(href!);
    await page.screenshot({ path: path.join(out, `${prefix}-appointment-${size}.png`) });
    await page.locator('footer').first().scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.screenshot({ path: path.join(out, `${prefix}-footer-${size}.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
  await database.close();
}
