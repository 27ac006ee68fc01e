import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { dialectName } from '../helpers/database';
import { DESKTOP, Journey, PHONE, signIn, startServer, useBrowser } from './harness';

/**
 * The look of a Québec service. The footer's pages by keyboard, in French and
 * English; the footer at the bottom of the window on a short page, phone and desktop; the phone
 * menu without JavaScript (a plain list) and with it (folded, nothing moved when the script
 * starts). The variants are spread over the journeys; axe runs on every page.
 */

const PAGES = {
  fr: [
    ['Nous joindre', '/nous-joindre'],
    ['Accessibilité', '/accessibilite'],
    ['Confidentialité', '/confidentialite'],
    ["Conditions d'utilisation", '/conditions-utilisation'],
  ],
  en: [
    ['Contact us', '/nous-joindre'],
    ['Accessibility', '/accessibilite'],
    ['Privacy', '/confidentialite'],
    ['Terms of use', '/conditions-utilisation'],
  ],
} as const;

/** The footer's box against the window: its bottom edge, the window's height and the page's. */
async function footerBox(page: Page): Promise<{ bottom: number; windowHeight: number; pageHeight: number }> {
  return page.evaluate(() => {
    const box = document.querySelector('footer.app-footer')!.getBoundingClientRect();
    return { bottom: Math.round(box.bottom + window.scrollY), windowHeight: window.innerHeight, pageHeight: document.documentElement.scrollHeight };
  });
}

async function assertFooterAtBottom(page: Page, what: string): Promise<void> {
  const { bottom, windowHeight, pageHeight } = await footerBox(page);
  assert.equal(pageHeight, windowHeight, `${what}: a short page is exactly as tall as the window (no scroll)`);
  assert.equal(bottom, windowHeight, `${what}: the footer's bottom edge is the window's`);
}

/** Layout shifts the page has had since it started loading (the CLS entries, all of them). */
async function layoutShifts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // The buffered entries arrive in the first callback; give it two frames.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
}

describe(`a Québec service's look: footer, its pages, the phone menu (${dialectName})`, () => {
  const browser = useBrowser();

  test('FR, desktop, with JS: the footer at the bottom; its pages reached by keyboard; nothing moves when the script starts', async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { javaScript: true, viewport: DESKTOP, label: 'look-fr-js-desktop' });
    const { page } = journey;
    await page.goto('/page-qui-n-existe-pas');
    await journey.audit('introuvable');
    await assertFooterAtBottom(page, 'desktop 404');
    await page.goto('/connexion');
    await journey.audit('connexion');
    assert.equal(await layoutShifts(page), 0, 'no layout shift on the sign-in page');
    for (const [label, path] of PAGES.fr) {
      await journey.pressEnterOn(label);
      assert.equal(new URL(page.url()).pathname, path);
      assert.equal(await page.locator('h1').textContent(), label);
      assert.equal(await page.locator(`footer a[aria-current="page"]`).getAttribute('href'), path);
      await journey.audit(path.slice(1));
    }
    // The contact centre, its TTY numbers and its hours, in the footer of every page.
    const footer = (await page.locator('footer').innerText()).replace(/\s+/g, ' ');
    assert.match(footer, /Centre de contacts clientèle\s?: 514 864-9191 ou 1 877 864-9191 \(sans frais\)/);
    assert.match(footer, /ATS \(personnes sourdes ou malentendantes\)\s?: 514 864-8158 ou 1 866 227-5968/);
    assert.match(footer, /du lundi au vendredi, de 8\sh\s30 à 16\sh\s30/);
    await journey.done();
  });

  test('EN, phone, without JS: the menu is a plain list, one row per page; the footer pages in English; the footer at the bottom', async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { javaScript: false, viewport: PHONE, label: 'look-en-nojs-phone' });
    const { page } = journey;
    await signIn(journey, 'john.doe@example.com', { locale: 'en' });
    await journey.audit('home');
    assert.equal(await page.locator('.app-sidenav__toggle').isVisible(), false, 'no « Menu » button without JS');
    const rows = await page.locator('.app-sidenav__link').evaluateAll((links) => links.map((link) => link.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
    assert.equal(rows.length, 4);
    for (const [i, row] of rows.entries()) {
      assert.equal(row.x, 0, `row ${i} starts at the left edge`);
      assert.equal(row.width, PHONE.width, `row ${i} spans the width`);
      assert.ok(row.height >= 44, `row ${i} is a comfortable target (${row.height}px)`);
      if (i > 0) assert.ok(row.y >= rows[i - 1].y + rows[i - 1].height, `row ${i} is below row ${i - 1}`);
    }
    for (const [label, path] of PAGES.en) {
      await journey.navigates(() => page.locator('footer').getByRole('link', { name: label, exact: true }).click());
      assert.equal(new URL(page.url()).pathname, path);
      assert.equal(await page.locator('h1').textContent(), label);
      if (path === '/nous-joindre') assert.match(await page.locator('main').innerText(), /TTY \(phone for deaf or hard-of-hearing people\)\s+514 864-8158 or 1 866 227-5968 \(toll free\)/);
      await journey.audit(path.slice(1));
    }
    // A short page on a tall phone (430 × 932): the 404 page is shorter than the window there.
    await page.setViewportSize({ width: 430, height: 932 });
    await page.goto('/page-that-does-not-exist');
    await journey.audit('not-found');
    await assertFooterAtBottom(page, 'phone 404');
    await journey.done();
  });

  test('FR, phone, with JS: the menu folds behind « Menu » before the script starts, opens and closes; no layout shift', async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { javaScript: true, viewport: PHONE, label: 'look-fr-js-phone' });
    const { page } = journey;
    await signIn(journey, 'john.doe@example.com');
    await journey.audit('accueil');
    await page.goto('/accompagnement-quebec/actions');
    await journey.audit('mes-actions');
    const toggle = page.getByRole('button', { name: 'Menu' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#app-sidenav-list').isVisible(), false);
    assert.equal(await layoutShifts(page), 0, 'the folded menu and the script move nothing');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.getByRole('link', { name: 'Mes dossiers' }).waitFor();
    await journey.audit('menu-ouvert');
    await toggle.click();
    assert.equal(await page.locator('#app-sidenav-list').isVisible(), false);
    // The footer's links by keyboard at phone width too.
    await journey.pressEnterOn('Confidentialité');
    assert.equal(new URL(page.url()).pathname, '/confidentialite');
    await journey.audit('confidentialite');
    await journey.done();
  });
});
