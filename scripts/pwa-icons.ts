// Draws the project's PNG icons (192 and 512 px, for the web app manifest) and its favicon.ico
// (16 and 32 px PNGs in an ICO container) from its SVG icon (src/modules/pwa/pwa.routes.ts) with
// the machine's Chromium; the files are committed.
// Run again after changing the SVG: `npx tsx scripts/pwa-icons.ts`.
import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../test/e2e/harness';
import { ICON_SVG } from '../src/modules/pwa/pwa.routes';

/** An ICO file whose images are PNGs (understood by every browser since Windows Vista's format). */
function ico(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const browser = await launchBrowser();
try {
  const small: Array<{ size: number; png: Buffer }> = [];
  for (const size of [16, 32, 192, 512]) {
    const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const svg = ICON_SVG.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    if (size <= 32) small.push({ size, png });
    else writeFileSync(`src/modules/pwa/icons/icon-${size}.png`, png);
    await context.close();
  }
  writeFileSync('src/modules/pwa/icons/favicon.ico', ico(small));
} finally {
  await browser.close();
}
