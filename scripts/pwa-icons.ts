// Draws the project's PNG icons (192 and 512 px, for the web app manifest) from its SVG icon
// (src/modules/pwa/pwa.routes.ts) with the machine's Chromium; the PNGs are committed.
// Run again after changing the SVG: `npx tsx scripts/pwa-icons.ts`.
import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../test/e2e/harness';
import { ICON_SVG } from '../src/modules/pwa/pwa.routes';

const browser = await launchBrowser();
try {
  for (const size of [192, 512]) {
    const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const svg = ICON_SVG.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(`src/modules/pwa/icons/icon-${size}.png`, png);
    await context.close();
  }
} finally {
  await browser.close();
}
