import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectName } from '../helpers/database';
import { DESKTOP, Journey, signIn, startServer, useBrowser } from './harness';

const NARROW = '\u202f';

/** The titles of the INSTALLATION actions on the agent's plan page, in order. */
async function settlementOrder(journey: Journey): Promise<string[]> {
  const section = journey.page.locator('section', { has: journey.page.getByRole('heading', { level: 2, name: 'INSTALLATION' }) });
  return section.locator('li.app-action-list__item h3').allTextContents();
}

describe(`the agent reorders a plan in place with JavaScript (${dialectName})`, () => {
  const browser = useBrowser();

  test('« Descendre » then « Monter » move John’s first action without a page load; the order is saved; the focus stays on the action (fr, JS, desktop)', async (t) => {
    const server = await startServer(t);
    const journey = await Journey.open(browser(), server, { javaScript: true, viewport: DESKTOP, label: 'plan-moves-fr-js-desktop' });
    const { page } = journey;
    await signIn(journey, 'marie.tremblay@example.com');
    await journey.audit('espace');
    await page.goto(`/espace/clients/${server.demo.john.id}/plan`);
    await journey.audit('plan');
    const before = await settlementOrder(journey);
    assert.ok(before.length >= 2, 'John has several INSTALLATION actions');
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });

    await page.getByRole('button', { name: `Descendre${NARROW}: ${before[0]}` }).click();
    await page.waitForFunction((title) => document.querySelectorAll('section li.app-action-list__item h3')[1]?.textContent === title, before[0]);
    assert.deepEqual((await settlementOrder(journey)).slice(0, 2), [before[1], before[0]]);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.startsWith('Descendre')), true, 'the focus stays on « Descendre » of the moved action');
    await page.locator('[data-plan-move-live]').filter({ hasText: "L'ordre des actions est modifié." }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: `Monter${NARROW}: ${before[0]}` }).click();
    await page.waitForFunction((title) => document.querySelectorAll('section li.app-action-list__item h3')[0]?.textContent === title, before[0]);
    // At the top again, « Monter » is hidden: the focus moved to its « Descendre ».
    assert.equal(await page.getByRole('button', { name: `Monter${NARROW}: ${before[0]}` }).count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.startsWith('Descendre')), true);
    assert.equal(navigations, 0, 'no page load for a move');

    await page.getByRole('button', { name: `Descendre${NARROW}: ${before[0]}` }).click();
    await page.waitForFunction((title) => document.querySelectorAll('section li.app-action-list__item h3')[1]?.textContent === title, before[0]);
    await page.reload();
    await journey.audit('plan-apres');
    assert.deepEqual((await settlementOrder(journey)).slice(0, 2), [before[1], before[0]], 'the order is saved');
    await journey.done();
  });
});
